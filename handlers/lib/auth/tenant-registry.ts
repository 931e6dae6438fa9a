// Which tenants the authorizer lets through, and the API key each is metered under (REST usage plans). Read from
// the environment once per container (Terraform writes it from the config's tenant registry); the keys are
// identifiers for metering, not secrets, but they never reach a log line, and errors never echo an entry.
import {
  TENANT_REGISTRY_ENV,
  TENANT_STATUSES,
  TENANT_UNREGISTERED_ENV,
  TENANT_UNREGISTERED_KEY_ENV,
  type TenantStatus,
} from "../contract/tenant-tiers.js";
import { commaList, ConfigError, optionalString, type Env } from "../env.js";
import { isTenantId } from "../tenant/tenant-id.js";

export interface TenantRegistry {
  readonly tenants: ReadonlyMap<string, { readonly status: TenantStatus; readonly usageKey?: string }>;
  readonly unregistered: "deny" | "allow";
  /** The key unregistered tenants are metered under, when they are allowed. */
  readonly unregisteredKey?: string;
}

export type Admission = { readonly admitted: true; readonly usageKey?: string } | { readonly admitted: false; readonly reason: "ERR_TENANT_UNREGISTERED" | "ERR_TENANT_SUSPENDED" };

const USAGE_KEY = /^[A-Za-z0-9_-]{20,128}$/;

/** The registry, or undefined when the environment sets none (every tenant with a valid token is let through). */
export function tenantRegistryFromEnv(env: Env): TenantRegistry | undefined {
  const raw = optionalString(env, TENANT_REGISTRY_ENV);
  if (raw === undefined) return undefined;
  const tenants = new Map<string, { status: TenantStatus; usageKey?: string }>();
  for (const [i, entry] of commaList(raw).entries()) {
    const eq = entry.indexOf("=");
    const tenant = entry.slice(0, eq).trim();
    const [status, usageKey, extra] = entry.slice(eq + 1).trim().split(":");
    const valid = eq > 0 && isTenantId(tenant) && (TENANT_STATUSES as readonly string[]).includes(status ?? "") && extra === undefined && (usageKey === undefined || USAGE_KEY.test(usageKey));
    // The entry's position, never its text: it may hold a key.
    if (!valid) throw new ConfigError(TENANT_REGISTRY_ENV, `entry ${i + 1} is not <tenantId>=<${TENANT_STATUSES.join("|")}>[:<key>]`);
    tenants.set(tenant, { status: status as TenantStatus, usageKey });
  }
  const unregistered = optionalString(env, TENANT_UNREGISTERED_ENV) ?? "deny";
  if (unregistered !== "deny" && unregistered !== "allow") throw new ConfigError(TENANT_UNREGISTERED_ENV, `must be deny or allow, got "${unregistered}"`);
  const unregisteredKey = optionalString(env, TENANT_UNREGISTERED_KEY_ENV);
  if (unregisteredKey !== undefined && !USAGE_KEY.test(unregisteredKey)) throw new ConfigError(TENANT_UNREGISTERED_KEY_ENV, "is not an API key value");
  return { tenants, unregistered, unregisteredKey };
}

/** Whether a tenant (of a verified token) may call the API, and the key its requests are metered under. */
export function admitTenant(registry: TenantRegistry | undefined, tenantId: string): Admission {
  if (!registry) return { admitted: true };
  const tenant = registry.tenants.get(tenantId);
  if (!tenant) return registry.unregistered === "allow" ? { admitted: true, usageKey: registry.unregisteredKey } : { admitted: false, reason: "ERR_TENANT_UNREGISTERED" };
  if (tenant.status !== "active") return { admitted: false, reason: "ERR_TENANT_SUSPENDED" };
  return { admitted: true, usageKey: tenant.usageKey };
}
