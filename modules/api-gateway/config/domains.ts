import type { Tags } from "./common.js";

/** Client certificate (mutual TLS) authentication on a custom domain. */
export interface MutualTlsAuthentication {
  /** `s3://bucket/key` of the PEM truststore. */
  readonly truststore_uri: string;
  /** S3 object version of the truststore. @default - the latest version */
  readonly truststore_version?: string;
}

/**
 * The ACM certificate and Route53 records the module can create for a custom domain, instead of a certificate
 * ARN of your own (the serverless gateway deployment's `create_acm_certificate`, `create_route53_record` and `route53_zone_id`).
 * @see https://docs.aws.amazon.com/acm/latest/userguide/dns-validation.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html
 */
export interface ManagedDomainSettings {
  /**
   * Create an ACM certificate with DNS validation for this domain (in us-east-1 for an EDGE domain, in the stack's
   * region otherwise), its validation records in `route53_zone_id`, and an `aws_acm_certificate_validation` that the
   * domain waits for. Give no certificate ARN with it. Domains that ask for the same `certificate_domain_name` share
   * one certificate.
   * @default false
   */
  readonly create_certificate?: boolean;
  /**
   * Primary name of the created certificate, e.g. `*.example.com` for a wildcard certificate that several domains
   * share. It, or one of `subject_alternative_names`, must cover `domain_name`.
   * @default - domain_name
   */
  readonly certificate_domain_name?: string;
  /** More names on the created certificate, e.g. `["example.com"]` beside `*.example.com`; validated in the same zone. @default [] */
  readonly subject_alternative_names?: string[];
  /** Route53 hosted zone id (`Z...`) that holds the certificate's validation records and the domain's alias records. @default - none */
  readonly route53_zone_id?: string;
  /**
   * Create Route53 alias records from `domain_name` to the domain's API Gateway target in `route53_zone_id`: an `A`
   * record, and an `AAAA` record where the endpoint answers IPv6 (EDGE domains, and `dualstack` REGIONAL domains).
   * @default false
   */
  readonly create_dns_record?: boolean;
}

/**
 * A custom domain for an HTTP API. Becomes `aws_apigatewayv2_domain_name` and `aws_apigatewayv2_api_mapping`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html
 */
export interface HttpApiCustomDomainConfig extends ManagedDomainSettings {
  /** The `http_apis` key of the API this domain serves. */
  readonly api_name: string;
  /** The domain name, e.g. `api.example.com`. */
  readonly domain_name: string;
  /** Certificate and endpoint of the domain; may be left out with `create_certificate`. @default {} */
  readonly domain_name_configuration?: {
    /** ACM certificate ARN, in the stack's region. @default - the created certificate, with `create_certificate` */
    readonly certificate_arn?: string;
    /** HTTP API domains are `REGIONAL` only; `EDGE` is refused. @default "REGIONAL" */
    readonly endpoint_type?: "REGIONAL" | "EDGE";
    /** TLS policy; HTTP API domains accept `TLS_1_2` only. @default "TLS_1_2" */
    readonly security_policy?: "TLS_1_2" | "TLS_1_0";
    /** Certificate proving ownership, needed with mutual TLS and a non-ACM certificate. @default - none */
    readonly ownership_verification_certificate_arn?: string;
    /** Which clients can call the domain: IPv4 only, or IPv4 and IPv6 (`dualstack`). @default - API Gateway's default, "ipv4" */
    readonly ip_address_type?: "ipv4" | "dualstack";
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
export interface RestApiCustomDomainConfig extends ManagedDomainSettings {
  /** The `rest_apis` key of the API this domain serves. */
  readonly api_name: string;
  /** The domain name, e.g. `api.example.com`. */
  readonly domain_name: string;
  /** ACM certificate ARN for an `EDGE` domain; must be in us-east-1 (CloudFront serves it). @default - none, or the created certificate with `create_certificate` */
  readonly certificate_arn?: string;
  /** ACM certificate ARN for a `REGIONAL` domain, in the stack's region. @default - none, or the created certificate with `create_certificate` */
  readonly regional_certificate_arn?: string;
  /** Endpoint type of the domain. @default { types: ["REGIONAL"] } */
  readonly endpoint_configuration?: {
    /** One of `EDGE` or `REGIONAL`. */
    readonly types: ("EDGE" | "REGIONAL")[];
    /** Which clients can call the domain: IPv4 only, or IPv4 and IPv6 (`dualstack`). @default - API Gateway's default, "ipv4" */
    readonly ip_address_type?: "ipv4" | "dualstack";
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
