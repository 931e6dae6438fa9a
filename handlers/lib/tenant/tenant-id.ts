// The one definition of a well-formed tenant id, shared by the authorizer (claim check) and the
// application (context check). Lower-case letters, digits and dashes only: it is embedded in DynamoDB keys
// (`TENANT#<tenantId>#ORDER`), so `#`, spaces and upper/lower-case aliases must be impossible.

export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function isTenantId(value: unknown): value is string {
  return typeof value === "string" && TENANT_ID_PATTERN.test(value);
}
