// Per-tenant fixed-window rate limiting in DynamoDB. A tier's rate and burst become one window:
// `burst` requests per window of `burst / rate` seconds (2 s for every tier of the catalog/orders API contract), so a tenant can
// spend its burst at once and sustains `rate` on average. The calendar month (UTC) is counted too, for the
// monthly quota. Over either limit: RateLimitedError (429) with Retry-After = seconds until the window (or
// month) ends.
//
// One conditional update per request in the usual case: both counters live in one item per tenant and month
// (data/rate-limit-repository.ts), and the request counts in the window the tenant's earlier requests opened.
// The first request of a window opens it (a second update); a refusal is explained by the counters DynamoDB
// returns with it (or, where it returns none, one read).
//
// If the counter store itself fails, or does not answer within the limiter's share of the request's time
// (LIMITER_SHARE of what is left, at most RATE_LIMIT_TIMEOUT_MS), the request is let through and the failure
// logged (fail open): the limiter protects capacity and cost, and API Gateway's own throttling still stands
// in front of it. Its share is kept small so that a stalled counter table leaves the request its time.
import { RateLimitedError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { MonthCounter, MonthCounters, RateLimitRepository } from "../data/rate-limit-repository.js";
import { currentDeadline, Deadline, withNestedDeadline } from "../request-deadline.js";
import { limitsFor, type RateLimitConfig, type TierLimits } from "./tiers.js";

/** Attempts to count a request while the counters keep changing under it (other requests opening the window). */
const MAX_ROUNDS = 3;
/** Fraction of the request's remaining time the limiter may use. */
export const LIMITER_SHARE = 0.25;

export class RateLimiter {
  constructor(
    private readonly repository: RateLimitRepository,
    private readonly config: RateLimitConfig,
    private readonly logger: Logger,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Counts one request of `tenantId`; throws RateLimitedError when it is over its tier's limits. */
  async consume(tenantId: string): Promise<void> {
    if (!this.config.enabled) return;
    const limits = this.limitsOf(tenantId);
    const nowMs = this.now();
    const request = currentDeadline();
    const timeoutMs = this.config.timeoutMs;
    const deadline = request === undefined ? Deadline.after(timeoutMs) : request.within(Math.min(timeoutMs, request.remainingMs() * LIMITER_SHARE));
    try {
      await withNestedDeadline(deadline, () => this.count(tenantId, limits, nowMs));
    } catch (error) {
      if (error instanceof RateLimitedError) throw error;
      this.logger.error({ err: error, event: "rate_limiter_unavailable", tenantId }, "rate limiter failed; request allowed");
    }
  }

  private async count(tenantId: string, limits: TierLimits, nowMs: number): Promise<void> {
    const window = fixedWindow(nowMs, limits);
    const month = calendarMonth(nowMs);
    const counter: MonthCounter = { tenantId, month: month.label, monthlyQuota: limits.monthlyQuota, expiresAtSeconds: month.expiresAtSeconds };
    let startMs = window.startMs;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const inWindow = await this.repository.countInWindow(counter, startMs, limits.burst);
      if (inWindow.counted) return;
      let counters = inWindow.counters;
      if (counters === undefined || (counters.count < limits.monthlyQuota && (counters.windowStartMs ?? -Infinity) < startMs)) {
        const opened = await this.repository.openWindow(counter, startMs);
        if (opened.counted) return;
        counters = opened.counters;
      }
      const refused = refusal(counters ?? (await this.repository.read(counter)), startMs, limits);
      if (refused === "quota") throw new RateLimitedError(secondsUntil(month.endMs, nowMs), "Monthly quota exceeded");
      if (refused === "window") throw new RateLimitedError(secondsUntil(startMs + window.lengthMs, nowMs));
      // Another container's clock is ahead and opened a later window: count in that one.
      if (refused.laterWindowStartMs !== undefined) startMs = refused.laterWindowStartMs;
    }
    throw new RateLimitedError(secondsUntil(startMs + window.lengthMs, nowMs));
  }

  limitsOf(tenantId: string): TierLimits {
    return limitsFor(this.config, tenantId);
  }
}

export function fixedWindow(nowMs: number, limits: TierLimits): { startMs: number; lengthMs: number } {
  const lengthMs = Math.max(1, Math.round((1000 * limits.burst) / limits.ratePerSecond));
  return { startMs: Math.floor(nowMs / lengthMs) * lengthMs, lengthMs };
}

/**
 * Why counting in window `startMs` was refused, from the counters as they were: a limit reached, or (neither)
 * the counters changed between the attempts, then again in the later window another container opened.
 */
function refusal(counters: MonthCounters, startMs: number, limits: TierLimits): "quota" | "window" | { laterWindowStartMs: number | undefined } {
  if (counters.count >= limits.monthlyQuota) return "quota";
  if (counters.windowStartMs === startMs && counters.windowCount >= limits.burst) return "window";
  return { laterWindowStartMs: counters.windowStartMs !== undefined && counters.windowStartMs > startMs ? counters.windowStartMs : undefined };
}

function calendarMonth(nowMs: number): { label: string; endMs: number; expiresAtSeconds: number } {
  const date = new Date(nowMs);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const endMs = Date.UTC(year, month + 1, 1);
  return { label: `${year}-${String(month + 1).padStart(2, "0")}`, endMs, expiresAtSeconds: Math.ceil(endMs / 1000) + 86_400 };
}

function secondsUntil(endMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((endMs - nowMs) / 1000));
}
