// Usage tiers of seed 004 (rate req/s, burst, monthly quota) as defaults, each overridable from the
// environment, and which tier each tenant is on.
//
//   RATE_LIMIT_ENABLED        true | false                     default true
//   RATE_LIMIT_DEFAULT_TIER   basic | standard | premium       default basic
//   RATE_LIMIT_TENANT_TIERS   "acme=premium,globex=standard"   default none (every tenant on the default tier)
//   RATE_LIMIT_BASIC          "<rate>/<burst>/<monthlyQuota>"  default 10/20/100000
//   RATE_LIMIT_STANDARD       same                             default 100/200/1000000
//   RATE_LIMIT_PREMIUM        same                             default 1000/2000/10000000
//   RATE_LIMIT_TIMEOUT_MS     longest the counter updates may take before the request is let through
//                             (fail open); default 1000 (50..10000), never more than a quarter of the
//                             request's remaining time
import { booleanFlag, commaList, ConfigError, integerInRange, optionalString, type Env } from "../env.js";
import { isTenantId } from "../tenant/tenant-id.js";

export const TIERS = ["basic", "standard", "premium"] as const;
export type Tier = (typeof TIERS)[number];

export interface TierLimits {
  readonly ratePerSecond: number;
  readonly burst: number;
  readonly monthlyQuota: number;
}

export const DEFAULT_TIER_LIMITS: Readonly<Record<Tier, TierLimits>> = {
  basic: { ratePerSecond: 10, burst: 20, monthlyQuota: 100_000 },
  standard: { ratePerSecond: 100, burst: 200, monthlyQuota: 1_000_000 },
  premium: { ratePerSecond: 1_000, burst: 2_000, monthlyQuota: 10_000_000 },
};

export interface RateLimitConfig {
  readonly enabled: boolean;
  readonly defaultTier: Tier;
  readonly tenantTiers: ReadonlyMap<string, Tier>;
  readonly limits: Readonly<Record<Tier, TierLimits>>;
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
  return {
    enabled: booleanFlag(env, "RATE_LIMIT_ENABLED", true),
    defaultTier,
    tenantTiers,
    limits,
    timeoutMs: integerInRange(env, "RATE_LIMIT_TIMEOUT_MS", 1_000, 50, 10_000),
  };
}

function tierLimits(env: Env, name: string, fallback: TierLimits): TierLimits {
  const raw = optionalString(env, name);
  if (raw === undefined) return fallback;
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
