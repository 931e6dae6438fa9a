// Security events, with the catalog/orders API contract's field names (`security_event`, `requested_tenant`,
// `authenticated_tenant`, `resource_type`, `resource_id`; `level`, `message` and `timestamp` come from the
// logger). They carry ids only: no token, no claims, no request body.
import type { Logger } from "../logger.js";
import type { Entity } from "../data/table.js";

export interface AccessAttempt {
  readonly requestId: string;
  readonly authenticatedTenant: string;
  readonly resourceType: Entity;
  readonly resourceId: string;
}

export function logCrossTenantAccess(logger: Logger, attempt: AccessAttempt, requestedTenant: string): void {
  logger.warn(
    {
      security_event: "cross_tenant_access",
      requested_tenant: requestedTenant,
      authenticated_tenant: attempt.authenticatedTenant,
      resource_type: attempt.resourceType.toLowerCase(),
      resource_id: attempt.resourceId,
      requestId: attempt.requestId,
    },
    "SECURITY VIOLATION: Cross-tenant access attempt",
  );
}

/** A User-role caller named an order of its own tenant that another user created. */
export function logCrossUserAccess(logger: Logger, attempt: AccessAttempt): void {
  logger.warn(
    {
      security_event: "cross_user_access",
      authenticated_tenant: attempt.authenticatedTenant,
      resource_type: attempt.resourceType.toLowerCase(),
      resource_id: attempt.resourceId,
      requestId: attempt.requestId,
    },
    "SECURITY VIOLATION: Access to another user's resource",
  );
}
