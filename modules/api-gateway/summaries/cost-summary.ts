import type { ModuleModel } from "../model.js";
import type { RestApiModel } from "../rest/rest-model.js";
import { API_GATEWAY_PRICES, dollars } from "./price-table.js";

const prices = API_GATEWAY_PRICES;
const HTTP_SAVING = Math.round((1 - prices.requestsPerMillion.HTTP / prices.requestsPerMillion.REST) * 100);

/** Features a REST API uses that HTTP APIs lack; none means it could be an HTTP API at a lower price. */
function restOnlyFeatures(api: RestApiModel): string[] {
  const features: string[] = [];
  if (api.endpointType !== "REGIONAL") features.push(`${api.endpointType} endpoint`);
  if (api.stages.some((s) => s.cacheClusterEnabled)) features.push("caching");
  if (api.stages.some((s) => s.wafAclArn !== undefined)) features.push("WAF");
  if (api.usagePlans.length > 0 || api.apiKeys.length > 0) features.push("API keys and usage plans");
  if (api.policy !== undefined) features.push("resource policy");
  if (api.stages.some((s) => s.xrayTracingEnabled)) features.push("X-Ray");
  if (api.stages.some((s) => s.canary !== undefined)) features.push("canary");
  if (api.definition.kind === "openapi") features.push("OpenAPI import");
  else {
    const methods = api.definition.methods;
    if (methods.some((m) => m.validatorKey !== undefined)) features.push("request validation");
    if (methods.some((m) => m.integration.type !== "AWS_PROXY" && m.integration.type !== "HTTP_PROXY" && m.configKey !== undefined)) features.push("mapping templates or mock integrations");
    if (methods.some((m) => m.authorization === "COGNITO_USER_POOLS" || m.authorization === "AWS_IAM")) features.push("Cognito or IAM authorization");
  }
  return features;
}

/**
 * `cost_optimization_summary`: per stage, the estimated monthly fixed cost of what the config turns on (the cache
 * cluster, by size), the per-million-request price of its API type, and hints; plus the price table's date and
 * region, so that REST and HTTP costs can be compared at a glance. Request charges depend on traffic and are
 * given per million, not estimated.
 */
export function costOptimizationSummary(model: ModuleModel) {
  const stages: [string, unknown][] = [];
  let total = 0;
  for (const api of model.restApis) {
    const features = restOnlyFeatures(api);
    for (const s of api.stages) {
      const hourly = s.cacheClusterSize === undefined ? 0 : prices.cacheClusterPerHour[s.cacheClusterSize as keyof typeof prices.cacheClusterPerHour];
      const monthly = dollars(hourly * prices.hoursPerMonth);
      total += monthly;
      const hints: string[] = [];
      if (s.cacheClusterEnabled && s.methodSettings?.cachingEnabled !== true) {
        hints.push(`the ${s.cacheClusterSize} GB cache cluster is billed (${monthly} USD a month) but no method caches: set throttle_settings.caching_enabled = true, or remove the cluster`);
      }
      if (s.methodSettings?.dataTraceEnabled || s.methodSettings?.loggingLevel === "INFO") {
        hints.push("INFO execution logging or data trace writes log lines per request: CloudWatch Logs ingestion grows with traffic");
      }
      if (features.length === 0) hints.push(`uses no REST-only feature: as an HTTP API it would cost about ${HTTP_SAVING}% less per request`);
      stages.push([
        `${api.key}-${s.key}`,
        {
          api_type: "REST",
          cache_cluster_size_gb: s.cacheClusterSize ?? "none",
          cache_cluster_usd_per_hour: hourly,
          estimated_monthly_fixed_usd: monthly,
          request_price_per_million_usd: prices.requestsPerMillion.REST,
          rest_only_features: features,
          hints,
        },
      ]);
    }
  }
  for (const api of model.httpApis) {
    for (const s of api.stages) {
      stages.push([
        `${api.key}-${s.key}`,
        {
          api_type: "HTTP",
          cache_cluster_size_gb: "none",
          cache_cluster_usd_per_hour: 0,
          estimated_monthly_fixed_usd: 0,
          request_price_per_million_usd: prices.requestsPerMillion.HTTP,
          rest_only_features: [],
          hints: [],
        },
      ]);
    }
  }
  return {
    price_table: { as_of: prices.asOf, region: prices.region, currency: prices.currency, source: prices.source, hours_per_month: prices.hoursPerMonth },
    request_price_per_million_usd: { REST: prices.requestsPerMillion.REST, HTTP: prices.requestsPerMillion.HTTP },
    stages: Object.fromEntries(stages.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    total_estimated_monthly_fixed_usd: dollars(total),
  };
}
