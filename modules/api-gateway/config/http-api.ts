import type { AccessLogSettings, CorsConfiguration, Description, HttpMethod, Int32, Rate, ResourceName, StageVariableValue, Tags } from "./common.js";

/**
 * An HTTP API stage name: `$default`, or 1 to 128 letters, digits, `-` and `_`. It is also part of the stage's
 * log group name and invoke URL.
 * @pattern ^(\$default|[A-Za-z0-9_-]{1,128})$
 */
export type HttpStageName = string;

/**
 * Throttling and metrics for the routes of an HTTP API stage.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
 */
export interface HttpRouteSettings {
  /** CloudWatch metrics per route. @default false */
  readonly detailed_metrics_enabled?: boolean;
  /**
   * Steady-state requests per second.
   * @minimum 0
   * @default - the account limit
   */
  readonly throttling_rate_limit?: Rate;
  /**
   * Burst of requests allowed above the rate.
   * @minimum 0
   * @default - the account limit
   */
  readonly throttling_burst_limit?: Int32;
  /**
   * Execution logging level. HTTP APIs have no execution logs (REST and WebSocket APIs do): accepted for
   * compatibility with the HCL module this product mirrors, left out of the output, and reported as a warning.
   */
  readonly logging_level?: "OFF" | "ERROR" | "INFO";
  /** Full request/response logging. HTTP APIs have none: accepted, left out, and reported as a warning. */
  readonly data_trace_enabled?: boolean;
}

/**
 * A stage of an HTTP API. Becomes `aws_apigatewayv2_stage`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-stages.html
 */
export interface HttpApiStageConfig {
  /** Stage name, also the first segment of the invoke URL; `$default` serves from the root. @default - the map key */
  readonly name?: HttpStageName;
  /** Stage description, at most 1024 characters. @default - none */
  readonly description?: Description;
  /**
   * Whether API Gateway deploys every change to this stage by itself. With `false` the module creates an
   * `aws_apigatewayv2_deployment` that changes only when routes, integrations or authorizers do.
   * @default true
   */
  readonly auto_deploy?: boolean;
  /** Throttling and metrics for every route of the stage. @default - AWS defaults */
  readonly default_route_settings?: HttpRouteSettings;
  /**
   * Per-route overrides, keyed by a `routes` key (or by the route key itself, `GET /users`).
   * @default {}
   */
  readonly route_settings?: Record<string, HttpRouteSettings>;
  /** Access logging. @default - a log group per stage when `enable_cloudwatch_logs` is on */
  readonly access_log_settings?: AccessLogSettings;
  /**
   * Stage variables, `${stageVariables.name}` in integrations: names of letters, digits and `_`, values of at most 2048 characters.
   * @propertyNames {"pattern": "^[A-Za-z0-9_]{1,64}$"}
   * @default {}
   */
  readonly stage_variables?: Record<string, StageVariableValue>;
  /** Tags, merged over the API's tags and `common_tags`. @default {} */
  readonly tags?: Tags;
}

/**
 * A JWT authorizer: API Gateway checks the token's signature, issuer, audience and expiry itself.
 * Becomes `aws_apigatewayv2_authorizer` with `authorizer_type = "JWT"`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 */
export interface JwtAuthorizerConfig {
  /** Authorizer name, 1 to 128 characters. @default - the map key */
  readonly name?: ResourceName;
  /** Accepted audiences (`aud`), or for Cognito access tokens the app client ids (`client_id`). */
  readonly audience: string[];
  /** Token issuer URL (`iss`), for Cognito `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
  readonly issuer: string;
  /** Where the token is read. @default ["$request.header.Authorization"] */
  readonly identity_sources?: string[];
}

/**
 * A Lambda (REQUEST) authorizer for an HTTP API. Becomes `aws_apigatewayv2_authorizer` with
 * `authorizer_type = "REQUEST"`, and the `aws_lambda_permission` that lets the API invoke the function.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export interface LambdaAuthorizerConfig {
  /** Authorizer name, 1 to 128 characters. @default - the map key */
  readonly name?: ResourceName;
  /** HTTP APIs take `REQUEST` Lambda authorizers only. @default "REQUEST" */
  readonly authorizer_type?: "REQUEST";
  /** The Lambda function ARN (turned into its invoke URI) or an invoke URI. */
  readonly authorizer_uri: string;
  /** IAM role API Gateway assumes to invoke the function; without it, a Lambda permission is created. @default - none */
  readonly authorizer_credentials_arn?: string;
  /** Request values that identify a caller and key the cache. @default ["$request.header.Authorization"] */
  readonly identity_sources?: string[];
  /** Payload sent to the function. @default "2.0" */
  readonly authorizer_payload_format_version?: "1.0" | "2.0";
  /**
   * Seconds API Gateway caches an answer, 0 to 3600.
   * @minimum 0
   * @maximum 3600
   * @default 300
   */
  readonly authorizer_result_ttl_in_seconds?: Int32;
  /** The function answers `{ isAuthorized, context }` instead of an IAM policy (payload 2.0 only). @default false */
  readonly enable_simple_responses?: boolean;
}

/**
 * An integration: where a route's requests go. Becomes `aws_apigatewayv2_integration`; a Lambda function ARN
 * in `integration_uri` also gets its `aws_lambda_permission`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations.html
 */
export interface HttpIntegrationConfig {
  /** `AWS_PROXY` (Lambda, or an AWS service with `integration_subtype`) or `HTTP_PROXY`. */
  readonly integration_type: "AWS_PROXY" | "HTTP_PROXY";
  /** AWS service action for service integrations, e.g. `SQS-SendMessage`. @default - none (Lambda) */
  readonly integration_subtype?: string;
  /** Method used to call the backend; Lambda is always called with `POST`. @default - "POST" for Lambda, "ANY" for HTTP */
  readonly integration_method?: HttpMethod;
  /**
   * Lambda function ARN (or its invoke URI), backend URL for `HTTP_PROXY`, or for `VPC_LINK` an ALB/NLB
   * listener ARN or Cloud Map service ARN.
   */
  readonly integration_uri?: string;
  /** Lambda event format. HTTP backends use 1.0. @default - "2.0" for Lambda, "1.0" otherwise */
  readonly payload_format_version?: "1.0" | "2.0";
  /**
   * Integration timeout in milliseconds, 50 to 30000.
   * @minimum 50
   * @maximum 30000
   * @default 30000
   */
  readonly timeout_milliseconds?: Int32;
  /** `INTERNET` or `VPC_LINK` (private integration). @default "INTERNET" */
  readonly connection_type?: "INTERNET" | "VPC_LINK";
  /** For `VPC_LINK`: a `vpc_links` key (HTTP-style link) or an existing VPC link id. */
  readonly connection_id?: string;
  /** IAM role API Gateway assumes for AWS service integrations. @default - none */
  readonly credentials_arn?: string;
  /** Integration description, at most 1024 characters. @default - none */
  readonly description?: Description;
  /** Parameter mappings, e.g. `{ "overwrite:path": "$request.path" }`. @default {} */
  readonly request_parameters?: Record<string, string>;
  /** TLS settings for private (`VPC_LINK`) HTTPS backends. @default - none */
  readonly tls_config?: {
    /** Host name API Gateway verifies in the backend's certificate. */
    readonly server_name_to_verify?: string;
  };
}

/**
 * A route. Becomes `aws_apigatewayv2_route`.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
export interface HttpRouteConfig {
  /** `METHOD /path` (`GET /users/{id}`, `ANY /api/{proxy+}`) or `$default`. */
  readonly route_key: string;
  /** `integrations/<key>` naming one of this API's `integrations`. @default - no target */
  readonly target?: string;
  /**
   * `NONE`, `AWS_IAM`, `JWT` (a `jwt_authorizers` key) or `CUSTOM` (a `lambda_authorizers` key).
   * @default - "JWT" or "CUSTOM" when `authorizer_id` names such an authorizer, else "NONE"
   */
  readonly authorization_type?: "NONE" | "AWS_IAM" | "JWT" | "CUSTOM";
  /** A key of this API's `jwt_authorizers` or `lambda_authorizers`. @default - none */
  readonly authorizer_id?: string;
  /** OAuth scopes a JWT must carry (one of them). JWT authorizers only. @default - none */
  readonly authorization_scopes?: string[];
  /** Operation name for documentation and SDKs, 1 to 64 characters. @minLength 1 @maxLength 64 @default - none */
  readonly operation_name?: string;
}

/**
 * An HTTP API (API Gateway v2). Becomes `aws_apigatewayv2_api` named `<name_prefix>-<key>`, with its stages,
 * authorizers, integrations and routes.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api.html
 */
export interface HttpApiConfig {
  /** API description, at most 1024 characters. @default - none */
  readonly description?: Description;
  /** A version label of your own, 1 to 64 characters. @minLength 1 @maxLength 64 @default - none */
  readonly version?: string;
  /** CORS preflight answers, made by API Gateway. @default - no CORS */
  readonly cors_configuration?: CorsConfiguration;
  /** Turn off the `execute-api` endpoint so that clients must use a custom domain. @default false */
  readonly disable_execute_api_endpoint?: boolean;
  /** How the API key is selected (WebSocket-style setting kept for compatibility). @default "$request.header.x-api-key" */
  readonly api_key_selection_expression?: string;
  /** How routes are selected. HTTP APIs take `$request.method $request.path` only. @default "$request.method $request.path" */
  readonly route_selection_expression?: string;
  /**
   * Stages, keyed by stage name (`$default`, or letters, digits, `-` and `_`; the key is the name unless `name` is set).
   * @propertyNames {"pattern": "^(\\$default|[A-Za-z0-9_-]{1,128})$"}
   * @default {}
   */
  readonly stages?: Record<string, HttpApiStageConfig>;
  /** JWT authorizers, referenced by routes' `authorizer_id`. @default {} */
  readonly jwt_authorizers?: Record<string, JwtAuthorizerConfig>;
  /** Lambda authorizers, referenced by routes' `authorizer_id`. @default {} */
  readonly lambda_authorizers?: Record<string, LambdaAuthorizerConfig>;
  /** Integrations, referenced by routes' `target` as `integrations/<key>`. @default {} */
  readonly integrations?: Record<string, HttpIntegrationConfig>;
  /** Routes. @default {} */
  readonly routes?: Record<string, HttpRouteConfig>;
  /**
   * Not supported by AWS: WAF web ACLs attach to REST API stages, ALBs and CloudFront, not HTTP APIs.
   * Kept in the type so that the HCL module's configs get a clear error instead of an unknown-key one.
   */
  readonly waf_acl_arn?: string;
  /** Tags, merged over `common_tags`. @default {} */
  readonly tags?: Tags;
}
