// The pre-token-generation trigger, assembled once per container: client map (init error if invalid), logger.
import type { Env } from "../env.js";
import { createLogger, logLevelFromEnv } from "../logger.js";
import { clientTenantsFromEnv } from "./client-tenants.js";
import { createTokenClaims, type TokenClaimsHandler } from "./token-claims.js";

export function createTokenClaimsHandler(env: Env): TokenClaimsHandler {
  return createTokenClaims(clientTenantsFromEnv(env), createLogger("token-claims", logLevelFromEnv(env)));
}
