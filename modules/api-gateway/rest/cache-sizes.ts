/**
 * Cache cluster sizes API Gateway offers, in GB, as the `cache_cluster_size` strings AWS takes.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
 */
export const CACHE_CLUSTER_SIZES = ["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"] as const;

export type CacheClusterSize = (typeof CACHE_CLUSTER_SIZES)[number];

export function isCacheClusterSize(value: string): value is CacheClusterSize {
  return (CACHE_CLUSTER_SIZES as readonly string[]).includes(value);
}

/** The offered size nearest to a number-like input, for the error's fix. */
export function nearestCacheClusterSize(value: string): CacheClusterSize {
  const wanted = Number(value);
  if (!Number.isFinite(wanted)) return "0.5";
  return CACHE_CLUSTER_SIZES.reduce((best, size) => (Math.abs(Number(size) - wanted) < Math.abs(Number(best) - wanted) ? size : best), "0.5" as CacheClusterSize);
}
