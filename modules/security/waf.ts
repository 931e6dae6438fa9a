import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl/index.js";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration/index.js";
import { Construct } from "constructs";
import { tagsArgument } from "../api-gateway/common/tags.js";
import type { WafSettings } from "./waf-config.js";
import { wafRules } from "./waf-rules.js";

export interface WebAclProps {
  /** Names the ACL (`<prefix>-waf`), its metrics and its log group (`aws-waf-logs-<prefix>`, the prefix WAF requires). */
  readonly namePrefix: string;
  readonly settings: WafSettings;
  readonly logRetentionDays: number;
  readonly logKmsKeyId?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** A REGIONAL WAFv2 web ACL that allows by default, with its rules, logging to a CloudWatch log group. */
export class WebAcl extends Construct {
  readonly acl: Wafv2WebAcl;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const tags = tagsArgument({ ...props.tags });
    this.acl = new Wafv2WebAcl(this, "acl", {
      name: `${props.namePrefix}-waf`,
      description: `Web ACL of ${props.namePrefix}: AWS managed rules, a per-IP rate limit`,
      scope: "REGIONAL",
      defaultAction: { allow: {} },
      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: `${props.namePrefix}-waf`.replace(/[^A-Za-z0-9_-]/g, "_"), sampledRequestsEnabled: true },
      tags,
    });
    this.acl.addOverride("rule", wafRules(props.settings, props.namePrefix));
    this.acl.overrideLogicalId("waf__acl");
    this.logGroup = new CloudwatchLogGroup(this, "logs", {
      name: `aws-waf-logs-${props.namePrefix}`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logKmsKeyId,
      tags,
    });
    this.logGroup.overrideLogicalId("waf__logs");
    new Wafv2WebAclLoggingConfiguration(this, "logging", { resourceArn: this.acl.arn, logDestinationConfigs: [this.logGroup.arn] }).overrideLogicalId("waf__logging");
  }
}
