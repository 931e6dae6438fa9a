// Settings of the catalog and orders handlers, read once per container.
//
//   TABLE_NAME              required  the single table (products, orders, idempotency records)
//   SESSIONS_TABLE_NAME     optional  table for idempotency records (same key schema, TTL); default TABLE_NAME
//   RATE_LIMIT_TABLE_NAME   optional  table for rate-limit counters (same key schema); default TABLE_NAME
//   DYNAMODB_ENDPOINT       optional  e.g. http://127.0.0.1:8000 for a local DynamoDB; default: AWS
//   IDEMPOTENCY_TTL_SECONDS optional  how long an Idempotency-Key is remembered; default 86400 (60..604800)
//   IDEMPOTENCY_WAIT_MS     optional  how long a request waits for a concurrent one holding the same key
//                                     before answering 409; default 5000 (0..25000; keep under the Lambda timeout)
//   LOG_LEVEL               optional  trace|debug|info|warn|error|fatal|silent; default info
//   RATE_LIMIT_*            optional  see rate-limit/tiers.ts
//   APP_SECRET_ARNS         optional  <NAME>=<ARN>,... secrets read once per container; see secrets/secret-arns.ts
//   SSM_ENDPOINT            optional  local SSM endpoint override; default: AWS
//   SECRETSMANAGER_ENDPOINT optional  local Secrets Manager endpoint override; default: AWS
import { integerInRange, optionalString, requiredString, type Env } from "../env.js";
import { logLevelFromEnv } from "../logger.js";
import { rateLimitConfigFromEnv, type RateLimitConfig } from "../rate-limit/tiers.js";
import { secretsConfigFromEnv, type SecretsConfig } from "../secrets/secrets-config.js";

export interface AppConfig {
  readonly tableName: string;
  readonly sessionsTableName: string;
  readonly rateLimitTableName: string;
  readonly logLevel: ReturnType<typeof logLevelFromEnv>;
  readonly idempotencyTtlSeconds: number;
  readonly idempotencyWaitMs: number;
  readonly rateLimit: RateLimitConfig;
  readonly secrets: SecretsConfig;
}

export function appConfigFromEnv(env: Env): AppConfig {
  const tableName = requiredString(env, "TABLE_NAME");
  return {
    tableName,
    sessionsTableName: optionalString(env, "SESSIONS_TABLE_NAME") ?? tableName,
    rateLimitTableName: optionalString(env, "RATE_LIMIT_TABLE_NAME") ?? tableName,
    logLevel: logLevelFromEnv(env),
    idempotencyTtlSeconds: integerInRange(env, "IDEMPOTENCY_TTL_SECONDS", 86_400, 60, 604_800),
    idempotencyWaitMs: integerInRange(env, "IDEMPOTENCY_WAIT_MS", 5_000, 0, 25_000),
    rateLimit: rateLimitConfigFromEnv(env),
    secrets: secretsConfigFromEnv(env),
  };
}
