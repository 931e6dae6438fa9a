// The authorizer Lambda, assembled once per container: config (init error if invalid), logger, JWKS cache.
import type { Env } from "../env.js";
import { createLogger } from "../logger.js";
import { authorizerConfigFromEnv } from "./authorizer-config.js";
import { createAuthorizer, type AuthorizerHandler } from "./authorizer.js";
import { JwksCache } from "./jwks-cache.js";

export function createAuthorizerHandler(env: Env): AuthorizerHandler {
  const config = authorizerConfigFromEnv(env);
  const logger = createLogger("authorizer", config.logLevel);
  return createAuthorizer(config, logger, new JwksCache(config.jwks, logger));
}
