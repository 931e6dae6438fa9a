import { CloudwatchMetricAlarm, type CloudwatchMetricAlarmMetricQuery } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js";
import { Construct } from "constructs";
import type { AlarmDefinition } from "./alarm-definitions.js";
import { tagsArgument } from "../api-gateway/common/tags.js";

export interface AlarmsProps {
  readonly addressPrefix: string;
  readonly definitions: readonly AlarmDefinition[];
  /** Notified on ALARM and on OK. */
  readonly topicArn: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * CloudWatch alarms over one-minute periods, firing when 3 of the last 5 breach (one bad minute is noise,
 * a sustained problem is not). No data is not breaching: a quiet API is healthy.
 */
export class Alarms extends Construct {
  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const tags = tagsArgument({ ...props.tags });
    for (const alarm of props.definitions) {
      const metric = alarm.ratioOf
        ? { metricQuery: ratioQuery(alarm, alarm.ratioOf) }
        : {
            namespace: alarm.namespace,
            metricName: alarm.metricName,
            dimensions: alarm.dimensions,
            statistic: alarm.statistic,
            extendedStatistic: alarm.extendedStatistic,
            period: 60,
          };
      new CloudwatchMetricAlarm(this, alarm.key, {
        alarmName: alarm.name,
        alarmDescription: alarm.description,
        ...metric,
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        threshold: alarm.threshold,
        comparisonOperator: "GreaterThanThreshold",
        treatMissingData: "notBreaching",
        alarmActions: [props.topicArn],
        okActions: [props.topicArn],
        tags,
      }).overrideLogicalId(`${props.addressPrefix}__${alarm.key}`);
    }
  }
}

/** `100 * errors / requests` per minute; a minute without requests is 0, not a division by zero. */
function ratioQuery(alarm: AlarmDefinition, denominator: string): CloudwatchMetricAlarmMetricQuery[] {
  const metric = (id: string, metricName: string): CloudwatchMetricAlarmMetricQuery => ({
    id,
    returnData: false,
    metric: { namespace: alarm.namespace, metricName, dimensions: alarm.dimensions, stat: "Sum", period: 60 },
  });
  return [
    metric("errors", alarm.metricName),
    metric("requests", denominator),
    { id: "rate", expression: "IF(requests > 0, 100 * errors / requests, 0)", label: `${alarm.metricName} %`, returnData: true },
  ];
}
