// A miss in the caller's own partition answers 404 whether or not the id exists in another tenant (no
// existence leak); when it does exist elsewhere, the attempt is logged as a security violation.
import { NotFoundError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { ResourceOwners } from "../data/resource-owners.js";
import type { Entity } from "../data/table.js";
import { logCrossTenantAccess } from "./security-log.js";

export async function notFoundAfterOwnerCheck(
  owners: ResourceOwners,
  logger: Logger,
  attempt: { requestId: string; authenticatedTenant: string; resourceType: Entity; resourceId: string },
): Promise<NotFoundError> {
  const tenants = await owners.tenantsHolding(attempt.resourceType, attempt.resourceId);
  for (const tenant of tenants) {
    if (tenant !== attempt.authenticatedTenant) logCrossTenantAccess(logger, attempt, tenant);
  }
  return new NotFoundError(attempt.resourceType === "ORDER" ? "order" : "product", attempt.resourceId);
}
