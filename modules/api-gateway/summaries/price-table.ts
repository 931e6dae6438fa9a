import type { CacheClusterSize } from "../rest/cache-sizes.js";

/**
 * API Gateway list prices used by `cost_optimization_summary`: us-east-1, USD, first request tier, as published on
 * the AWS pricing page on the date below. Prices differ by region and change over time: the summary states this
 * date and region next to every estimate, and this table is the one place to update.
 * @see https://aws.amazon.com/api-gateway/pricing/
 */
export const API_GATEWAY_PRICES = {
  asOf: "2025-01-01",
  region: "us-east-1",
  currency: "USD",
  source: "https://aws.amazon.com/api-gateway/pricing/",
  /** AWS bills hourly resources over 730 hours a month. */
  hoursPerMonth: 730,
  /** Per million requests, first tier (REST: first 333 million a month; HTTP: first 300 million). */
  requestsPerMillion: { REST: 3.5, HTTP: 1.0 },
  /** Cache cluster, per hour, by size in GB. */
  cacheClusterPerHour: {
    "0.5": 0.02,
    "1.6": 0.038,
    "6.1": 0.2,
    "13.5": 0.25,
    "28.4": 0.5,
    "58.2": 1.0,
    "118": 1.9,
    "237": 3.8,
  } satisfies Record<CacheClusterSize, number>,
} as const;

/** Dollars rounded to cents, as a number (so that outputs stay numeric). */
export function dollars(value: number): number {
  return Math.round(value * 100) / 100;
}
