// The pre-token-generation trigger (Cognito event version V2_0/V3_0, the same shape): puts the tenant and the
// role into ACCESS tokens, which Cognito otherwise issues without custom attributes.
// - user tokens (TokenGeneration_Authentication, _HostedAuth, _RefreshTokens, ...): the user's
//   `custom:tenant_id` and `custom:role` attributes, copied when present;
// - client-credentials tokens (TokenGeneration_ClientCredentials, V3_0 only): no user, so the tenant the app
//   client belongs to, from CLIENT_TENANTS, keyed by `callerContext.clientId` (which Cognito sets; never
//   `clientMetadata`, which the caller chooses); no role, so the token's scopes decide what it may do.
// Anything else in the event is left alone; Cognito's own claims and scopes are not touched.
import { ROLE_ATTRIBUTE, TENANT_ATTRIBUTE } from "../contract/identity.js";
import type { Logger } from "../logger.js";

export const CLIENT_CREDENTIALS = "TokenGeneration_ClientCredentials";

export interface TokenClaimsEvent {
  triggerSource: string;
  callerContext: { clientId: string };
  request: { userAttributes?: Record<string, string> };
  response: Record<string, unknown>;
}

/** The claims to add to the access token for this event. */
export function accessTokenClaims(event: TokenClaimsEvent, clientTenants: ReadonlyMap<string, string>): Record<string, string> {
  if (event.triggerSource === CLIENT_CREDENTIALS) {
    const tenant = clientTenants.get(event.callerContext.clientId);
    return tenant === undefined ? {} : { [TENANT_ATTRIBUTE]: tenant };
  }
  const attributes = event.request.userAttributes ?? {};
  const claims: Record<string, string> = {};
  for (const name of [TENANT_ATTRIBUTE, ROLE_ATTRIBUTE]) {
    const value = Object.hasOwn(attributes, name) ? attributes[name] : undefined;
    if (typeof value === "string" && value !== "") claims[name] = value;
  }
  return claims;
}

export function isTokenClaimsEvent(event: unknown): event is TokenClaimsEvent {
  if (event === null || typeof event !== "object") return false;
  const e = event as Record<string, unknown>;
  const caller = e.callerContext as Record<string, unknown> | undefined;
  const request = e.request as Record<string, unknown> | undefined;
  return (
    typeof e.triggerSource === "string" &&
    typeof caller === "object" && caller !== null && typeof caller.clientId === "string" &&
    typeof request === "object" && request !== null &&
    (request.userAttributes === undefined || (typeof request.userAttributes === "object" && request.userAttributes !== null))
  );
}

export type TokenClaimsHandler = (event: unknown) => Promise<unknown>;

export function createTokenClaims(clientTenants: ReadonlyMap<string, string>, logger: Logger): TokenClaimsHandler {
  return async (event) => {
    // Failing here fails the sign-in or token request: better than a token without its tenant going out unnoticed.
    if (!isTokenClaimsEvent(event)) {
      logger.error({ event: "token_claims_failed", reason: "ERR_EVENT_SHAPE" }, "not a pre token generation event");
      throw new Error("Unrecognized pre token generation event");
    }
    const claims = accessTokenClaims(event, clientTenants);
    const tenantId = claims[TENANT_ATTRIBUTE];
    if (tenantId === undefined) {
      logger.warn({ event: "token_claims_without_tenant", triggerSource: event.triggerSource, clientId: event.callerContext.clientId }, "access token gets no tenant");
    } else if (logger.isLevelEnabled("debug")) {
      logger.debug({ event: "token_claims", triggerSource: event.triggerSource, clientId: event.callerContext.clientId, tenantId }, "access token claims added");
    }
    event.response = { ...event.response, claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: claims } } };
    return event;
  };
}
