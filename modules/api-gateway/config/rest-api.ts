import type { AccessLogSettings, CorsConfiguration, Description, HttpMethod, Int32, Rate, ResourceName, StageVariableValue, Tags } from "./common.js";

/**
 * Stage-wide method settings of a REST API stage (the HCL module's `throttle_settings` shape). Become one
 * `aws_api_gateway_method_settings` with `method_path` `*`/`*` (every method of the stage).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-stages.html
 */
export interface RestStageThrottleSettings {
  /** Steady-state requests per second. @minimum 0 @default - the account limit */
  readonly throttling_rate_limit?: Rate;
  /** Burst above the rate. @minimum 0 @default - the account limit */
  readonly throttling_burst_limit?: Int32;
  /** CloudWatch metrics per method. @default false */
  readonly metrics_enabled?: boolean;
  /**
   * Execution logging level. `ERROR` or `INFO` needs the account's CloudWatch Logs role (see `api_gateway_account`).
   * @default "OFF"
   */
  readonly logging_level?: "OFF" | "ERROR" | "INFO";
  /** Full request/response logging (may log secrets and tokens). @default false */
  readonly data_trace_enabled?: boolean;
  /** Response caching of every method (needs `cache_cluster_enabled` on the stage). @default false */
  readonly caching_enabled?: boolean;
  /** Encrypt the cached responses at rest. @default true */
  readonly cache_data_encrypted?: boolean;
  /** Cache time to live, 0 to 3600 seconds. @minimum 0 @maximum 3600 @default 300 */
  readonly cache_ttl_in_seconds?: Int32;
  /** Whether a client's `Cache-Control: max-age=0` (cache bypass) needs the `execute-api:InvalidateCache` permission. @default true */
  readonly require_authorization_for_cache_control?: boolean;
  /**
   * Not a stage setting in AWS: cache keys are set per method. Refused with an error that points to
   * `methods.<key>.integration.cache_key_parameters`, because ignoring it would cache one response for all keys.
   * @default - none
   */
  readonly cache_key_parameters?: string[];
}

/**
 * Canary release settings of a REST API stage.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html
 */
export interface RestCanarySettings {
  /** Percent of traffic sent to the canary, 0 to 100. @minimum 0 @maximum 100 @default 0 */
  readonly percent_traffic?: number;
  /**
   * Deployment the canary serves. AWS requires one; a tfvars file cannot name a deployment the module creates,
   * so by default the canary points at the module's own deployment of the API.
   * @default - the API's deployment made by the module
   */
  readonly deployment_id?: string;
  /** Whether the canary uses the stage cache. @default false */
  readonly use_stage_cache?: boolean;
  /** Stage variables overridden for the canary. @default {} */
  readonly stage_variable_overrides?: Record<string, StageVariableValue>;
}

/**
 * A stage of a REST API, named by its map key. Becomes `aws_api_gateway_stage` pointing at the API's
 * deployment, with `aws_api_gateway_method_settings`, an access-log group and a WAF association as configured.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/stages.html
 */
export interface RestApiStageConfig {
  /** Stage description, at most 1024 characters (not part of the deployment: changing it does not redeploy). @default - none */
  readonly stage_description?: Description;
  /**
   * Stage variables, `${stageVariables.name}` in integrations: names of letters, digits and `_`, values of at most 2048 characters.
   * @propertyNames {"pattern": "^[A-Za-z0-9_]{1,64}$"}
   * @default {}
   */
  readonly variables?: Record<string, StageVariableValue>;
  /** Provision a cache cluster (billed by the hour, see `cost_optimization_summary`). @default false */
  readonly cache_cluster_enabled?: boolean;
  /** Cache size in GB: one of 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237. @default "0.5" */
  readonly cache_cluster_size?: string;
  /** Throttling, metrics, execution logging and caching for every method. @default - AWS defaults */
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

/**
 * An API key. Becomes `aws_api_gateway_api_key`; AWS generates the value, which no output carries.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export interface RestApiKeyConfig {
  /** Key name. @default - `<name_prefix>-<api>-<key>` */
  readonly name?: string;
  /** Key description, at most 1024 characters. @default - none */
  readonly description?: Description;
  /** Whether the key can be used. @default true */
  readonly enabled?: boolean;
  /** Tags, merged over the API's tags and `common_tags`. @default {} */
  readonly tags?: Tags;
}

/** A stage a usage plan covers. */
export interface RestUsagePlanStage {
  /** A `stages` key of the API. */
  readonly stage: string;
  /** Throttling of one method path, e.g. `/partner/*` or `/items/GET`. @default - none */
  readonly throttle?: {
    /** Resource path and method (`/pets/GET`), `*` for any method (`/partner/*`), or `/*`/`*` for all. */
    readonly path: string;
    /** Requests per second. @minimum 0 @default - the plan's rate */
    readonly rate_limit?: Rate;
    /** Burst. @minimum 0 @default - the plan's burst */
    readonly burst_limit?: Int32;
  };
}

/**
 * A usage plan. Becomes `aws_api_gateway_usage_plan`, and an `aws_api_gateway_usage_plan_key` per `api_keys` entry.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export interface RestUsagePlanConfig {
  /** Plan name. @default - `<name_prefix>-<api>-<key>` */
  readonly name?: string;
  /** Plan description, at most 1024 characters. @default - none */
  readonly description?: Description;
  /** Stages the plan covers. @default [] */
  readonly api_stages?: RestUsagePlanStage[];
  /** Request quota. @default - none */
  readonly quota_settings?: {
    /** Requests per period. @minimum 0 */
    readonly limit: Int32;
    /** `DAY`, `WEEK` or `MONTH`. */
    readonly period: "DAY" | "WEEK" | "MONTH";
    /** Requests subtracted in the first period. @minimum 0 @default 0 */
    readonly offset?: Int32;
  };
  /** Plan-wide throttling. @default - none */
  readonly throttle_settings?: {
    /** Requests per second. @minimum 0 @default - none */
    readonly rate_limit?: Rate;
    /** Burst. @minimum 0 @default - none */
    readonly burst_limit?: Int32;
  };
  /** `api_keys` keys of the same API attached to the plan (each an `aws_api_gateway_usage_plan_key`). @default [] */
  readonly api_keys?: string[];
  /** Tags, merged over the API's tags and `common_tags`. @default {} */
  readonly tags?: Tags;
}

/**
 * A REST API authorizer. Becomes `aws_api_gateway_authorizer`; a Lambda function ARN in `authorizer_uri` is
 * turned into its invoke URI and gets an `aws_lambda_permission` (unless `authorizer_credentials` is set).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html
 */
export interface RestAuthorizerConfig {
  /** Authorizer name, 1 to 128 characters. @default - the map key */
  readonly name?: ResourceName;
  /** `TOKEN` or `REQUEST` (Lambda; methods use them with `CUSTOM`), or `COGNITO_USER_POOLS`. @default "TOKEN" */
  readonly type?: "TOKEN" | "REQUEST" | "COGNITO_USER_POOLS";
  /** Lambda function ARN or invoke URI (`TOKEN` and `REQUEST` only). @default - none */
  readonly authorizer_uri?: string;
  /** IAM role API Gateway assumes to invoke the function. @default - none: a Lambda permission is created */
  readonly authorizer_credentials?: string;
  /** Seconds an answer is cached, 0 to 3600. @minimum 0 @maximum 3600 @default 300 */
  readonly authorizer_result_ttl_in_seconds?: Int32;
  /**
   * Where the token or identity is read: `method.request.header.Authorization`, or for `REQUEST` a
   * comma-separated list of sources.
   * @default "method.request.header.Authorization"
   */
  readonly identity_source?: string;
  /** Regex a `TOKEN` must match before the function is called. @default - none */
  readonly identity_validation_expression?: string;
  /** Cognito user pool ARNs (`COGNITO_USER_POOLS` only). @default - none */
  readonly provider_arns?: string[];
}

/**
 * Where a method's requests go. Becomes `aws_api_gateway_integration`; a Lambda function ARN as `uri` becomes
 * the invoke URI and gets its `aws_lambda_permission`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-integration-types.html
 */
export interface RestIntegrationConfig {
  /**
   * `AWS_PROXY` (Lambda proxy), `AWS` (Lambda or AWS service, with mapping templates), `HTTP_PROXY`, `HTTP`
   * (with mapping templates) or `MOCK` (answered by API Gateway).
   */
  readonly type: "AWS_PROXY" | "AWS" | "HTTP_PROXY" | "HTTP" | "MOCK";
  /**
   * Lambda function ARN (or invoke URI), AWS service action ARN (`arn:aws:apigateway:<region>:<service>:action/<Action>`),
   * or backend URL for `HTTP`/`HTTP_PROXY` (with `VPC_LINK`, the URL the NLB serves). Not used by `MOCK`.
   * @default - none
   */
  readonly uri?: string;
  /** Method used to call the backend; Lambda is always called with `POST`. @default - "POST" for Lambda and AWS, the method's own for HTTP */
  readonly http_method?: HttpMethod;
  /** `INTERNET` or `VPC_LINK` (private integration through a REST-style VPC link). @default "INTERNET" */
  readonly connection_type?: "INTERNET" | "VPC_LINK";
  /** For `VPC_LINK`: a `vpc_links` key (a REST-style link, `target_arns`) or an existing v1 VPC link id. @default - none */
  readonly connection_id?: string;
  /** IAM role API Gateway assumes (AWS service integrations; for Lambda it replaces the Lambda permission). @default - none */
  readonly credentials?: string;
  /** Integration timeout in milliseconds, 50 to 29000. @minimum 50 @maximum 29000 @default 29000 */
  readonly timeout_milliseconds?: Int32;
  /** Mapping templates by content type (`AWS`, `HTTP`, `MOCK`). @default - `{"statusCode": 200}` for MOCK, else none */
  readonly request_templates?: Record<string, string>;
  /** Parameter mappings, e.g. `{ "integration.request.header.x-id": "method.request.path.id" }`. @default {} */
  readonly request_parameters?: Record<string, string>;
  /** What happens to a request whose content type has no template. @default - "WHEN_NO_MATCH" */
  readonly passthrough_behavior?: "WHEN_NO_MATCH" | "WHEN_NO_TEMPLATES" | "NEVER";
  /** Conversion of the request payload. @default - passthrough */
  readonly content_handling?: "CONVERT_TO_BINARY" | "CONVERT_TO_TEXT";
  /**
   * Method request parameters that key the stage cache, e.g. `method.request.path.id`; each must be declared in the
   * method's `request_parameters`. With caching on and authorization, include the caller's identity
   * (`method.request.header.Authorization`), or callers see each other's cached responses.
   * @default []
   */
  readonly cache_key_parameters?: string[];
}

/**
 * One status code of a method: the method response, and for non-proxy integrations the integration response that
 * produces it.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-response.html
 */
export interface RestMethodResponseConfig {
  /** Response headers the method may return: `method.response.header.<Name>` to whether it is required. @default {} */
  readonly response_parameters?: Record<string, boolean>;
  /** Response models by content type: a `models` key, or `Empty` / `Error`. @default - `{"application/json": "Empty"}` for non-proxy integrations */
  readonly response_models?: Record<string, string>;
  /** Integration response (`AWS`, `HTTP`, `MOCK` only; a proxy integration passes the backend's response through). @default - a passthrough */
  readonly integration_response?: {
    /** Regex on the backend's status (HTTP) or error message (Lambda) that selects this response. @default - the default response */
    readonly selection_pattern?: string;
    /** Header mappings, e.g. `{ "method.response.header.X-Id": "integration.response.header.x-id" }`. @default {} */
    readonly response_parameters?: Record<string, string>;
    /** Mapping templates by content type. @default - passthrough */
    readonly response_templates?: Record<string, string>;
    /** Conversion of the response payload. @default - passthrough */
    readonly content_handling?: "CONVERT_TO_BINARY" | "CONVERT_TO_TEXT";
  };
}

/**
 * A method: an HTTP verb on a resource path. Becomes `aws_api_gateway_method` and its integration; the path
 * becomes `aws_api_gateway_resource`s, one per segment, shared with the other methods.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-method-settings.html
 */
export interface RestMethodConfig {
  /** Resource path: `/`, `/users`, `/users/{id}`, `/{proxy+}` (a greedy parameter last). */
  readonly path: string;
  /** HTTP verb, or `ANY`. */
  readonly http_method: HttpMethod;
  /**
   * `NONE`, `AWS_IAM` (SigV4), `CUSTOM` (a TOKEN or REQUEST `authorizers` key) or `COGNITO_USER_POOLS` (a
   * COGNITO_USER_POOLS `authorizers` key).
   * @default - "CUSTOM" or "COGNITO_USER_POOLS" when `authorizer_id` names such an authorizer, else "NONE"
   */
  readonly authorization?: "NONE" | "AWS_IAM" | "CUSTOM" | "COGNITO_USER_POOLS";
  /** An `authorizers` key of the same API. @default - none */
  readonly authorizer_id?: string;
  /** OAuth scopes of a Cognito access token (`COGNITO_USER_POOLS` only). @default - none */
  readonly authorization_scopes?: string[];
  /** Whether callers must send an API key of a usage plan. @default false */
  readonly api_key_required?: boolean;
  /** What API Gateway validates before calling the integration (a request validator per API and kind). @default "NONE" */
  readonly request_validator?: "NONE" | "BODY" | "PARAMETERS" | "BODY_AND_PARAMETERS";
  /** Request body models by content type: a `models` key, or `Empty`. @default {} */
  readonly request_models?: Record<string, string>;
  /** Request parameters the method declares, `method.request.querystring.page` etc., to whether each is required. @default {} */
  readonly request_parameters?: Record<string, boolean>;
  /** Operation name for documentation and SDKs. @default - none */
  readonly operation_name?: string;
  /** Where requests go. */
  readonly integration: RestIntegrationConfig;
  /**
   * Responses by status code (`"200"`, `"404"`). For a proxy integration, method responses only.
   * @default - for non-proxy integrations, a `"200"` passthrough
   */
  readonly responses?: Record<string, RestMethodResponseConfig>;
}

/**
 * A model: a JSON Schema (draft 4) for request validation or SDKs. Becomes `aws_api_gateway_model`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings-models.html
 */
export interface RestModelConfig {
  /**
   * Model name, letters and digits only.
   * @title a model name AWS takes
   * @pattern ^[A-Za-z0-9]+$
   * @fix use letters and digits only, such as UserInput
   * @default - the map key in PascalCase (`user_input` is `UserInput`)
   */
  readonly name?: string;
  /** Model description, at most 1024 characters. @default - none */
  readonly description?: Description;
  /** Content type the model describes. @default "application/json" */
  readonly content_type?: string;
  /** The JSON Schema, as text (`jsonencode()`) or an object in a `.ts` config. */
  readonly schema: string | Record<string, unknown>;
}

/**
 * A REST API (API Gateway v1). Becomes `aws_api_gateway_rest_api` named `<name_prefix>-<key>`, with its
 * resources and methods (or an OpenAPI body), one deployment that changes only when what the API serves does,
 * stages, keys, usage plans and authorizers.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-rest-api.html
 */
export interface RestApiConfig {
  /** API description, at most 1024 characters. @default - none */
  readonly description?: Description;
  /** Endpoint type. @default { types: ["REGIONAL"] } */
  readonly endpoint_configuration?: {
    /** One of `EDGE`, `REGIONAL`, `PRIVATE` (AWS takes exactly one). */
    readonly types: ("EDGE" | "REGIONAL" | "PRIVATE")[];
    /** VPC endpoints of a PRIVATE API. @default - none */
    readonly vpc_endpoint_ids?: string[];
  };
  /** Media types served as binary, e.g. `image/png`, or `*`/`*` for all. @default [] */
  readonly binary_media_types?: string[];
  /**
   * Smallest response body compressed, 0 to 10485760 bytes; -1 turns compression off.
   * @minimum -1
   * @maximum 10485760
   * @default - no compression
   */
  readonly minimum_compression_size?: Int32;
  /** `HEADER` (the `x-api-key` header) or `AUTHORIZER` (a Lambda authorizer's `usageIdentifierKey`). @default "HEADER" */
  readonly api_key_source?: "HEADER" | "AUTHORIZER";
  /** Resource policy JSON (a string from `jsonencode()`, or an object in a `.ts` config). Required for PRIVATE APIs. @default - none */
  readonly policy?: string | Record<string, unknown>;
  /**
   * OpenAPI 3 / Swagger 2 definition as JSON or YAML text (as `jsonencode()` or `file()` gives it), or an object
   * in a `.ts` config. Becomes the API's `body`. Give either this or `methods`.
   * @default - none
   */
  readonly openapi_spec?: string | Record<string, unknown>;
  /** Methods keyed by a stable name; their paths become the resource tree. Give either this or `openapi_spec`. @default {} */
  readonly methods?: Record<string, RestMethodConfig>;
  /** Models referenced by methods' `request_models` and responses' `response_models`. @default {} */
  readonly models?: Record<string, RestModelConfig>;
  /**
   * CORS: an `OPTIONS` MOCK method on every resource that has methods, and the CORS headers on the `DEFAULT_4XX`
   * and `DEFAULT_5XX` gateway responses. For `*_PROXY` integrations, the backend adds CORS headers to its own responses.
   * @default - no CORS
   */
  readonly cors_configuration?: CorsConfiguration;
  /** Turn off the `execute-api` endpoint so that clients must use a custom domain. @default false */
  readonly disable_execute_api_endpoint?: boolean;
  /**
   * Stages, keyed by stage name: 1 to 128 letters, digits, `-` and `_` (also part of the stage's log group names and invoke URL).
   * @propertyNames {"pattern": "^[A-Za-z0-9_-]{1,128}$"}
   * @default {}
   */
  readonly stages?: Record<string, RestApiStageConfig>;
  /** API keys. @default {} */
  readonly api_keys?: Record<string, RestApiKeyConfig>;
  /** Usage plans. @default {} */
  readonly usage_plans?: Record<string, RestUsagePlanConfig>;
  /** Authorizers, referenced by methods' `authorizer_id`. @default {} */
  readonly authorizers?: Record<string, RestAuthorizerConfig>;
  /** WAFv2 web ACL ARN (REGIONAL scope) associated with every stage. @default - none */
  readonly waf_acl_arn?: string;
  /** Tags, merged over `common_tags`. @default {} */
  readonly tags?: Tags;
}

/**
 * API Gateway's account-level CloudWatch Logs role, which REST execution logging and access logging need.
 * It is one setting per AWS account and region (`aws_api_gateway_account`): when several stacks in one account
 * each manage it, they overwrite each other, and destroying one stack can leave the others unable to log.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
 */
export interface ApiGatewayAccountConfig {
  /**
   * `create`: this stack creates an IAM role and `aws_api_gateway_account` when a REST stage logs.
   * `existing`: this stack sets `aws_api_gateway_account` to `cloudwatch_role_arn`.
   * `none`: this stack leaves the account setting alone (one shared stack, or the platform team, manages it).
   * @default "create"
   */
  readonly cloudwatch_role?: "create" | "existing" | "none";
  /** ARN of an existing role API Gateway can assume to write logs; required with `existing`. @default - none */
  readonly cloudwatch_role_arn?: string;
}
