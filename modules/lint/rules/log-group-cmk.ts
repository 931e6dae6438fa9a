import { resourcesOf } from "../terraform-json.js";
import type { LintRule } from "../types.js";

/** Read from the Terraform JSON: every log group the stack creates (stages, functions, WAF), whoever made it. */
export const logGroupCmk: LintRule = {
  id: "APIGW-LOG-GROUP-CMK",
  severity: "warning",
  title: "Log groups are encrypted with a customer-managed KMS key",
  fix: "set log_kms_key_id to a KMS key ARN whose policy lets CloudWatch Logs use it",
  checkov: ["CKV_AWS_158"],
  trivy: ["AVD-AWS-0017"],
  check: ({ stack }) =>
    resourcesOf(stack, "aws_cloudwatch_log_group")
      .filter(([, group]) => group.kms_key_id === undefined || group.kms_key_id === null)
      .map(([name, group]) => ({ path: "log_kms_key_id", message: `log group ${typeof group.name === "string" ? group.name : name} is not encrypted with a customer-managed key` })),
};
