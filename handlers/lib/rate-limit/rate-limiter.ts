// Per-tenant fixed-window rate limiting in DynamoDB. A tier's rate and burst become one window:
// `burst` requests per window of `burst / rate` seconds (2 s for every tier of the catalog/orders API contract), so a tenant can
// spend its burst at once and sustains `rate` on average. A second counter per calendar month (UTC)
// enforces the monthly quota. Over either limit: RateLimitedError (429) with Retry-After = seconds until
// the window (or month) ends.
//
// If the counter store itself fails, or does not answer within the limiter's share of the request's time
// (LIMITER_SHARE of what is left, at most RATE_LIMIT_TIMEOUT_MS), the request is let through and the failure
// logged (fail open): the limiter protects capacity and cost, and API Gateway's own throttling still stands
// in front of it. Its share is kept small so that a stalled counter table leaves the request its time.
import { RateLimitedError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { RateLimitRepository } from "../data/rate-limit-repository.js";
import { currentDeadline, Deadline, withDeadline } from "../request-deadline.js";
import { limitsFor, type RateLimitConfig, type TierLimits } from "./tiers.js";

const TTL_SLACK_SECONDS = 60;
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
      await withDeadline(deadline, () => this.count(tenantId, limits, nowMs));
    } catch (error) {
      if (error instanceof RateLimitedError) throw error;
      this.logger.error({ err: error, event: "rate_limiter_unavailable", tenantId }, "rate limiter failed; request allowed");
    }
  }

  private async count(tenantId: string, limits: TierLimits, nowMs: number): Promise<void> {
    const window = fixedWindow(nowMs, limits);
    if (!(await this.repository.tryIncrement(tenantId, `WINDOW#${window.startMs}`, limits.burst, window.expiresAtSeconds))) {
      throw new RateLimitedError(secondsUntil(window.endMs, nowMs));
    }
    const month = calendarMonth(nowMs);
    if (!(await this.repository.tryIncrement(tenantId, `QUOTA#${month.label}`, limits.monthlyQuota, month.expiresAtSeconds))) {
      throw new RateLimitedError(secondsUntil(month.endMs, nowMs), "Monthly quota exceeded");
    }
  }

  limitsOf(tenantId: string): TierLimits {
    return limitsFor(this.config, tenantId);
  }
}

export function fixedWindow(nowMs: number, limits: TierLimits): { startMs: number; endMs: number; expiresAtSeconds: number } {
  const windowMs = Math.max(1, Math.round((1000 * limits.burst) / limits.ratePerSecond));
  const startMs = Math.floor(nowMs / windowMs) * windowMs;
  const endMs = startMs + windowMs;
  return { startMs, endMs, expiresAtSeconds: Math.ceil(endMs / 1000) + TTL_SLACK_SECONDS };
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
