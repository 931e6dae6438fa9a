// The shipped environment that uses the stack's WAF, the dashboard and the full alarm set: synthesized by the
// app and planned offline by the real Terraform once; the assertions read the planned values.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { SECURITY_HEADERS } from "../../handlers/lib/http/security-headers.js";
import { REPO_ROOT, runApp } from "../support/synth.js";
import { validateAndPlan, type PlanResult } from "../support/terraform.js";

let plan: PlanResult;
beforeAll(() => {
  const outdir = join(mkdtempSync(join(tmpdir(), "apigw-initech-")), "out");
  const run = runApp(join(REPO_ROOT, "config", "initech", "prod.ts"), outdir);
  expect(run.status).toBe(0);
  plan = validateAndPlan(join(outdir, "stacks", "initech-prod"));
});

describe("initech-prod: WAF from config", () => {
  test("a REGIONAL web ACL with the managed groups (known bad inputs counted), the per-IP rate limit, the country and User-Agent blocks", () => {
    const acl = plan.resource("aws_wafv2_web_acl.waf__acl").values;
    expect(acl).toMatchObject({ name: "initech-prod-waf", scope: "REGIONAL", default_action: [{ allow: [{}], block: [] }] });
    const rules = [...acl.rule].sort((a: any, b: any) => a.priority - b.priority);
    expect(rules.map((r: any) => [r.priority, r.name])).toEqual([
      [0, "AWSManagedRulesCommonRuleSet"],
      [1, "AWSManagedRulesKnownBadInputsRuleSet"],
      [2, "AWSManagedRulesSQLiRuleSet"],
      [3, "rate-limit-per-ip"],
      [4, "blocked-countries"],
      [5, "blocked-user-agent-0"],
    ]);
    expect(rules.slice(0, 3).map((r: any) => (r.override_action[0].count.length > 0 ? "count" : "block"))).toEqual(["block", "count", "block"]);
    expect(rules[0].statement[0].managed_rule_group_statement[0]).toMatchObject({ name: "AWSManagedRulesCommonRuleSet", vendor_name: "AWS" });
    expect(rules[3].statement[0].rate_based_statement[0]).toMatchObject({ limit: 1000, evaluation_window_sec: 300, aggregate_key_type: "IP" });
    expect(rules[4].statement[0].geo_match_statement[0].country_codes).toEqual(["KP"]);
    expect(rules[5].statement[0].byte_match_statement[0]).toMatchObject({ search_string: "sqlmap", positional_constraint: "CONTAINS" });
  });

  test("logs to an aws-waf-logs-* log group, and is associated with the public REST stage", () => {
    expect(plan.resource("aws_cloudwatch_log_group.waf__logs").values).toMatchObject({ name: "aws-waf-logs-initech-prod", retention_in_days: 365 });
    expect(plan.ofType("aws_wafv2_web_acl_logging_configuration")).toHaveLength(1);
    expect(plan.ofType("aws_wafv2_web_acl_association")).toHaveLength(1);
    expect((plan.outputs.security_summary!.value as any).rest_apis.orders.stages.v1.waf).toBe(true);
  });
});

describe("initech-prod: gateway responses", () => {
  test("401, 403, 429, 4xx and 5xx answers carry the security headers and the contract's bodies", () => {
    const responses = plan.ofType("aws_api_gateway_gateway_response").map((r) => r.values);
    expect(responses.map((r) => [r.response_type, r.status_code ?? null, r.response_templates["application/json"]]).sort()).toEqual([
      ["ACCESS_DENIED", "403", '{"message":"Forbidden"}'],
      ["DEFAULT_4XX", null, '{"message":$context.error.messageString}'],
      ["DEFAULT_5XX", null, '{"message":$context.error.messageString}'],
      ["QUOTA_EXCEEDED", "429", '{"message":"Too Many Requests"}'],
      ["THROTTLED", "429", '{"message":"Too Many Requests"}'],
      ["UNAUTHORIZED", "401", '{"message":"Unauthorized"}'],
    ]);
    for (const r of responses) {
      expect(r.response_parameters).toEqual(Object.fromEntries(Object.entries(SECURITY_HEADERS).map(([name, value]) => [`gatewayresponse.header.${name}`, `'${value}'`])));
    }
  });
});

describe("initech-prod: one customer-managed key", () => {
  test("reaches every log group (stage, functions, WAF) and every table", () => {
    const key = "arn:aws:kms:us-east-2:333333333333:key/5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";
    const groups = plan.ofType("aws_cloudwatch_log_group");
    expect(groups.length).toBeGreaterThanOrEqual(6);
    expect(groups.filter((g) => g.values.kms_key_id !== key).map((g) => g.values.name)).toEqual([]);
    const tables = plan.ofType("aws_dynamodb_table");
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((t) => t.values.server_side_encryption?.[0]?.kms_key_arn !== key).map((t) => t.values.name)).toEqual([]);
  });
});
