// The per-container objects of an API handler, built once at module load: config, logger, DynamoDB
// client, repositories, rate limiter, secret store.
import type { Env } from "../env.js";
import { createLogger, type Logger } from "../logger.js";
import { createDynamoDb, type DynamoDb } from "../data/dynamodb-client.js";
import { RateLimitRepository } from "../data/rate-limit-repository.js";
import { RateLimiter } from "../rate-limit/rate-limiter.js";
import { createSecrets } from "../secrets/secrets-from-config.js";
import type { Secrets } from "../secrets/secret-store.js";
import { appConfigFromEnv, type AppConfig } from "./config.js";

export interface ContainerDeps {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** Every call bounded by the request's deadline (see data/dynamodb-client.ts). */
  readonly client: DynamoDb;
  readonly rateLimiter: RateLimiter | undefined;
  /** The APP_SECRET_ARNS secrets: `await secrets.get("TOKEN_SIGNING_SECRET")`, fetched once per container. */
  readonly secrets: Secrets;
}

export function containerDeps(service: string, env: Env): ContainerDeps {
  const config = appConfigFromEnv(env);
  const logger = createLogger(service, config.logLevel);
  const client = createDynamoDb(env);
  const rateLimiter = config.rateLimit.enabled
    ? new RateLimiter(new RateLimitRepository(client, config.rateLimitTableName), config.rateLimit, logger)
    : undefined;
  const secrets = createSecrets(config.secrets, logger);
  return { config, logger, client, rateLimiter, secrets };
}
