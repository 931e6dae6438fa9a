// From a verified payload to the authorizer context, copying only the four fields the context needs
// (never spreading or assigning the claims object: its keys are attacker-chosen JSON).
// - `exp`, `nbf`, `iat`, when present, are whole seconds within Number's safe integers: jose accepts any
//   number, so `1.5`, `1e400` (Infinity after JSON.parse, i.e. a token that never expires) or 2^60 would
//   otherwise pass its comparisons (ERR_CLAIM_INVALID naming the claim);
// - audience: `aud` (string, or array of strings) must name an accepted audience; a token without `aud`
//   (a Cognito access token) must carry an accepted `client_id` instead;
// - `token_use`, when present, must be `access` (a Cognito ID token is not a credential for this API);
// - tenant: the first configured tenant claim that is present must be a well-formed tenant id; present
//   but empty, null, a number, an array or an object is a rejection, not a fallback;
// - role: any string, normalized (unknown -> guest); `sub` a non-empty string; `scope` a string or "";
// - grant: "role" when the token carries the role claim (the role matrix applies), else "scope" (its scopes do).
import type { JWTPayload } from "jose";
import { normalizeRole, type Role } from "./roles.js";
import { isTenantId } from "../tenant/tenant-id.js";
import { AuthError } from "./auth-error.js";

export interface AccessContext {
  readonly tenantId: string;
  readonly role: Role;
  readonly sub: string;
  readonly scope: string;
  /** What authorizes the caller: the role claim (present in the token, whatever its value) or the scopes. */
  readonly grant: "role" | "scope";
}

export interface ClaimRules {
  readonly audiences: readonly string[];
  readonly tenantClaims: readonly string[];
  readonly roleClaim: string;
}

const TIME_CLAIMS = ["exp", "nbf", "iat"] as const;

export function accessContextOf(payload: JWTPayload, rules: ClaimRules): AccessContext {
  checkTimeClaims(payload);
  checkAudience(payload, rules.audiences);
  if (Object.hasOwn(payload, "token_use") && payload.token_use !== "access") throw new AuthError("ERR_TOKEN_USE");
  const sub = payload.sub;
  if (typeof sub !== "string" || sub === "" || sub.length > 256) throw new AuthError("ERR_SUBJECT_CLAIM");
  const scope = payload.scope;
  const hasRole = Object.hasOwn(payload, rules.roleClaim);
  return {
    tenantId: tenantOf(payload, rules.tenantClaims),
    role: normalizeRole(hasRole ? payload[rules.roleClaim] : undefined),
    sub,
    scope: typeof scope === "string" && scope.length <= 2048 ? scope : "",
    grant: hasRole ? "role" : "scope",
  };
}

function checkTimeClaims(payload: JWTPayload): void {
  for (const claim of TIME_CLAIMS) {
    if (Object.hasOwn(payload, claim) && !(Number.isSafeInteger(payload[claim]) && (payload[claim] as number) >= 0)) {
      throw new AuthError("ERR_CLAIM_INVALID", claim);
    }
  }
}

function checkAudience(payload: JWTPayload, accepted: readonly string[]): void {
  if (Object.hasOwn(payload, "aud")) {
    const aud: unknown = payload.aud;
    const values = typeof aud === "string" ? [aud] : Array.isArray(aud) && aud.every((v) => typeof v === "string") ? (aud as string[]) : undefined;
    if (values === undefined || !values.some((v) => accepted.includes(v))) throw new AuthError("ERR_AUDIENCE", "aud");
    return;
  }
  const clientId: unknown = payload.client_id;
  if (typeof clientId !== "string" || !accepted.includes(clientId)) throw new AuthError("ERR_AUDIENCE", "client_id");
}

function tenantOf(payload: JWTPayload, claims: readonly string[]): string {
  for (const claim of claims) {
    if (!Object.hasOwn(payload, claim)) continue;
    const value: unknown = payload[claim];
    if (!isTenantId(value)) throw new AuthError("ERR_TENANT_CLAIM", claim);
    return value;
  }
  throw new AuthError("ERR_TENANT_CLAIM", "missing");
}
