import type { AlarmDefinition, ApiStageRef } from "./alarm-definitions.js";

/** Per stage: percentage of requests answered 4xx (clients refused: auth, validation, throttling). */
export function api4xxRateAlarm(prefix: string, stage: ApiStageRef, percent: number): AlarmDefinition {
  const dimensions: Record<string, string> = stage.kind === "http" ? { ApiId: stage.apiDimension, Stage: stage.stageName } : { ApiName: stage.apiDimension, Stage: stage.stageName };
  return {
    key: `${stage.apiKey}__${stage.stageKey}__4xx_rate`,
    name: `${prefix}-${stage.apiKey}-${stage.stageKey}-4xx-rate`,
    description: `More than ${percent}% of ${stage.apiKey}/${stage.stageName} requests answered 4xx`,
    namespace: "AWS/ApiGateway",
    metricName: stage.kind === "http" ? "4xx" : "4XXError",
    dimensions,
    ratioOf: "Count",
    threshold: percent,
  };
}

/**
 * Namespace of the metric the stage access logs feed: API Gateway publishes no throttling metric, so a metric
 * filter counts the access-log lines with status 429 (stage and usage-plan throttling, quota).
 */
export const THROTTLED_NAMESPACE = "ApiGatewayPlatform";

/** Per stage: requests answered 429 per minute, from the stage's access logs. */
export function apiThrottledAlarm(prefix: string, stage: ApiStageRef, perMinute: number): AlarmDefinition {
  return {
    key: `${stage.apiKey}__${stage.stageKey}__throttled`,
    name: `${prefix}-${stage.apiKey}-${stage.stageKey}-throttled`,
    description: `More than ${perMinute} requests a minute to ${stage.apiKey}/${stage.stageName} answered 429 (throttled or over quota)`,
    namespace: THROTTLED_NAMESPACE,
    metricName: throttledMetricName(prefix, stage),
    dimensions: {},
    statistic: "Sum",
    threshold: perMinute,
  };
}

export function throttledMetricName(prefix: string, stage: ApiStageRef): string {
  return `${prefix}-${stage.apiKey}-${stage.stageKey}-throttled`;
}

/** Per function: the slowest invocation of a minute above `percent` of the timeout (near timing out). */
export function functionDurationAlarm(prefix: string, fn: string, functionName: string, timeoutSeconds: number, percent: number): AlarmDefinition {
  const thresholdMs = Math.round((timeoutSeconds * 1000 * percent) / 100);
  return {
    key: `${fn}__duration`,
    name: `${prefix}-${fn}-duration`,
    description: `${functionName}: an invocation took more than ${percent}% of its ${timeoutSeconds} s timeout (${thresholdMs} ms)`,
    namespace: "AWS/Lambda",
    metricName: "Duration",
    dimensions: { FunctionName: functionName },
    extendedStatistic: "p99",
    threshold: thresholdMs,
  };
}

/** Per table: requests DynamoDB throttled. */
export function tableThrottleAlarm(prefix: string, table: string, tableName: string, perMinute: number): AlarmDefinition {
  return {
    key: `${table}__throttled`,
    name: `${prefix}-${table}-throttled`,
    description: `${tableName}: more than ${perMinute} requests a minute throttled`,
    namespace: "AWS/DynamoDB",
    metricName: "ThrottledRequests",
    dimensions: { TableName: tableName },
    statistic: "Sum",
    threshold: perMinute,
  };
}
