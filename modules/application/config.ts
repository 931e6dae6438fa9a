import type { Int32, LogRetentionDays } from "../api-gateway/config/common.js";

/**
 * An https URL without query or fragment.
 * @title an https URL
 * @pattern ^https://[^\s/?#]+(/[^\s?#]*)?$
 * @fix use an https:// URL, e.g. https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123
 */
export type HttpsUrl = string;

/**
 * A JWT claim name.
 * @pattern ^[A-Za-z0-9:_.-]{1,128}$
 * @fix use a claim name such as custom:tenant_id
 */
export type ClaimName = string;

/**
 * An accepted audience; JWT_AUDIENCE separates audiences with commas, so one cannot hold a comma.
 * @minLength 1
 * @pattern ^[^,]+$
 * @fix list each audience as its own entry (JWT_AUDIENCE separates them with commas)
 */
export type Audience = string;

/** The bundled handlers an environment can deploy behind its API. */
export type ApplicationHandlerName = "health" | "catalog" | "orders";

/** Rate-limit tier of a tenant (the catalog/orders API contract: Basic 10/20/100k, Standard 100/200/1M, Premium 1000/2000/10M). */
export type RateLimitTier = "basic" | "standard" | "premium";

/** The JWT authorizer deployed in front of `catalog` and `orders`. */
export interface ApplicationAuthorizerConfig {
  /** Exact `iss` accepted, e.g. `https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123`. Becomes `JWT_ISSUER`. */
  readonly issuer: HttpsUrl;
  /**
   * Accepted `aud` values or Cognito app client ids (`client_id` of access tokens). Becomes `JWT_AUDIENCE`.
   * @minItems 1
   * @fix list the accepted aud values or Cognito app client ids, e.g. ["4example0client0id"]
   */
  readonly audiences: Audience[];
  /**
   * JWKS URL, https. Becomes `JWKS_URI`.
   * @fix use an https:// URL (the authorizer refuses plain http outside loopback)
   * @default "<issuer>/.well-known/jwks.json"
   */
  readonly jwks_uri?: HttpsUrl;
  /** Claim holding the tenant id. Becomes `TENANT_CLAIM`. @default "custom:tenant_id", falling back to "tenant_id" */
  readonly tenant_claim?: ClaimName;
  /** Claim holding the role (Guest, User, Moderator, Admin). Becomes `ROLE_CLAIM`. @default "custom:role" */
  readonly role_claim?: ClaimName;
  /** Tokens whose `iat` is older are refused, 60..86400. Becomes `JWT_MAX_TOKEN_AGE_SECONDS`. @minimum 60 @maximum 86400 @default 3600 */
  readonly max_token_age_seconds?: Int32;
  /**
   * How long API Gateway caches the authorizer's answer per token, 0..3600 (0: no caching). The answer is
   * route-independent, so caching is safe. Becomes the authorizer's `authorizer_result_ttl_in_seconds`.
   * @minimum 0
   * @maximum 3600
   * @default 300
   */
  readonly result_ttl_in_seconds?: Int32;
}

/** Settings of every deployed function (`aws_lambda_function`). */
export interface ApplicationLambdaConfig {
  /** Memory in MB, 128..10240. Becomes `memory_size`. @minimum 128 @maximum 10240 @default 256 */
  readonly memory_size?: Int32;
  /** Timeout in seconds, 1..900; above API Gateway's own limit (30 s HTTP, 29 s REST) is a warning. Becomes `timeout`. @minimum 1 @maximum 900 @default 10 */
  readonly timeout?: Int32;
  /** Reserved concurrency of each API function (not the authorizer), 0..100000. Becomes `reserved_concurrent_executions`. @minimum 0 @maximum 100000 @default - unreserved */
  readonly reserved_concurrent_executions?: Int32;
  /** Retention of the functions' log groups, a value CloudWatch Logs accepts. @default - the module's `log_retention_days` */
  readonly log_retention_days?: LogRetentionDays;
  /** Handler log level: trace, debug, info, warn, error, fatal or silent. Becomes `LOG_LEVEL`. @default "info" */
  readonly log_level?: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  /** X-Ray active tracing. Becomes `tracing_config.mode` `Active` or `PassThrough`. @default true */
  readonly tracing_enabled?: boolean;
  /**
   * Extra environment variables of the API functions (the serverless gateway deployment's `additional_lambda_env_vars`), e.g. upstream
   * URLs. Names the handlers read themselves (TABLE_NAME, JWT_ISSUER, ...) and AWS-reserved names are refused.
   * Never put secrets here: they would land in Terraform state. Names: letters, digits and `_`, starting with a letter.
   * @propertyNames {"pattern": "^[A-Za-z][A-Za-z0-9_]*$", "fix": "use letters, digits and _, starting with a letter"}
   * @default {}
   */
  readonly environment_variables?: Record<string, string>;
}

/**
 * A secret the API functions (catalog, orders) read once per container, named by ARN so that its value never
 * enters config, Terraform JSON or state. Give exactly one of the two.
 */
export interface ApplicationSecretConfig {
  /**
   * ARN of an SSM SecureString parameter, e.g. `arn:aws:ssm:eu-west-1:123456789012:parameter/acme/dev/token-signing-secret`.
   * @pattern ^arn:aws(-cn|-us-gov)?:ssm:[a-z]{2}(-[a-z]+)+-\d:\d{12}:parameter/[A-Za-z0-9_.\-/]+$
   * @fix use arn:aws:ssm:<region>:<account>:parameter/<path>
   */
  readonly ssm_parameter_arn?: string;
  /**
   * ARN of a Secrets Manager secret (with its 6-character suffix), e.g. `arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme-token-AbCdEf`.
   * @pattern ^arn:aws(-cn|-us-gov)?:secretsmanager:[a-z]{2}(-[a-z]+)+-\d:\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$
   * @fix use the full secret ARN, arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>
   */
  readonly secrets_manager_secret_arn?: string;
}

/** The DynamoDB tables (`aws_dynamodb_table`): app data, sessions (idempotency records) and rate limits. */
export interface ApplicationTablesConfig {
  /** Point-in-time recovery on every table (the serverless gateway deployment's `enable_pitr`). Becomes `point_in_time_recovery.enabled`. @default true */
  readonly point_in_time_recovery?: boolean;
  /** Refuse table deletion until switched off (`deletion_protection_enabled`). @default true */
  readonly deletion_protection?: boolean;
  /**
   * Customer-managed KMS key ARN for table encryption; the functions get kms:Decrypt/GenerateDataKey on it.
   * @pattern ^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:key/[A-Za-z0-9-]+$
   * @fix use arn:aws:kms:<region>:<account>:key/<key id>
   * @default - the AWS-managed key aws/dynamodb
   */
  readonly kms_key_arn?: string;
}

/** Per-tenant rate limiting in the handlers (fixed window in DynamoDB). */
export interface ApplicationRateLimitsConfig {
  /** Whether requests are counted and limited. Becomes `RATE_LIMIT_ENABLED`. @default true */
  readonly enabled?: boolean;
  /** Tier of tenants not named in `tenant_tiers`. Becomes `RATE_LIMIT_DEFAULT_TIER`. @default "basic" */
  readonly default_tier?: RateLimitTier;
  /**
   * Tier per tenant id (lower-case letters, digits and `-`, as the authorizer accepts them). Becomes `RATE_LIMIT_TENANT_TIERS`.
   * @propertyNames {"pattern": "^[a-z0-9][a-z0-9-]{0,62}$", "fix": "use lower-case letters, digits and -, starting with a letter or digit (at most 63)"}
   * @default {}
   */
  readonly tenant_tiers?: Record<string, RateLimitTier>;
}

/**
 * An e-mail address.
 * @title an e-mail address
 * @pattern ^[^\s@]+@[^\s@]+\.[^\s@]+$
 * @fix use an e-mail address
 */
export type EmailAddress = string;

/**
 * A team's own usage tier, beside the presets `basic` (10 req/s, burst 20, 100,000 a month), `standard`
 * (100/200/1,000,000) and `premium` (1,000/2,000/10,000,000).
 */
export interface ApplicationTierConfig {
  /**
   * Steady requests per second.
   * @asType integer
   * @minimum 1
   * @maximum 1000000
   */
  readonly rate_per_second: number;
  /**
   * Requests allowed in a burst above the steady rate.
   * @asType integer
   * @minimum 1
   * @maximum 1000000
   */
  readonly burst: number;
  /**
   * Requests per calendar month.
   * @asType integer
   * @minimum 1
   * @maximum 2147483647
   */
  readonly monthly_quota: number;
}

/** A tenant of the application: the value of the token's tenant claim, with its tier and status. */
export interface ApplicationTenantConfig {
  /** A preset (`basic`, `standard`, `premium`) or a key of `application.tiers`. */
  readonly tier: string;
  /** `suspended` tenants are denied by the authorizer (and logged with the reason). @default "active" */
  readonly status?: "active" | "suspended";
  /**
   * This tenant's steady requests per second, over its tier's.
   * @asType integer
   * @minimum 1
   * @maximum 1000000
   * @default - the tier's
   */
  readonly rate_per_second?: number;
  /**
   * This tenant's burst, over its tier's.
   * @asType integer
   * @minimum 1
   * @maximum 1000000
   * @default - the tier's
   */
  readonly burst?: number;
  /**
   * This tenant's requests per calendar month, over its tier's.
   * @asType integer
   * @minimum 1
   * @maximum 2147483647
   * @default - the tier's
   */
  readonly monthly_quota?: number;
}

/** CloudWatch alarms (API 5xx rate, API latency p99, Lambda errors and throttles) to an SNS topic. */
export interface ApplicationAlarmsConfig {
  /** Whether alarms are created. @default true */
  readonly enabled?: boolean;
  /**
   * Existing SNS topic ARN to notify.
   * @pattern ^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$
   * @fix use arn:aws:sns:<region>:<account>:<topic>
   * @default - a topic `<name>-alarms` is created
   */
  readonly sns_topic_arn?: string;
  /** E-mail addresses subscribed to the created topic (each must confirm). @default [] */
  readonly email_subscriptions?: EmailAddress[];
  /** Alarm when more than this percentage of a stage's requests end in 5xx over 5 minutes, 0..100. @minimum 0 @maximum 100 @default 5 */
  readonly api_5xx_rate_percent?: number;
  /** Alarm when a stage's p99 latency exceeds this many milliseconds over 5 minutes, 1..30000. @minimum 1 @maximum 30000 @default 2500 */
  readonly api_latency_p99_ms?: Int32;
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
  readonly api_throttled_per_minute?: Int32;
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
  readonly dynamodb_throttles_per_minute?: Int32;
}

/**
 * The bundled handlers, mounted on one API of this environment: the functions with their roles and log groups,
 * the tables, the authorizer, the routes (HTTP API) or methods (REST API) and the alarms.
 *
 * Routes: `GET /health` (no authorizer); `GET /catalog`, `GET /catalog/{productId}`, `POST /orders`,
 * `GET /orders/{orderId}` behind the JWT authorizer.
 */
export interface ApplicationConfig {
  /** The `http_apis` key of the API to mount the handlers on. Give this or `rest_api`. @minLength 1 */
  readonly http_api?: string;
  /** The `rest_apis` key of the API to mount the handlers on (an API with `methods`). Give this or `http_api`. @minLength 1 */
  readonly rest_api?: string;
  /**
   * Which handlers to deploy, each once; the authorizer comes with `catalog` or `orders`.
   * @minItems 1
   * @uniqueItems true
   * @fix choose from health, catalog, orders, each once, or leave it out for all of them
   * @default ["health", "catalog", "orders"]
   */
  readonly handlers?: ApplicationHandlerName[];
  /**
   * Prefix of function, role, table and topic names: at most 40 letters, digits, `-` and `_`.
   * @pattern ^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$
   * @fix use at most 40 letters, digits, - and _ (function, role and table names are built from it)
   * @default - the module's `name_prefix`, else "<tenant>-<environment>"
   */
  readonly name?: string;
  /** The JWT authorizer; required with `catalog` or `orders`. */
  readonly authorizer?: ApplicationAuthorizerConfig;
  /** Function settings. @default {} */
  readonly lambda?: ApplicationLambdaConfig;
  /**
   * Secrets by the name handler code asks for (upper case, e.g. `TOKEN_SIGNING_SECRET`). The catalog and orders
   * functions get `APP_SECRET_ARNS` and an IAM grant for exactly these ARNs.
   * @propertyNames {"pattern": "^[A-Z][A-Z0-9_]{0,63}$", "fix": "use upper-case letters, digits and _, starting with a letter, e.g. TOKEN_SIGNING_SECRET"}
   * @default {}
   */
  readonly secrets?: Record<string, ApplicationSecretConfig>;
  /** Table settings. @default {} */
  readonly tables?: ApplicationTablesConfig;
  /** Per-tenant rate limits. @default {} */
  readonly rate_limits?: ApplicationRateLimitsConfig;
  /** Alarms. @default {} */
  readonly alarms?: ApplicationAlarmsConfig;
  /**
   * The team's own usage tiers, by name, beside the presets.
   * @propertyNames {"pattern": "^[a-z][a-z0-9-]{0,30}$", "fix": "use lower-case letters, digits and -, starting with a letter (at most 31)"}
   * @default {}
   */
  readonly tiers?: Record<string, ApplicationTierConfig>;
  /**
   * The application's tenants by id (the token's tenant claim). With a registry, the authorizer denies tenants
   * it does not list (see `unregistered_tenants`) and suspended ones; on a REST API, API Gateway enforces each
   * tenant's tier with usage plans and API keys before any function runs; on an HTTP API the functions'
   * limiter enforces the same numbers. Replaces `rate_limits.tenant_tiers`.
   * @propertyNames {"pattern": "^[a-z0-9][a-z0-9-]{0,62}$", "fix": "use lower-case letters, digits and -, starting with a letter or digit (at most 63)"}
   * @default - no registry: every tenant with a valid token, at its `rate_limits` tier
   */
  readonly tenants?: Record<string, ApplicationTenantConfig>;
  /** With `tenants`: `deny` tenants the registry does not list, or `allow` them at `rate_limits.default_tier`. @default "deny" */
  readonly unregistered_tenants?: "deny" | "allow";
  /**
   * A CloudWatch dashboard `<name>`: API requests, 4xx/5xx rates and latency, Lambda and DynamoDB metrics, and
   * per-tenant Logs Insights views over the functions' and the gateway's log lines.
   * @default true
   */
  readonly dashboard?: boolean;
}
