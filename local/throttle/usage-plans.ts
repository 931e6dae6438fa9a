// API keys and usage plans of a REST API stage: which key may call (403 "Forbidden" otherwise), its plan's
// throttle (429 "Too Many Requests") and quota (429 "Limit Exceeded"), counted per key and period.
import type { ApiKeyModel, UsagePlanModel } from "../model/rest-api-model.js";
import type { Clock } from "./clock.js";
import { Buckets } from "./token-bucket.js";

export type KeyDecision = { readonly ok: true; readonly plan: UsagePlanModel; readonly key: ApiKeyModel } | { readonly ok: false; readonly reason: "INVALID_API_KEY" | "THROTTLED" | "QUOTA_EXCEEDED" };

export class UsagePlans {
  private readonly buckets: Buckets;
  private readonly used = new Map<string, { period: string; count: number }>();

  constructor(
    private readonly keys: ReadonlyMap<string, ApiKeyModel>,
    private readonly clock: Clock,
  ) {
    this.buckets = new Buckets(clock);
  }

  check(plans: readonly UsagePlanModel[], stage: string, value: string | undefined): KeyDecision {
    const key = value === undefined ? undefined : [...this.keys.values()].find((k) => k.value === value && k.enabled);
    const plan = key && plans.find((p) => p.stages.includes(stage) && p.keyValues.includes(key.value));
    if (!key || !plan) return { ok: false, reason: "INVALID_API_KEY" };
    if (plan.quota) {
      const period = periodOf(this.clock.now(), plan.quota.period);
      const counter = this.used.get(`${plan.address}/${key.address}`);
      const count = counter?.period === period ? counter.count : 0;
      if (count >= plan.quota.limit) return { ok: false, reason: "QUOTA_EXCEEDED" };
      this.used.set(`${plan.address}/${key.address}`, { period, count: count + 1 });
    }
    if (plan.throttle && !this.buckets.take(`${plan.address}/${key.address}`, plan.throttle)) return { ok: false, reason: "THROTTLED" };
    return { ok: true, plan, key };
  }
}

function periodOf(now: number, period: "DAY" | "WEEK" | "MONTH"): string {
  const date = new Date(now);
  if (period === "MONTH") return `${date.getUTCFullYear()}-${date.getUTCMonth()}`;
  const day = Math.floor(now / 86_400_000);
  return period === "DAY" ? String(day) : String(Math.floor((day + 3) / 7));
}
