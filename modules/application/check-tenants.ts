import { joinPath, quote, type ProblemCollector } from "../api-gateway/validation/problems.js";
import { suggestion } from "../api-gateway/validation/did-you-mean.js";
import { TIER_PRESETS, type TierLimits } from "../../handlers/lib/contract/tenant-tiers.js";
import type { FieldReader } from "./field-checks.js";
import type { TenancyModel } from "./model.js";

const ROOT = "application";
/** Lambda allows 4 KB of environment per function; the authorizer's own variables take well under 600 bytes. */
const REGISTRY_BUDGET_BYTES = 3_500;
/** An API key value API Gateway generates is 40 characters. */
const GENERATED_KEY_LENGTH = 40;

/**
 * Cross-checks of the tenant registry and the team's tiers (unknown tier, a tier that redefines a preset, the
 * registry's size against the authorizer's environment), and the resolved numbers of every tenant.
 */
export function checkTenancy(
  s: Record<string, unknown>,
  defaultTier: string,
  apiKind: "http" | "rest" | undefined,
  read: FieldReader,
  problems: ProblemCollector,
): TenancyModel | undefined {
  // Structure (names, types, ranges, required numbers) is the schema's; these are the cross-references.
  const tiers: Record<string, TierLimits> = { ...TIER_PRESETS };
  const own = read.object(s.tiers) ?? {};
  for (const name of Object.keys(own).sort()) {
    const at = joinPath(ROOT, "tiers", name);
    if (name in TIER_PRESETS) {
      problems.error(at, `${quote(name)} is a preset tier, defined once for every application`, "give your tier another name");
      continue;
    }
    const t = read.object(own[name]) ?? {};
    const ratePerSecond = read.number(t.rate_per_second);
    const burst = read.number(t.burst);
    const monthlyQuota = read.number(t.monthly_quota);
    if (ratePerSecond && burst && monthlyQuota) tiers[name] = { ratePerSecond, burst, monthlyQuota };
  }
  if (s.tenants === undefined) {
    if (s.unregistered_tenants !== undefined) problems.error(joinPath(ROOT, "unregistered_tenants"), "applies only with a tenant registry", "add application.tenants, or remove this");
    return undefined;
  }
  const registry = read.object(s.tenants);
  if (!registry) return undefined;
  if ((s.rate_limits as { tenant_tiers?: unknown } | undefined)?.tenant_tiers !== undefined) {
    problems.error(joinPath(ROOT, "rate_limits", "tenant_tiers"), "and application.tenants both give tenants' tiers", "move these tenants into application.tenants");
  }
  const tenants: TenancyModel["tenants"][number][] = [];
  for (const id of Object.keys(registry).sort()) {
    const at = joinPath(ROOT, "tenants", id);
    const t = read.object(registry[id]);
    if (!t) continue;
    const tier = read.string(t.tier);
    if (tier === undefined) continue;
    if (!(tier in tiers)) {
      problems.error(joinPath(at, "tier"), `${quote(tier)} is not a tier`, suggestion(tier, Object.keys(tiers), "tiers"));
      continue;
    }
    const status = read.oneOf(t.status, ["active", "suspended"] as const) ?? "active";
    const rate = read.number(t.rate_per_second);
    const burst = read.number(t.burst);
    const quota = read.number(t.monthly_quota);
    const base = tiers[tier]!;
    const limits = { ratePerSecond: rate ?? base.ratePerSecond, burst: burst ?? base.burst, monthlyQuota: quota ?? base.monthlyQuota };
    tenants.push({ id, tier, status, limits, overridden: rate !== undefined || burst !== undefined || quota !== undefined });
  }
  const unregistered = read.oneOf(s.unregistered_tenants, ["deny", "allow"] as const) ?? "deny";
  const registryBytes = tenants.reduce((n, t) => n + t.id.length + t.status.length + 3 + (apiKind === "rest" ? GENERATED_KEY_LENGTH : 0), 0);
  if (registryBytes > REGISTRY_BUDGET_BYTES) {
    problems.error(
      joinPath(ROOT, "tenants"),
      `${tenants.length} tenants take about ${registryBytes} bytes of the authorizer's environment, more than the ${REGISTRY_BUDGET_BYTES} that fit in Lambda's 4 KB`,
      "split the tenants over more than one deployment, or shorten their ids",
    );
  }
  return { tenants, unregistered, defaultTier, defaultLimits: tiers[defaultTier]!, tiers };
}
