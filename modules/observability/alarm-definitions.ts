/** What a CloudWatch alarm watches, before it is bound to a topic and an address. */
export interface AlarmDefinition {
  /** Last part of the Terraform name. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Record<string, string>;
  readonly statistic?: "Average" | "Sum";
  readonly extendedStatistic?: string;
  /** Alarm on `100 * metricName / ratioOf` (both summed) instead of the metric itself. */
  readonly ratioOf?: string;
  readonly threshold: number;
}

export interface ApiStageRef {
  /** `http` metrics are keyed by ApiId, `rest` ones by ApiName. */
  readonly kind: "http" | "rest";
  readonly apiKey: string;
  /** ApiId (HTTP) or ApiName (REST). */
  readonly apiDimension: string;
  readonly stageKey: string;
  readonly stageName: string;
}

/** Per stage: percentage of requests answered 5xx (5xx count over request count) and p99 latency. */
export function apiStageAlarms(prefix: string, stage: ApiStageRef, limits: { api5xxRatePercent: number; apiLatencyP99Ms: number }): AlarmDefinition[] {
  const dimensions: Record<string, string> = stage.kind === "http" ? { ApiId: stage.apiDimension, Stage: stage.stageName } : { ApiName: stage.apiDimension, Stage: stage.stageName };
  const where = `${stage.apiKey}/${stage.stageName}`;
  return [
    {
      key: `${stage.apiKey}__${stage.stageKey}__5xx_rate`,
      name: `${prefix}-${stage.apiKey}-${stage.stageKey}-5xx-rate`,
      description: `More than ${limits.api5xxRatePercent}% of ${where} requests answered 5xx`,
      namespace: "AWS/ApiGateway",
      metricName: stage.kind === "http" ? "5xx" : "5XXError",
      dimensions,
      ratioOf: "Count",
      threshold: limits.api5xxRatePercent,
    },
    {
      key: `${stage.apiKey}__${stage.stageKey}__latency_p99`,
      name: `${prefix}-${stage.apiKey}-${stage.stageKey}-latency-p99`,
      description: `p99 latency of ${where} above ${limits.apiLatencyP99Ms} ms`,
      namespace: "AWS/ApiGateway",
      metricName: "Latency",
      dimensions,
      extendedStatistic: "p99",
      threshold: limits.apiLatencyP99Ms,
    },
  ];
}

/** Per function: any invocation error, any throttled invocation. */
export function functionAlarms(prefix: string, fn: string, functionName: string): AlarmDefinition[] {
  return (["Errors", "Throttles"] as const).map((metricName) => ({
    key: `${fn}__${metricName.toLowerCase()}`,
    name: `${prefix}-${fn}-${metricName.toLowerCase()}`,
    description: `${functionName}: ${metricName === "Errors" ? "invocations failed" : "invocations throttled"}`,
    namespace: "AWS/Lambda",
    metricName,
    dimensions: { FunctionName: functionName },
    statistic: "Sum",
    threshold: 0,
  }));
}
