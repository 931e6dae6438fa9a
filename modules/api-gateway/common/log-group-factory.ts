import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
import type { Construct } from "constructs";
import type { Tags } from "../config/common.js";
import type { LogDefaults } from "../model.js";
import { tagsArgument } from "./tags.js";

/** Creates the access-log groups the module owns, with the module's retention and KMS key. */
export class LogGroupFactory {
  constructor(private readonly defaults: LogDefaults) {}

  create(scope: Construct, id: string, logicalId: string, name: string, tags: Tags): CloudwatchLogGroup {
    const group = new CloudwatchLogGroup(scope, id, {
      name,
      retentionInDays: this.defaults.retentionDays,
      kmsKeyId: this.defaults.kmsKeyId,
      tags: tagsArgument(tags),
    });
    group.overrideLogicalId(logicalId);
    return group;
  }
}
