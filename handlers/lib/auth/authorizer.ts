// The authorizer: event -> token -> verified access context -> allow; every failure -> deny, the reason
// logged as a code (never the token). REST denials throw exactly `Error("Unauthorized")`, which API
// Gateway turns into 401 (any other error would be a 500); HTTP API denials return
// `{ isAuthorized: false }` (a thrown error there is a 500 too).
import type { Logger } from "../logger.js";
import { AuthError } from "./auth-error.js";
import type { AuthorizerConfig } from "./authorizer-config.js";
import { readAuthorizerEvent } from "./authorizer-events.js";
import { apiStageWildcard, httpAllow, httpDeny, restAllow, type HttpSimpleResponse, type RestPolicyResponse } from "./authorizer-responses.js";
import { bearerToken } from "./bearer-token.js";
import type { JwksCache } from "./jwks-cache.js";
import { admitTenant } from "./tenant-registry.js";
import { createTokenVerifier } from "./verify-access-token.js";

export type AuthorizerHandler = (event: unknown) => Promise<HttpSimpleResponse | RestPolicyResponse>;

export function createAuthorizer(config: AuthorizerConfig, logger: Logger, keys: JwksCache): AuthorizerHandler {
  const verify = createTokenVerifier(config, keys);
  return async (event) => {
    const request = readAuthorizerEvent(event);
    if (request === undefined) {
      logger.warn({ event: "authorization_denied", reason: "ERR_EVENT_SHAPE" }, "authorization denied");
      throw new Error("Unauthorized");
    }
    // Set once the token is verified: a denial after that names the tenant (never the token or its key).
    let tenantId: string | undefined;
    try {
      const resource = request.shape === "http-v2" ? undefined : apiStageWildcard(request.methodArn);
      if (request.shape !== "http-v2" && resource === undefined) throw new AuthError("ERR_EVENT_SHAPE", "methodArn");
      if (request.ambiguous) throw new AuthError("ERR_TOKEN_AMBIGUOUS");
      const access = await verify(bearerToken(request.authorization, config.maxTokenLength));
      tenantId = access.tenantId;
      const admission = admitTenant(config.tenants, access.tenantId);
      if (!admission.admitted) throw new AuthError(admission.reason);
      if (logger.isLevelEnabled("debug")) {
        logger.debug({ event: "authorization_allowed", shape: request.shape, requestId: request.requestId, tenantId: access.tenantId }, "authorized");
      }
      return resource === undefined ? httpAllow(access) : restAllow(resource, access, admission.usageKey);
    } catch (error) {
      const reason = error instanceof AuthError ? error : new AuthError("ERR_INTERNAL", undefined, { cause: error });
      if (reason.code === "ERR_INTERNAL") logger.error({ err: error, shape: request.shape, requestId: request.requestId }, "authorizer failed");
      logger.info(
        { event: "authorization_denied", reason: reason.code, detail: reason.detail, tenantId, shape: request.shape, requestId: request.requestId },
        "authorization denied",
      );
      if (request.shape === "http-v2") return httpDeny();
      throw new Error("Unauthorized");
    }
  };
}
