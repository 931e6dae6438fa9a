import type { AccessLogSettings, Tags } from "./common.js";

/**
 * Stage-wide method settings of a REST API stage (the seed's `throttle_settings` shape). Become
 * `aws_api_gateway_method_settings` for `*` / `*`.
 */
export interface RestStageThrottleSettings {
  /** Steady-state requests per second. @minimum 0 @default - the account limit */
  readonly throttling_rate_limit?: number;
  /** Burst above the rate. @minimum 0 @default - the account limit */
  readonly throttling_burst_limit?: number;
  /** CloudWatch metrics per method. @default false */
  readonly metrics_enabled?: boolean;
  /** Execution logging level. @default "OFF" */
  readonly logging_level?: "OFF" | "ERROR" | "INFO";
  /** Full request/response logging (may log secrets). @default false */
  readonly data_trace_enabled?: boolean;
  /** Response caching (needs `cache_cluster_enabled`). @default false */
  readonly caching_enabled?: boolean;
  /** Cache time to live, 0 to 3600 seconds. @minimum 0 @maximum 3600 @default 300 */
  readonly cache_ttl_in_seconds?: number;
  /** Whether `Cache-Control: max-age=0` from a client needs authorization. @default true */
  readonly require_authorization_for_cache_control?: boolean;
  /** Cache key parameters, e.g. `method.request.querystring.id`. @default - none */
  readonly cache_key_parameters?: string[];
}

/** Canary release settings of a REST API stage. */
export interface RestCanarySettings {
  /** Percent of traffic sent to the canary, 0 to 100. @minimum 0 @maximum 100 */
  readonly percent_traffic?: number;
  /** Deployment of the canary; the module's own deployment is used. @default - the API's deployment */
  readonly deployment_id?: string;
  /** Whether the canary uses the stage cache. @default false */
  readonly use_stage_cache?: boolean;
  /** Stage variables overridden for the canary. @default {} */
  readonly stage_variable_overrides?: Record<string, string>;
}

/** A stage of a REST API. Becomes `aws_api_gateway_stage`. */
export interface RestApiStageConfig {
  /** Stage description. @default - none */
  readonly stage_description?: string;
  /** Stage variables. @default {} */
  readonly variables?: Record<string, string>;
  /** Provision a cache cluster. @default false */
  readonly cache_cluster_enabled?: boolean;
  /** Cache size in GB: 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118 or 237. @default "0.5" */
  readonly cache_cluster_size?: string;
  /** Throttling, metrics, logging and caching for every method. @default - AWS defaults */
  readonly throttle_settings?: RestStageThrottleSettings;
  /** Access logging. @default - a log group per stage when `enable_cloudwatch_logs` is on */
  readonly access_log_settings?: AccessLogSettings;
  /** Canary release. @default - none */
  readonly canary_settings?: RestCanarySettings;
  /** X-Ray tracing. @default false */
  readonly xray_tracing_enabled?: boolean;
  /** Tags, merged over the API's tags and `common_tags`. @default {} */
  readonly tags?: Tags;
}

/** An API key. Becomes `aws_api_gateway_api_key`. */
export interface RestApiKeyConfig {
  /** Key name. @default - `<name_prefix>-<api>-<key>` */
  readonly name?: string;
  /** Key description. @default - none */
  readonly description?: string;
  /** Whether the key can be used. @default true */
  readonly enabled?: boolean;
  /** Tags, merged over `common_tags`. @default {} */
  readonly tags?: Tags;
}

/** A stage a usage plan covers. */
export interface RestUsagePlanStage {
  /** A `stages` key of the API. */
  readonly stage: string;
  /** Per-method throttling, e.g. path `/partner/*` or `/items/GET`. @default - none */
  readonly throttle?: {
    /** Resource path and method (`/pets/GET`), or `/*` style wildcards. */
    readonly path: string;
    /** Requests per second. @minimum 0 */
    readonly rate_limit?: number;
    /** Burst. @minimum 0 */
    readonly burst_limit?: number;
  };
}

/** A usage plan. Becomes `aws_api_gateway_usage_plan`. */
export interface RestUsagePlanConfig {
  /** Plan name. @default - `<name_prefix>-<api>-<key>` */
  readonly name?: string;
  /** Plan description. @default - none */
  readonly description?: string;
  /** Stages the plan covers. */
  readonly api_stages?: RestUsagePlanStage[];
  /** Request quota. @default - none */
  readonly quota_settings?: {
    /** Requests per period. @minimum 0 */
    readonly limit: number;
    /** `DAY`, `WEEK` or `MONTH`. */
    readonly period: "DAY" | "WEEK" | "MONTH";
    /** Requests subtracted in the first period. @minimum 0 @default 0 */
    readonly offset?: number;
  };
  /** Plan-wide throttling. @default - none */
  readonly throttle_settings?: {
    /** Requests per second. @minimum 0 */
    readonly rate_limit?: number;
    /** Burst. @minimum 0 */
    readonly burst_limit?: number;
  };
  /** `api_keys` keys of this API attached to the plan. @default [] */
  readonly api_keys?: string[];
  /** Tags, merged over `common_tags`. @default {} */
  readonly tags?: Tags;
}

/** A REST API authorizer. Becomes `aws_api_gateway_authorizer`. */
export interface RestAuthorizerConfig {
  /** Authorizer name. @default - the map key */
  readonly name?: string;
  /** `TOKEN` or `REQUEST` (Lambda), or `COGNITO_USER_POOLS`. @default "TOKEN" */
  readonly type?: "TOKEN" | "REQUEST" | "COGNITO_USER_POOLS";
  /** Lambda function ARN or invoke URI (Lambda authorizers). */
  readonly authorizer_uri?: string;
  /** IAM role API Gateway assumes to invoke the function. @default - a Lambda permission is created */
  readonly authorizer_credentials?: string;
  /** Seconds an answer is cached, 0 to 3600. @minimum 0 @maximum 3600 @default 300 */
  readonly authorizer_result_ttl_in_seconds?: number;
  /** Where the token or identity is read. @default "method.request.header.Authorization" */
  readonly identity_source?: string;
  /** Regex a TOKEN must match before the function is called. @default - none */
  readonly identity_validation_expression?: string;
  /** Cognito user pool ARNs (COGNITO_USER_POOLS). */
  readonly provider_arns?: string[];
}

/**
 * A REST API (API Gateway v1). Becomes `aws_api_gateway_rest_api` named `<name_prefix>-<key>`, with its
 * stages, deployment, keys, usage plans and authorizers.
 */
export interface RestApiConfig {
  /** API description. @default - none */
  readonly description?: string;
  /** Endpoint type. @default { types: ["REGIONAL"] } */
  readonly endpoint_configuration?: {
    /** One of `EDGE`, `REGIONAL`, `PRIVATE`. */
    readonly types: ("EDGE" | "REGIONAL" | "PRIVATE")[];
    /** VPC endpoints of a PRIVATE API. @default - none */
    readonly vpc_endpoint_ids?: string[];
  };
  /** Media types served as binary, e.g. `image/png`. @default [] */
  readonly binary_media_types?: string[];
  /** Smallest response body compressed, 0 to 10485760 bytes. @minimum -1 @maximum 10485760 @default - no compression */
  readonly minimum_compression_size?: number;
  /** `HEADER` or `AUTHORIZER`. @default "HEADER" */
  readonly api_key_source?: "HEADER" | "AUTHORIZER";
  /** Resource policy JSON (a string from `jsonencode()`, or an object in a `.ts` config). @default - none */
  readonly policy?: string | Record<string, unknown>;
  /** OpenAPI definition, JSON or YAML text, or an object in a `.ts` config. @default - none */
  readonly openapi_spec?: string | Record<string, unknown>;
  /** Stages, keyed by stage name. @default {} */
  readonly stages?: Record<string, RestApiStageConfig>;
  /** API keys. @default {} */
  readonly api_keys?: Record<string, RestApiKeyConfig>;
  /** Usage plans. @default {} */
  readonly usage_plans?: Record<string, RestUsagePlanConfig>;
  /** Authorizers, referenced by methods' `authorizer_id`. @default {} */
  readonly authorizers?: Record<string, RestAuthorizerConfig>;
  /** WAFv2 web ACL ARN associated with every stage. @default - none */
  readonly waf_acl_arn?: string;
  /** Tags, merged over `common_tags`. @default {} */
  readonly tags?: Tags;
}
