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

describe("initech-prod: dashboard", () => {
  test("API, Lambda and DynamoDB widgets over the environment's stage, functions and tables, and per-tenant Logs Insights views", () => {
    const dashboard = plan.resource("aws_cloudwatch_dashboard.app__dashboard").values;
    expect(dashboard.dashboard_name).toBe("initech-prod");
    const widgets = JSON.parse(dashboard.dashboard_body).widgets as any[];
    expect(widgets.map((w) => w.properties.title)).toEqual([
      "API requests",
      "API 4xx and 5xx rates (%)",
      "API latency p50 / p99 (ms)",
      "Lambda invocations",
      "Lambda errors",
      "Lambda duration p99 (ms)",
      "Lambda throttles",
      "Lambda concurrent executions",
      "DynamoDB consumed read capacity",
      "DynamoDB consumed write capacity",
      "DynamoDB throttled requests",
      "Requests per tenant (functions)",
      "Failures per tenant and route (functions)",
      "Gateway answers per tenant (access logs)",
    ]);
    for (const w of widgets) expect(w.properties.region).toBe("us-east-2");
    expect(widgets[0].properties.metrics).toEqual([["AWS/ApiGateway", "Count", "ApiName", "initech-prod-orders", "Stage", "v1", { stat: "Sum", label: "orders/v1 requests" }]]);
    expect(widgets[1].properties.metrics.filter((m: any[]) => m.length === 1).map((m: any[]) => m[0].expression)).toEqual(["IF(count0 > 0, 100 * c4xx0 / count0, 0)", "IF(count0 > 0, 100 * c5xx0 / count0, 0)"]);
    expect(widgets[2].properties.metrics.map((m: any[]) => [m[1], m.at(-1).stat])).toEqual([["Latency", "p50"], ["Latency", "p99"]]);
    const functions = plan.ofType("aws_lambda_function").map((f) => f.values.function_name).sort();
    for (const i of [3, 4, 5, 6, 7]) expect(widgets[i].properties.metrics.map((m: any[]) => m[3])).toEqual(functions);
    expect(widgets[7].properties.metrics[0][1]).toBe("ConcurrentExecutions");
    const tables = plan.ofType("aws_dynamodb_table").map((t) => t.values.name).sort();
    for (const i of [8, 9, 10]) expect([...widgets[i].properties.metrics.map((m: any[]) => m[3])].sort()).toEqual(tables);
    const functionLogs = plan.ofType("aws_cloudwatch_log_group").map((g) => g.values.name).filter((n: string) => n.startsWith("/aws/lambda/")).sort();
    expect(widgets[11].properties.query).toBe(`${functionLogs.map((g: string) => `SOURCE '${g}'`).join(" | ")} | fields tenantId, route, status, duration | filter message = "request completed" and ispresent(tenantId) | stats count(*) as requests, avg(duration) as avg_ms, pct(duration, 99) as p99_ms by tenantId | sort requests desc | limit 50`);
    expect(widgets[13].properties.query).toBe("SOURCE '/aws/apigateway/initech-prod-orders/v1' | fields tenantId, status | filter ispresent(tenantId) | stats count(*) as requests by tenantId, status | sort requests desc | limit 50");
  });

  test("the stage's access log carries the tenant id from the authorizer context, the field the queries group by", () => {
    const stage = plan.ofType("aws_api_gateway_stage")[0]!.values;
    expect(JSON.parse(stage.access_log_settings[0].format).tenantId).toBe("$context.authorizer.tenantId");
  });
});

describe("initech-prod: the full alarm set", () => {
  test("5xx, 4xx, 429s and latency on the stage; errors, throttles and duration per function; throttles per table; thresholds from the config", () => {
    const alarms = Object.fromEntries(plan.ofType("aws_cloudwatch_metric_alarm").map((a) => [a.name.replace(/^app__alarm__/, ""), a.values]));
    const functions = ["authorizer", "catalog", "health", "orders"];
    expect(Object.keys(alarms).sort()).toEqual(
      [
        "orders__v1__5xx_rate",
        "orders__v1__4xx_rate",
        "orders__v1__latency_p99",
        "orders__v1__throttled",
        ...functions.flatMap((fn) => [`${fn}__errors`, `${fn}__throttles`, `${fn}__duration`]),
        "data__throttled",
        "sessions__throttled",
        "rate_limits__throttled",
      ].sort(),
    );
    expect(alarms.orders__v1__4xx_rate!.threshold).toBe(15);
    expect(alarms.orders__v1__latency_p99!.threshold).toBe(1500);
    expect(alarms.orders__v1__5xx_rate!.threshold).toBe(5);
    expect(alarms.orders__v1__throttled).toMatchObject({ namespace: "ApiGatewayPlatform", metric_name: "initech-prod-orders-v1-throttled", threshold: 10 });
    expect(alarms.orders__duration).toMatchObject({ metric_name: "Duration", extended_statistic: "p99", threshold: 7500 });
    expect(alarms.data__throttled).toMatchObject({ namespace: "AWS/DynamoDB", metric_name: "ThrottledRequests", threshold: 0, dimensions: { TableName: "initech-prod-data" } });
    for (const alarm of Object.values(alarms)) expect(alarm.alarm_actions).toEqual(["arn:aws:sns:us-east-2:333333333333:initech-oncall"]);
    const filter = plan.resource("aws_cloudwatch_log_metric_filter.app__throttled__v1").values;
    expect(filter).toMatchObject({ log_group_name: "/aws/apigateway/initech-prod-orders/v1", pattern: '{ $.status = "429" }' });
  });
});
