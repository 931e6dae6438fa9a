import type { LogRetentionDays } from "../../modules/api-gateway/config/common.js";
import type { HttpApiCustomDomainConfig } from "../../modules/api-gateway/config/domains.js";
import type { ApplicationConfig } from "../../modules/application/config.js";
import type { EnvironmentConfig, S3BackendConfig } from "../environment-config.js";

/**
 * The variables of the serverless gateway deployment's deployment (one HTTP API, the handlers, `sessions` and `rate_limits` tables, logs,
 * optional alarms and custom domain), under its names. `token_signing_secret` is replaced by the ARN of the
 * parameter or secret that holds it: a secret's value never enters config, Terraform JSON or state.
 */
export interface ServerlessGatewayVariables {
  /** Tenant, lower-case letters, digits and `-`. */
  readonly tenant: string;
  /** Environment name (dev/staging/prod). @default "dev" */
  readonly environment?: string;
  /** AWS region. @default "us-east-1" */
  readonly aws_region?: string;
  /** Prefix of every name. @default "<tenant>-<environment>" */
  readonly name_prefix?: string;
  /** S3 backend for the state. @default - local state */
  readonly backend?: { readonly s3: S3BackendConfig };
  /** The JWT issuer and accepted audiences of the authorizer in front of catalog and orders. */
  readonly jwt_issuer: string;
  readonly jwt_audiences: string[];
  /** Lambda memory in MB. @default 512 */
  readonly lambda_memory_size?: number;
  /** Lambda timeout in seconds; HTTP APIs wait at most 30. @default 30 */
  readonly lambda_timeout?: number;
  /** Reserved concurrency of the API functions, for cost control. @default - unreserved */
  readonly lambda_reserved_concurrency?: number;
  /** CloudWatch Logs retention in days. @default 7 */
  readonly log_retention_days?: LogRetentionDays;
  /** DynamoDB point-in-time recovery. @default false */
  readonly enable_pitr?: boolean;
  /** CloudWatch alarms. @default false */
  readonly enable_cloudwatch_alarms?: boolean;
  /** Where alarms notify (a created topic when unset). @default - a created topic */
  readonly alarm_email?: string;
  /** CORS allowed origins; set specific origins in production. @default ["*"] */
  readonly cors_allow_origins?: string[];
  /** Steady-state requests per second across the API. @default 100 */
  readonly throttling_rate_limit?: number;
  /** Burst of requests across the API. @default 200 */
  readonly throttling_burst_limit?: number;
  /** Extra environment variables (upstream service URLs and such, never secrets). @default {} */
  readonly additional_lambda_env_vars?: Record<string, string>;
  /** SSM SecureString parameter ARN holding the token signing secret (readable as TOKEN_SIGNING_SECRET). */
  readonly token_signing_secret_ssm_parameter_arn?: string;
  /** Secrets Manager secret ARN holding the token signing secret, instead of an SSM parameter. */
  readonly token_signing_secret_arn?: string;
  /** Custom domain, e.g. `api.example.com`. @default - none */
  readonly custom_domain_name?: string;
  /** Create and DNS-validate an ACM certificate for the domain. @default false */
  readonly create_acm_certificate?: boolean;
  /** An existing certificate ARN, when not creating one. @default - none */
  readonly certificate_arn?: string;
  /** Create the Route53 alias records for the domain. @default false */
  readonly create_route53_record?: boolean;
  /** Route53 hosted zone of the domain. @default - none */
  readonly route53_zone_id?: string;
  /** Tags on every resource. @default {} */
  readonly tags?: Record<string, string>;
  /** Customer-managed KMS key for the tables and every log group (the stack's `kms_key_arn`). @default - AWS-managed keys */
  readonly kms_key_arn?: string;
}

/** The HTTP API key the preset creates, and so the first part of its addresses after `apigw__`. */
export const GATEWAY_API = "gateway";

/**
 * The serverless gateway deployment's serverless gateway as a tenant environment config: an HTTP API (`$default` stage, auto deploy,
 * CORS, throttling, access logs) with the bundled handlers and their tables, logs and optional alarms, and an
 * optional custom domain with a managed certificate and DNS records.
 */
export function serverlessGateway(vars: ServerlessGatewayVariables): EnvironmentConfig {
  const environment = vars.environment ?? "dev";
  const secret = vars.token_signing_secret_ssm_parameter_arn
    ? { ssm_parameter_arn: vars.token_signing_secret_ssm_parameter_arn }
    : vars.token_signing_secret_arn
      ? { secrets_manager_secret_arn: vars.token_signing_secret_arn }
      : undefined;
  const application: ApplicationConfig = {
    http_api: GATEWAY_API,
    authorizer: { issuer: vars.jwt_issuer, audiences: vars.jwt_audiences },
    lambda: {
      memory_size: vars.lambda_memory_size ?? 512,
      timeout: vars.lambda_timeout ?? 30,
      reserved_concurrent_executions: vars.lambda_reserved_concurrency,
      environment_variables: vars.additional_lambda_env_vars,
    },
    secrets: secret ? { TOKEN_SIGNING_SECRET: secret } : undefined,
    tables: { point_in_time_recovery: vars.enable_pitr ?? false },
    alarms: { enabled: vars.enable_cloudwatch_alarms ?? false, email_subscriptions: vars.alarm_email ? [vars.alarm_email] : undefined },
  };
  return {
    tenant: vars.tenant,
    environment,
    region: vars.aws_region ?? "us-east-1",
    backend: vars.backend,
    name_prefix: vars.name_prefix ?? `${vars.tenant}-${environment}`,
    ...(vars.kms_key_arn ? { kms_key_arn: vars.kms_key_arn } : {}),
    log_retention_days: vars.log_retention_days ?? 7,
    common_tags: { ...vars.tags, Environment: environment },
    http_apis: {
      [GATEWAY_API]: {
        description: `Serverless API gateway (${environment})`,
        cors_configuration: {
          allow_origins: vars.cors_allow_origins ?? ["*"],
          allow_methods: ["GET", "POST", "OPTIONS"],
          allow_headers: ["authorization", "content-type", "idempotency-key"],
          max_age: 300,
        },
        stages: {
          default: {
            name: "$default",
            auto_deploy: true,
            default_route_settings: { throttling_rate_limit: vars.throttling_rate_limit ?? 100, throttling_burst_limit: vars.throttling_burst_limit ?? 200 },
          },
        },
      },
    },
    http_api_custom_domains: vars.custom_domain_name ? { [GATEWAY_API]: customDomain(vars, vars.custom_domain_name) } : undefined,
    application,
  };
}

function customDomain(vars: ServerlessGatewayVariables, domainName: string): HttpApiCustomDomainConfig {
  return {
    api_name: GATEWAY_API,
    domain_name: domainName,
    domain_name_configuration: vars.certificate_arn ? { certificate_arn: vars.certificate_arn } : {},
    create_certificate: vars.create_acm_certificate ?? false,
    create_dns_record: vars.create_route53_record ?? false,
    route53_zone_id: vars.route53_zone_id,
  };
}
