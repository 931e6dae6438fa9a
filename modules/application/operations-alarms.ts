import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter/index.js";
import type { Construct } from "constructs";
import type { ApplicationTables } from "../data/application-tables.js";
import type { AlarmDefinition, ApiStageRef } from "../observability/alarm-definitions.js";
import { api4xxRateAlarm, apiThrottledAlarm, functionDurationAlarm, tableThrottleAlarm, THROTTLED_NAMESPACE, throttledMetricName } from "../observability/more-alarm-definitions.js";
import { RUNTIME_ID } from "./application-routes.js";
import type { MountedApi } from "./application-runtime.js";
import type { ApplicationModel } from "./model.js";

export interface OperationsAlarmsProps {
  readonly model: ApplicationModel;
  readonly api: MountedApi;
  readonly stages: readonly ApiStageRef[];
  readonly tables?: ApplicationTables;
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * The alarms beside 5xx, latency, function errors and throttles: 4xx rate and 429s per stage, functions near
 * their timeout, DynamoDB throttling per table. The 429 count comes from a metric filter on the stage's access
 * log (API Gateway publishes no throttling metric); a stage without an access log gets no 429 alarm.
 */
export function operationsAlarms(scope: Construct, props: OperationsAlarmsProps): AlarmDefinition[] {
  const alarms = props.model.alarms!;
  const name = props.model.name;
  const definitions: AlarmDefinition[] = props.stages.map((stage) => api4xxRateAlarm(name, stage, alarms.api4xxRatePercent));
  for (const stage of props.stages) {
    const mounted = props.api.stages.find((s) => s.key === stage.stageKey);
    if (!mounted?.accessLogGroupName) continue;
    new CloudwatchLogMetricFilter(scope, `throttled-${stage.stageKey}`, {
      name: throttledMetricName(name, stage),
      logGroupName: mounted.accessLogGroupName,
      pattern: '{ $.status = "429" }',
      metricTransformation: { name: throttledMetricName(name, stage), namespace: THROTTLED_NAMESPACE, value: "1", defaultValue: "0" },
      dependsOn: mounted.resource ? [mounted.resource] : undefined,
    }).overrideLogicalId(`${RUNTIME_ID}__throttled__${stage.stageKey}`);
    definitions.push(apiThrottledAlarm(name, stage, alarms.apiThrottledPerMinute));
  }
  for (const fn of props.model.functions) {
    definitions.push(functionDurationAlarm(name, fn, `${name}-${fn}`, props.model.lambda.timeout, alarms.lambdaDurationPercentOfTimeout));
  }
  if (props.tables) {
    for (const table of ["data", "sessions", "rate_limits"] as const) {
      definitions.push(tableThrottleAlarm(name, table, `${name}-${table.replace("_", "-")}`, alarms.dynamodbThrottlesPerMinute));
    }
  }
  return definitions;
}
