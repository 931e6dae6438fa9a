// Usage tiers of the catalog/orders API contract (rate req/s, burst, monthly quota) as defaults, each overridable from the
// environment, and which tier each tenant is on.
//
//   RATE_LIMIT_ENABLED        true | false                     default true
//   RATE_LIMIT_DEFAULT_TIER   basic | standard | premium       default basic
//   RATE_LIMIT_TENANT_TIERS   "acme=premium,globex=standard"   default none (every tenant on the default tier)
//   RATE_LIMIT_BASIC          "<rate>/<burst>/<monthlyQuota>"  default 10/20/100000
//   RATE_LIMIT_STANDARD       same                             default 100/200/1000000
//   RATE_LIMIT_PREMIUM        same                             default 1000/2000/10000000
//   RATE_LIMIT_TENANT_LIMITS  "acme=20/40/200000,..."          per-tenant numbers (the registry's), over tiers
//   RATE_LIMIT_DEFAULT_LIMITS "<rate>/<burst>/<monthlyQuota>"  numbers of tenants not listed, over the default tier's
//   RATE_LIMIT_TIMEOUT_MS     longest the counter updates may take before the request is let through
//                             (fail open); default 1000 (50..10000), never more than a quarter of the
//                             request's remaining time
import { booleanFlag, commaList, ConfigError, integerInRange, optionalString, type Env } from "../env.js";
import { RATE_LIMIT_DEFAULT_LIMITS_ENV, RATE_LIMIT_TENANT_LIMITS_ENV, TIER_PRESETS, type PresetTier, type TierLimits } from "../contract/tenant-tiers.js";
import { isTenantId } from "../tenant/tenant-id.js";

export type { TierLimits } from "../contract/tenant-tiers.js";
export const TIERS = Object.keys(TIER_PRESETS) as PresetTier[];
export type Tier = PresetTier;

export const DEFAULT_TIER_LIMITS: Readonly<Record<Tier, TierLimits>> = TIER_PRESETS;

export interface RateLimitConfig {
  readonly enabled: boolean;
  readonly defaultTier: Tier;
  readonly tenantTiers: ReadonlyMap<string, Tier>;
  readonly limits: Readonly<Record<Tier, TierLimits>>;
  /** Numbers of single tenants (the application's tenant registry), over their tier's. */
  readonly tenantLimits: ReadonlyMap<string, TierLimits>;
  /** Numbers of every other tenant, over the default tier's. */
  readonly defaultLimits?: TierLimits;
  /** Longest the limiter may take before it lets the request through. */
  readonly timeoutMs: number;
}

export function rateLimitConfigFromEnv(env: Env): RateLimitConfig {
  const limits = {} as Record<Tier, TierLimits>;
  for (const tier of TIERS) limits[tier] = tierLimits(env, `RATE_LIMIT_${tier.toUpperCase()}`, DEFAULT_TIER_LIMITS[tier]);
  const defaultTier = optionalString(env, "RATE_LIMIT_DEFAULT_TIER")?.toLowerCase() ?? "basic";
  if (!isTier(defaultTier)) throw new ConfigError("RATE_LIMIT_DEFAULT_TIER", `must be one of ${TIERS.join(", ")}, got "${defaultTier}"`);
  const tenantTiers = new Map<string, Tier>();
  for (const entry of commaList(optionalString(env, "RATE_LIMIT_TENANT_TIERS") ?? "")) {
    const [tenant, tier, extra] = entry.split("=").map((part) => part.trim());
    if (extra !== undefined || !isTenantId(tenant) || !isTier(tier?.toLowerCase())) {
      throw new ConfigError("RATE_LIMIT_TENANT_TIERS", `entries are <tenantId>=<${TIERS.join("|")}>, got "${entry}"`);
    }
    tenantTiers.set(tenant, tier!.toLowerCase() as Tier);
  }
  const tenantLimits = new Map<string, TierLimits>();
  for (const entry of commaList(optionalString(env, RATE_LIMIT_TENANT_LIMITS_ENV) ?? "")) {
    const [tenant, numbers, extra] = entry.split("=").map((part) => part.trim());
    if (extra !== undefined || !isTenantId(tenant)) throw new ConfigError(RATE_LIMIT_TENANT_LIMITS_ENV, `entries are <tenantId>=<rate>/<burst>/<monthlyQuota>, got "${entry}"`);
    tenantLimits.set(tenant!, parseLimits(RATE_LIMIT_TENANT_LIMITS_ENV, numbers ?? ""));
  }
  const defaultLimits = optionalString(env, RATE_LIMIT_DEFAULT_LIMITS_ENV);
  return {
    enabled: booleanFlag(env, "RATE_LIMIT_ENABLED", true),
    defaultTier,
    tenantTiers,
    limits,
    tenantLimits,
    defaultLimits: defaultLimits === undefined ? undefined : parseLimits(RATE_LIMIT_DEFAULT_LIMITS_ENV, defaultLimits),
    timeoutMs: integerInRange(env, "RATE_LIMIT_TIMEOUT_MS", 1_000, 50, 10_000),
  };
}

/** The limits that apply to a tenant: its own numbers, else its tier's (the default tier's when it has none). */
export function limitsFor(config: RateLimitConfig, tenantId: string): TierLimits {
  const own = config.tenantLimits.get(tenantId);
  if (own) return own;
  const tier = config.tenantTiers.get(tenantId);
  if (tier) return config.limits[tier];
  return config.defaultLimits ?? config.limits[config.defaultTier];
}

function tierLimits(env: Env, name: string, fallback: TierLimits): TierLimits {
  const raw = optionalString(env, name);
  if (raw === undefined) return fallback;
  return parseLimits(name, raw);
}

function parseLimits(name: string, raw: string): TierLimits {
  const match = /^(\d+)\/(\d+)\/(\d+)$/.exec(raw);
  const [rate, burst, quota] = match === null ? [0, 0, 0] : [Number(match[1]), Number(match[2]), Number(match[3])];
  if (match === null || rate < 1 || burst < 1 || quota < 1) {
    throw new ConfigError(name, `must be "<rate per second>/<burst>/<monthly quota>", all positive integers, got "${raw}"`);
  }
  return { ratePerSecond: rate, burst, monthlyQuota: quota };
}

function isTier(value: string | undefined): value is Tier {
  return value !== undefined && (TIERS as readonly string[]).includes(value);
}
