// API Gateway's throttling model: a bucket of `burstLimit` tokens refilled at `rateLimit` tokens per second;
// a request takes one token or is answered 429.
import type { ThrottleModel } from "../model/http-api-model.js";
import type { Clock } from "./clock.js";

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limits: ThrottleModel,
    private readonly clock: Clock,
  ) {
    this.tokens = limits.burstLimit;
    this.last = clock.now();
  }

  take(): boolean {
    const now = this.clock.now();
    this.tokens = Math.min(this.limits.burstLimit, this.tokens + ((now - this.last) / 1000) * this.limits.rateLimit);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Buckets created on first use, by key. */
export class Buckets {
  private readonly buckets = new Map<string, TokenBucket>();
  constructor(private readonly clock: Clock) {}

  take(key: string, limits: ThrottleModel): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(limits, this.clock)));
    return bucket.take();
  }
}
