// The tenancy contract the handlers and the infrastructure code (modules/application/) share: the usage tier
// presets, the tenant statuses, and the environment variables through which the authorizer and the limiter
// learn them. Pure data: no runtime code, no SDK imports (infrastructure code imports this file).

/** Limits of a usage tier: steady requests per second, burst, and requests per calendar month. */
export interface TierLimits {
  readonly ratePerSecond: number;
  readonly burst: number;
  readonly monthlyQuota: number;
}

/** The named tier presets; a config may add its own tiers beside them, never redefine these. */
export const TIER_PRESETS = {
  basic: { ratePerSecond: 10, burst: 20, monthlyQuota: 100_000 },
  standard: { ratePerSecond: 100, burst: 200, monthlyQuota: 1_000_000 },
  premium: { ratePerSecond: 1_000, burst: 2_000, monthlyQuota: 10_000_000 },
} as const satisfies Record<string, TierLimits>;

export type PresetTier = keyof typeof TIER_PRESETS;

export const TENANT_STATUSES = ["active", "suspended"] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/**
 * The authorizer's tenant registry: `<tenantId>=<status>[:<usage identifier key>]`, comma-separated. Absent: every
 * tenant with a valid token is allowed (no registry). The key is the tenant's API Gateway API key value (REST).
 */
export const TENANT_REGISTRY_ENV = "TENANT_REGISTRY";
/** `deny` (default) or `allow`: what the authorizer does with a tenant the registry does not list. */
export const TENANT_UNREGISTERED_ENV = "TENANT_UNREGISTERED";
/** REST: the API key value unregistered tenants are metered under (the default tier's shared key). */
export const TENANT_UNREGISTERED_KEY_ENV = "TENANT_UNREGISTERED_KEY";
/** The limiter's per-tenant numbers: `<tenantId>=<rate>/<burst>/<monthlyQuota>`, comma-separated. */
export const RATE_LIMIT_TENANT_LIMITS_ENV = "RATE_LIMIT_TENANT_LIMITS";
/** The limiter's numbers for tenants not in RATE_LIMIT_TENANT_LIMITS: `<rate>/<burst>/<monthlyQuota>`. */
export const RATE_LIMIT_DEFAULT_LIMITS_ENV = "RATE_LIMIT_DEFAULT_LIMITS";
