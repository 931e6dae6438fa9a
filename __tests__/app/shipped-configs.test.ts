import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { runApp } from "../support/synth.js";
import { validateAndPlan } from "../support/terraform.js";

describe("shipped tenant configs (config/)", () => {
  let outdir: string;
  beforeAll(() => {
    outdir = join(mkdtempSync(join(tmpdir(), "apigw-shipped-")), "out");
    expect(runApp(undefined, outdir).status).toBe(0);
  });

  test("acme-prod plans: storefront routes behind the JWT authorizer, custom domain, KMS-encrypted logs", () => {
    const plan = validateAndPlan(join(outdir, "stacks", "acme-prod"));
    expect(plan.ofType("aws_apigatewayv2_route").map((r) => [r.values.route_key, r.values.authorization_type]).sort()).toEqual([
      ["GET /catalog", "JWT"],
      ["GET /catalog/{productId}", "JWT"],
      ["GET /health", "NONE"],
      ["GET /orders/{orderId}", "JWT"],
      ["POST /orders", "JWT"],
    ]);
    expect(plan.resource("aws_apigatewayv2_route.apigw__storefront__create_order").values.authorization_scopes).toEqual(["orders/write"]);
    expect(plan.ofType("aws_lambda_permission").map((p) => p.values.function_name).sort()).toEqual([
      "arn:aws:lambda:eu-west-1:222222222222:function:acme-prod-catalog",
      "arn:aws:lambda:eu-west-1:222222222222:function:acme-prod-health",
      "arn:aws:lambda:eu-west-1:222222222222:function:acme-prod-orders",
    ]);
    expect(plan.resource("aws_cloudwatch_log_group.apigw__storefront__prod").values).toMatchObject({ retention_in_days: 90, kms_key_id: expect.stringContaining(":key/") });
    expect(plan.resource("aws_apigatewayv2_domain_name.apigw__shop").values.domain_name).toBe("api.shop.acme.example");
  });

  test("acme-dev plans the bundled handlers on its HTTP API, with throwaway tables and a subscribed alarm topic", () => {
    const plan = validateAndPlan(join(outdir, "stacks", "acme-dev"));
    expect(plan.ofType("aws_apigatewayv2_stage").map((s) => s.values.name)).toEqual(["dev"]);
    expect(plan.ofType("aws_apigatewayv2_route").map((r) => [r.values.route_key, r.values.authorization_type]).sort()).toEqual([
      ["GET /catalog", "CUSTOM"],
      ["GET /catalog/{productId}", "CUSTOM"],
      ["GET /health", "NONE"],
      ["GET /orders/{orderId}", "CUSTOM"],
      ["POST /orders", "CUSTOM"],
    ]);
    expect(plan.ofType("aws_lambda_function").map((f) => f.values.function_name).sort()).toEqual(["acme-dev-authorizer", "acme-dev-catalog", "acme-dev-health", "acme-dev-orders"]);
    expect(plan.resource("aws_lambda_function.app__orders").values).toMatchObject({ memory_size: 512 });
    expect(plan.resource("aws_dynamodb_table.app__data").values).toMatchObject({ deletion_protection_enabled: false, point_in_time_recovery: [{ enabled: false }] });
    expect(plan.resource("aws_sns_topic_subscription.app__alarms__email_0").values).toMatchObject({ protocol: "email", endpoint: "platform-oncall@acme.example" });
  });

  test("initech-prod plans the bundled handlers on its REST API, its tenants' tiers enforced by usage plans", () => {
    const plan = validateAndPlan(join(outdir, "stacks", "initech-prod"));
    expect(plan.ofType("aws_api_gateway_method").map((m) => [m.name, m.values.authorization, m.values.api_key_required]).sort()).toEqual([
      ["apigw__orders__app_get_catalog", "CUSTOM", true],
      ["apigw__orders__app_get_health", "NONE", false],
      ["apigw__orders__app_get_order", "CUSTOM", true],
      ["apigw__orders__app_get_product", "CUSTOM", true],
      ["apigw__orders__app_post_orders", "CUSTOM", true],
    ]);
    expect(plan.resource("aws_api_gateway_rest_api.apigw__orders").values.api_key_source).toBe("AUTHORIZER");
    const plans = plan.ofType("aws_api_gateway_usage_plan").map((p) => [p.values.name, p.values.throttle_settings, p.values.quota_settings[0].limit]);
    expect(plans.sort()).toEqual([
      ["initech-prod-tenant-chotchkies", [{ rate_limit: 50, burst_limit: 100 }], 250000],
      ["initech-prod-tier-basic", [{ rate_limit: 10, burst_limit: 20 }], 100000],
      ["initech-prod-tier-premium", [{ rate_limit: 1000, burst_limit: 2000 }], 10000000],
      ["initech-prod-tier-standard", [{ rate_limit: 100, burst_limit: 200 }], 1000000],
    ]);
    expect(plan.ofType("aws_api_gateway_api_key").map((k) => [k.values.name, k.values.enabled]).sort()).toEqual([
      ["initech-prod-tenant-acme", true],
      ["initech-prod-tenant-chotchkies", true],
      ["initech-prod-tenant-initech", true],
      ["initech-prod-tenant-intertrode", false],
    ]);
    expect(plan.ofType("aws_api_gateway_usage_plan_key").map((k) => k.address).sort()).toEqual([
      "aws_api_gateway_usage_plan_key.app__tenant_acme",
      "aws_api_gateway_usage_plan_key.app__tenant_chotchkies",
      "aws_api_gateway_usage_plan_key.app__tenant_initech",
      "aws_api_gateway_usage_plan_key.app__tenant_intertrode",
    ]);
    expect(plan.resource("aws_lambda_function.app__catalog").values).toMatchObject({ memory_size: 1024, reserved_concurrent_executions: 200 });
    expect(plan.ofType("aws_sns_topic")).toHaveLength(0);
  });

  test("globex-prod plans", () => {
    const globex = validateAndPlan(join(outdir, "stacks", "globex-prod"));
    expect(globex.ofType("aws_apigatewayv2_vpc_link").map((l) => l.values.name)).toEqual(["globex-prod-services"]);
  });
});
