import type { ModuleModel } from "../model.js";

const NOT_AVAILABLE = "not available on HTTP APIs";

/**
 * `performance_summary`: per stage (`<api>-<stage>`), throttling, caching, compression and X-Ray, for REST and
 * HTTP APIs side by side. Known at synth.
 */
export function performanceSummary(model: ModuleModel) {
  const stages: [string, unknown][] = [];
  for (const api of model.restApis) {
    for (const s of api.stages) {
      const settings = s.methodSettings;
      stages.push([
        `${api.key}-${s.key}`,
        {
          api_type: "REST",
          endpoint_type: api.endpointType,
          throttling: { rate_limit: settings?.throttlingRateLimit ?? "account default", burst_limit: settings?.throttlingBurstLimit ?? "account default" },
          caching: {
            cache_cluster: s.cacheClusterEnabled,
            cache_cluster_size_gb: s.cacheClusterSize ?? "none",
            method_caching: settings?.cachingEnabled ?? false,
            ttl_seconds: settings?.cachingEnabled ? (settings.cacheTtlInSeconds ?? 300) : 0,
          },
          compression: api.minimumCompressionSize === undefined || api.minimumCompressionSize < 0 ? "off" : `responses of ${api.minimumCompressionSize} bytes or more`,
          metrics: settings?.metricsEnabled ?? false,
          xray_tracing: s.xrayTracingEnabled,
        },
      ]);
    }
  }
  for (const api of model.httpApis) {
    for (const s of api.stages) {
      const settings = s.defaultRouteSettings;
      stages.push([
        `${api.key}-${s.key}`,
        {
          api_type: "HTTP",
          endpoint_type: "REGIONAL",
          throttling: { rate_limit: settings?.throttlingRateLimit ?? "account default", burst_limit: settings?.throttlingBurstLimit ?? "account default" },
          caching: NOT_AVAILABLE,
          compression: NOT_AVAILABLE,
          metrics: settings?.detailedMetricsEnabled ?? false,
          xray_tracing: NOT_AVAILABLE,
        },
      ]);
    }
  }
  return Object.fromEntries(stages.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
