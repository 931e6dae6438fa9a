/** The bundled handlers an environment can deploy behind its API. */
export type ApplicationHandlerName = "health" | "catalog" | "orders";

/** Rate-limit tier of a tenant (seed 004: Basic 10/20/100k, Standard 100/200/1M, Premium 1000/2000/10M). */
export type RateLimitTier = "basic" | "standard" | "premium";

/** The JWT authorizer deployed in front of `catalog` and `orders`. */
export interface ApplicationAuthorizerConfig {
  /** Exact `iss` accepted, e.g. `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123`. Becomes `JWT_ISSUER`. */
  readonly issuer: string;
  /** Accepted `aud` values or Cognito app client ids (`client_id` of access tokens). Becomes `JWT_AUDIENCE`. */
  readonly audiences: string[];
  /** JWKS URL, https. Becomes `JWKS_URI`. @default "<issuer>/.well-known/jwks.json" */
  readonly jwks_uri?: string;
  /** Claim holding the tenant id. Becomes `TENANT_CLAIM`. @default "custom:tenant_id", falling back to "tenant_id" */
  readonly tenant_claim?: string;
  /** Claim holding the role (Guest, User, Moderator, Admin). Becomes `ROLE_CLAIM`. @default "custom:role" */
  readonly role_claim?: string;
  /** Tokens whose `iat` is older are refused, 60..86400. Becomes `JWT_MAX_TOKEN_AGE_SECONDS`. @default 3600 */
  readonly max_token_age_seconds?: number;
  /**
   * How long API Gateway caches the authorizer's answer per token, 0..3600 (0: no caching). The answer is
   * route-independent, so caching is safe. Becomes the authorizer's `authorizer_result_ttl_in_seconds`.
   * @default 300
   */
  readonly result_ttl_in_seconds?: number;
}

/** Settings of every deployed function (`aws_lambda_function`). */
export interface ApplicationLambdaConfig {
  /** Memory in MB, 128..10240. Becomes `memory_size`. @default 256 */
  readonly memory_size?: number;
  /** Timeout in seconds, 1..900; above API Gateway's own limit (30 s HTTP, 29 s REST) is a warning. Becomes `timeout`. @default 10 */
  readonly timeout?: number;
  /** Reserved concurrency of each API function (not the authorizer), 0 or more. Becomes `reserved_concurrent_executions`. @default - unreserved */
  readonly reserved_concurrent_executions?: number;
  /** Retention of the functions' log groups, a value CloudWatch Logs accepts. @default - the module's `log_retention_days` */
  readonly log_retention_days?: number;
  /** Handler log level: trace, debug, info, warn, error, fatal or silent. Becomes `LOG_LEVEL`. @default "info" */
  readonly log_level?: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  /** X-Ray active tracing. Becomes `tracing_config.mode` `Active` or `PassThrough`. @default true */
  readonly tracing_enabled?: boolean;
  /**
   * Extra environment variables of the API functions (seed 001's `additional_lambda_env_vars`), e.g. upstream
   * URLs. Names the handlers read themselves (TABLE_NAME, JWT_ISSUER, ...) and AWS-reserved names are refused.
   * Never put secrets here: they would land in Terraform state. @default {}
   */
  readonly environment_variables?: Record<string, string>;
}

/**
 * A secret the API functions (catalog, orders) read once per container, named by ARN so that its value never
 * enters config, Terraform JSON or state. Give exactly one of the two.
 */
export interface ApplicationSecretConfig {
  /** ARN of an SSM SecureString parameter, e.g. `arn:aws:ssm:eu-west-1:123456789012:parameter/acme/dev/token-signing-secret`. */
  readonly ssm_parameter_arn?: string;
  /** ARN of a Secrets Manager secret (with its 6-character suffix), e.g. `arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme-token-AbCdEf`. */
  readonly secrets_manager_secret_arn?: string;
}

/** The DynamoDB tables (`aws_dynamodb_table`): app data, sessions (idempotency records) and rate limits. */
export interface ApplicationTablesConfig {
  /** Point-in-time recovery on every table (seed 001's `enable_pitr`). Becomes `point_in_time_recovery.enabled`. @default true */
  readonly point_in_time_recovery?: boolean;
  /** Refuse table deletion until switched off (`deletion_protection_enabled`). @default true */
  readonly deletion_protection?: boolean;
  /** Customer-managed KMS key ARN for table encryption; the functions get kms:Decrypt/GenerateDataKey on it. @default - the AWS-managed key aws/dynamodb */
  readonly kms_key_arn?: string;
}

/** Per-tenant rate limiting in the handlers (fixed window in DynamoDB). */
export interface ApplicationRateLimitsConfig {
  /** Whether requests are counted and limited. Becomes `RATE_LIMIT_ENABLED`. @default true */
  readonly enabled?: boolean;
  /** Tier of tenants not named in `tenant_tiers`. Becomes `RATE_LIMIT_DEFAULT_TIER`. @default "basic" */
  readonly default_tier?: RateLimitTier;
  /** Tier per tenant id. Becomes `RATE_LIMIT_TENANT_TIERS`. @default {} */
  readonly tenant_tiers?: Record<string, RateLimitTier>;
}

/** CloudWatch alarms (API 5xx rate, API latency p99, Lambda errors and throttles) to an SNS topic. */
export interface ApplicationAlarmsConfig {
  /** Whether alarms are created. @default true */
  readonly enabled?: boolean;
  /** Existing SNS topic ARN to notify. @default - a topic `<name>-alarms` is created */
  readonly sns_topic_arn?: string;
  /** E-mail addresses subscribed to the created topic (each must confirm). @default [] */
  readonly email_subscriptions?: string[];
  /** Alarm when more than this percentage of a stage's requests end in 5xx over 5 minutes, 0..100. @default 5 */
  readonly api_5xx_rate_percent?: number;
  /** Alarm when a stage's p99 latency exceeds this many milliseconds over 5 minutes. @default 2500 */
  readonly api_latency_p99_ms?: number;
  /**
   * Alarm when more than this percentage of a stage's requests end in 4xx (clients refused: bad tokens, bad
   * bodies, throttling), 0..100.
   * @minimum 0
   * @maximum 100
   * @default 10
   */
  readonly api_4xx_rate_percent?: number;
  /**
   * Alarm when more than this many requests a minute are answered 429 (throttled or over quota), counted from the
   * stage's access logs.
   * @minimum 0
   * @default 10
   */
  readonly api_throttled_per_minute?: number;
  /**
   * Alarm when a function's p99 duration passes this percentage of its timeout, 1..100.
   * @minimum 1
   * @maximum 100
   * @default 80
   */
  readonly lambda_duration_percent_of_timeout?: number;
  /**
   * Alarm when DynamoDB throttles more than this many requests a minute on a table.
   * @minimum 0
   * @default 0
   */
  readonly dynamodb_throttles_per_minute?: number;
}

/**
 * The bundled handlers, mounted on one API of this environment: the functions with their roles and log groups,
 * the tables, the authorizer, the routes (HTTP API) or methods (REST API) and the alarms.
 *
 * Routes: `GET /health` (no authorizer); `GET /catalog`, `GET /catalog/{productId}`, `POST /orders`,
 * `GET /orders/{orderId}` behind the JWT authorizer.
 */
export interface ApplicationConfig {
  /** The `http_apis` key of the API to mount the handlers on. Give this or `rest_api`. */
  readonly http_api?: string;
  /** The `rest_apis` key of the API to mount the handlers on (an API with `methods`). Give this or `http_api`. */
  readonly rest_api?: string;
  /** Which handlers to deploy; the authorizer comes with `catalog` or `orders`. @default ["health", "catalog", "orders"] */
  readonly handlers?: ApplicationHandlerName[];
  /** Prefix of function, role, table and topic names. @default - the module's `name_prefix`, else "<tenant>-<environment>" */
  readonly name?: string;
  /** The JWT authorizer; required with `catalog` or `orders`. */
  readonly authorizer?: ApplicationAuthorizerConfig;
  /** Function settings. @default {} */
  readonly lambda?: ApplicationLambdaConfig;
  /**
   * Secrets by the name handler code asks for (upper case, e.g. `TOKEN_SIGNING_SECRET`). The catalog and orders
   * functions get `APP_SECRET_ARNS` and an IAM grant for exactly these ARNs. @default {}
   */
  readonly secrets?: Record<string, ApplicationSecretConfig>;
  /** Table settings. @default {} */
  readonly tables?: ApplicationTablesConfig;
  /** Per-tenant rate limits. @default {} */
  readonly rate_limits?: ApplicationRateLimitsConfig;
  /** Alarms. @default {} */
  readonly alarms?: ApplicationAlarmsConfig;
  /**
   * A CloudWatch dashboard `<name>`: API requests, 4xx/5xx rates and latency, Lambda and DynamoDB metrics, and
   * per-tenant Logs Insights views over the functions' and the gateway's log lines.
   * @default true
   */
  readonly dashboard?: boolean;
}
