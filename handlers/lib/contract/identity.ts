// The identity contract the pre-token-generation trigger, the authorizer, the API handlers and the
// infrastructure code (modules/identity/) share: the user attributes that carry tenant and role, the API's
// OAuth scopes, and how the trigger learns which tenant a machine client belongs to. Pure data: no runtime
// code, no SDK imports (infrastructure code imports this file).

/** User attribute (immutable) and access-token claim holding the tenant id; the authorizer's default tenant claim. */
export const TENANT_ATTRIBUTE = "custom:tenant_id";
/** User attribute and access-token claim holding the role (Guest, User, Moderator, Admin). */
export const ROLE_ATTRIBUTE = "custom:role";

/** The resource server's identifier: scopes in tokens read `<identifier>/<scope name>`. */
export const RESOURCE_SERVER_IDENTIFIER = "api";
/** The resource server's scope names and what each is for (its description in the pool). */
export const SCOPE_NAMES = {
  read: "Read the catalog and the caller's own orders",
  write: "Place orders",
} as const;
export type ScopeName = keyof typeof SCOPE_NAMES;
/** Each scope as it appears in tokens (`api/read`, `api/write`). */
export const API_SCOPE: Readonly<Record<ScopeName, string>> = { read: `${RESOURCE_SERVER_IDENTIFIER}/read`, write: `${RESOURCE_SERVER_IDENTIFIER}/write` };
/** Every scope a client may be given. */
export const API_SCOPES: readonly string[] = Object.values(API_SCOPE);

/**
 * The trigger's map of machine clients to tenants: `<app client id>=<tenant id>,...`. Terraform writes it from
 * the pool's per-tenant clients; a client-credentials token of a client not listed gets no tenant claim (and
 * the authorizer then refuses it).
 */
export const CLIENT_TENANTS_ENV = "CLIENT_TENANTS";

/**
 * Trigger event version. V3_0: Cognito applies a V2_0 response only to access tokens of users; the response
 * to a client-credentials (machine) token request takes effect from V3_0 on. The two events are identical.
 */
export const TRIGGER_EVENT_VERSION = "V3_0";

/** The authorizer context field saying what authorizes the request: the token's `role` claim, or its scopes. */
export const GRANT_CONTEXT_KEY = "grant";
