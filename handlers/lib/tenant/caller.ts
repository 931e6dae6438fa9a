// Who is calling: read only from the authorizer's context (never from the body, path, query or headers),
// re-checked here as defence in depth. A request without a valid context is refused: it means a route was
// wired without the authorizer.
import { UnauthorizedError } from "../errors.js";
import { normalizeRole, type Role } from "../auth/roles.js";
import { isTenantId } from "./tenant-id.js";
import { GRANT_CONTEXT_KEY } from "../contract/identity.js";

export interface Caller {
  readonly tenantId: string;
  readonly role: Role;
  readonly sub: string;
  readonly scope: string;
  /** `scope`: the token had no role claim, its scopes decide (auth/scopes.ts); else the role matrix does. */
  readonly grant: "role" | "scope";
}

export function callerFromAuthorizerContext(context: Readonly<Record<string, unknown>> | undefined): Caller {
  if (context === undefined) throw new UnauthorizedError();
  const tenantId = context.tenantId;
  const sub = context.sub;
  if (!isTenantId(tenantId)) throw new UnauthorizedError();
  if (typeof sub !== "string" || sub === "") throw new UnauthorizedError();
  const scope = context.scope;
  // A context without `grant` (written before scopes counted) is judged by its role, as it was then.
  const grant = context[GRANT_CONTEXT_KEY] === "scope" ? "scope" : "role";
  return { tenantId, role: normalizeRole(context.role), sub, scope: typeof scope === "string" ? scope : "", grant };
}
