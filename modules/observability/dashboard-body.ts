import type { ApiStageRef } from "./alarm-definitions.js";

/** What the dashboard shows: the API's stages, the functions, the tables and the log groups queried per tenant. */
export interface DashboardInput {
  readonly region: string;
  readonly stages: readonly ApiStageRef[];
  /** Function names (`<name>-<fn>`). */
  readonly functions: readonly string[];
  /** Table names. */
  readonly tables: readonly string[];
  /** The functions' log groups: their `request completed` lines carry tenantId, route, status, duration. */
  readonly functionLogGroups: readonly string[];
  /** The stages' access-log groups: their lines carry tenantId (from the authorizer context) and status. */
  readonly accessLogGroups: readonly string[];
}

type Metric = (string | Record<string, unknown>)[];
type Widget = Record<string, unknown>;

const WIDTH = 12;
const HEIGHT = 6;

/** Logs Insights over the functions' log lines: requests, mean and p99 duration, errors per tenant. */
export const TENANT_REQUESTS_QUERY = [
  "fields tenantId, route, status, duration",
  'filter message = "request completed" and ispresent(tenantId)',
  "stats count(*) as requests, avg(duration) as avg_ms, pct(duration, 99) as p99_ms by tenantId",
  "sort requests desc",
  "limit 50",
].join(" | ");

/** Logs Insights over the functions' log lines: the failed requests per tenant and route. */
export const TENANT_ERRORS_QUERY = [
  "fields tenantId, route, status, errorCode",
  'filter message = "request completed" and status >= 400',
  "stats count(*) as failures by tenantId, route, status, errorCode",
  "sort failures desc",
  "limit 50",
].join(" | ");

/** Logs Insights over the stages' access logs: what the gateway answered each tenant (429s, 401s included). */
export const TENANT_GATEWAY_QUERY = ["fields tenantId, status", "filter ispresent(tenantId)", "stats count(*) as requests by tenantId, status", "sort requests desc", "limit 50"].join(" | ");

function apiDimensions(stage: ApiStageRef): string[] {
  return stage.kind === "http" ? ["ApiId", stage.apiDimension, "Stage", stage.stageName] : ["ApiName", stage.apiDimension, "Stage", stage.stageName];
}

function metricWidget(title: string, region: string, metrics: Metric[], extra: Record<string, unknown> = {}): Widget {
  return { type: "metric", width: WIDTH, height: HEIGHT, properties: { title, region, view: "timeSeries", stacked: false, period: 60, metrics, ...extra } };
}

function logWidget(title: string, region: string, logGroups: readonly string[], query: string): Widget {
  const sources = logGroups.map((g) => `SOURCE '${g}'`).join(" | ");
  return { type: "log", width: 24, height: HEIGHT, properties: { title, region, view: "table", query: `${sources} | ${query}` } };
}

function apiWidgets(input: DashboardInput): Widget[] {
  const { region, stages } = input;
  const requests = stages.map((s) => ["AWS/ApiGateway", "Count", ...apiDimensions(s), { stat: "Sum", label: `${s.apiKey}/${s.stageName} requests` }]);
  const rates = stages.flatMap((s, i) => {
    const [four, five] = s.kind === "http" ? ["4xx", "5xx"] : ["4XXError", "5XXError"];
    return [
      ["AWS/ApiGateway", "Count", ...apiDimensions(s), { stat: "Sum", id: `count${i}`, visible: false }],
      ["AWS/ApiGateway", four, ...apiDimensions(s), { stat: "Sum", id: `c4xx${i}`, visible: false }],
      ["AWS/ApiGateway", five, ...apiDimensions(s), { stat: "Sum", id: `c5xx${i}`, visible: false }],
      [{ expression: `IF(count${i} > 0, 100 * c4xx${i} / count${i}, 0)`, label: `${s.apiKey}/${s.stageName} 4xx %`, id: `r4xx${i}` }],
      [{ expression: `IF(count${i} > 0, 100 * c5xx${i} / count${i}, 0)`, label: `${s.apiKey}/${s.stageName} 5xx %`, id: `r5xx${i}` }],
    ];
  });
  const latency = stages.flatMap((s) => ["p50", "p99"].map((stat) => ["AWS/ApiGateway", "Latency", ...apiDimensions(s), { stat, label: `${s.apiKey}/${s.stageName} ${stat}` }]));
  return [
    metricWidget("API requests", region, requests),
    metricWidget("API 4xx and 5xx rates (%)", region, rates, { yAxis: { left: { min: 0, max: 100 } } }),
    metricWidget("API latency p50 / p99 (ms)", region, latency),
  ];
}

function lambdaWidgets(input: DashboardInput): Widget[] {
  const per = (metric: string, stat: string) => input.functions.map((fn) => ["AWS/Lambda", metric, "FunctionName", fn, { stat, label: fn }]);
  return [
    metricWidget("Lambda invocations", input.region, per("Invocations", "Sum")),
    metricWidget("Lambda errors", input.region, per("Errors", "Sum")),
    metricWidget("Lambda duration p99 (ms)", input.region, per("Duration", "p99")),
    metricWidget("Lambda throttles", input.region, per("Throttles", "Sum")),
    metricWidget("Lambda concurrent executions", input.region, per("ConcurrentExecutions", "Maximum")),
  ];
}

function tableWidgets(input: DashboardInput): Widget[] {
  if (input.tables.length === 0) return [];
  const per = (metric: string) => input.tables.map((t) => ["AWS/DynamoDB", metric, "TableName", t, { stat: "Sum", label: t }]);
  return [
    metricWidget("DynamoDB consumed read capacity", input.region, per("ConsumedReadCapacityUnits")),
    metricWidget("DynamoDB consumed write capacity", input.region, per("ConsumedWriteCapacityUnits")),
    metricWidget("DynamoDB throttled requests", input.region, per("ThrottledRequests")),
  ];
}

/**
 * The dashboard's JSON (`dashboard_body`): API, Lambda and DynamoDB metrics, then per-tenant Logs Insights
 * views. Widgets are laid out by CloudWatch in order, two per row.
 */
export function dashboardBody(input: DashboardInput): string {
  const widgets = [
    ...apiWidgets(input),
    ...lambdaWidgets(input),
    ...tableWidgets(input),
    ...(input.functionLogGroups.length > 0
      ? [logWidget("Requests per tenant (functions)", input.region, input.functionLogGroups, TENANT_REQUESTS_QUERY), logWidget("Failures per tenant and route (functions)", input.region, input.functionLogGroups, TENANT_ERRORS_QUERY)]
      : []),
    ...(input.accessLogGroups.length > 0 ? [logWidget("Gateway answers per tenant (access logs)", input.region, input.accessLogGroups, TENANT_GATEWAY_QUERY)] : []),
  ];
  return JSON.stringify({ widgets });
}
