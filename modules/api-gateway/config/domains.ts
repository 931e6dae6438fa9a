import type { Tags } from "./common.js";

/** Client certificate (mutual TLS) authentication on a custom domain. */
export interface MutualTlsAuthentication {
  /** `s3://bucket/key` of the PEM truststore. */
  readonly truststore_uri: string;
  /** S3 object version of the truststore. @default - the latest version */
  readonly truststore_version?: string;
}

/**
 * A custom domain for an HTTP API. Becomes `aws_apigatewayv2_domain_name` and `aws_apigatewayv2_api_mapping`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html
 */
export interface HttpApiCustomDomainConfig {
  /** The `http_apis` key of the API this domain serves. */
  readonly api_name: string;
  /** The domain name, e.g. `api.example.com`. */
  readonly domain_name: string;
  /** Certificate and endpoint of the domain. */
  readonly domain_name_configuration: {
    /** ACM certificate ARN, in the stack's region. */
    readonly certificate_arn: string;
    /** HTTP API domains are `REGIONAL` only; `EDGE` is refused. @default "REGIONAL" */
    readonly endpoint_type?: "REGIONAL" | "EDGE";
    /** TLS policy; HTTP API domains accept `TLS_1_2` only. @default "TLS_1_2" */
    readonly security_policy?: "TLS_1_2" | "TLS_1_0";
    /** Certificate proving ownership, needed with mutual TLS and a non-ACM certificate. @default - none */
    readonly ownership_verification_certificate_arn?: string;
  };
  /** Mutual TLS. @default - off */
  readonly mutual_tls_authentication?: MutualTlsAuthentication;
  /** Which stage the domain serves, and under which path. @default - the API's only stage, at the root */
  readonly api_mapping?: {
    /** A `stages` key of the API. */
    readonly stage: string;
    /** Path under the domain, e.g. `v2`. @default - the root */
    readonly api_mapping_key?: string;
  };
  /** Tags, merged over `common_tags`. @default {} */
  readonly tags?: Tags;
}

/** A base path mapping of a REST API custom domain. */
export interface BasePathMapping {
  /** A `stages` key of the API. */
  readonly stage_name: string;
  /** Path under the domain, e.g. `v1`. @default - the root */
  readonly base_path?: string;
}

/**
 * A custom domain for a REST API. Becomes `aws_api_gateway_domain_name` and `aws_api_gateway_base_path_mapping`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html
 */
export interface RestApiCustomDomainConfig {
  /** The `rest_apis` key of the API this domain serves. */
  readonly api_name: string;
  /** The domain name, e.g. `api.example.com`. */
  readonly domain_name: string;
  /** ACM certificate ARN for an `EDGE` domain; must be in us-east-1 (CloudFront serves it). @default - none */
  readonly certificate_arn?: string;
  /** ACM certificate ARN for a `REGIONAL` domain, in the stack's region. @default - none */
  readonly regional_certificate_arn?: string;
  /** Endpoint type of the domain. @default { types: ["REGIONAL"] } */
  readonly endpoint_configuration?: {
    /** One of `EDGE` or `REGIONAL`. */
    readonly types: ("EDGE" | "REGIONAL")[];
  };
  /** TLS policy. @default "TLS_1_2" */
  readonly security_policy?: "TLS_1_0" | "TLS_1_2";
  /**
   * One mapping, or a map of mappings keyed by a name of your own. Each becomes `aws_api_gateway_base_path_mapping`.
   * @default - the API's only stage, at the root
   */
  readonly base_path_mappings?: BasePathMapping | Record<string, BasePathMapping>;
  /** Mutual TLS; REGIONAL domains only (AWS refuses it on EDGE domains), with `security_policy` TLS_1_2. @default - off */
  readonly mutual_tls_authentication?: MutualTlsAuthentication;
  /** Certificate proving ownership, needed with mutual TLS and an imported or private-CA certificate. @default - none */
  readonly ownership_verification_certificate_arn?: string;
  /** Tags, merged over `common_tags`. @default {} */
  readonly tags?: Tags;
}
