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

  test("acme-dev and globex-prod plan", () => {
    expect(validateAndPlan(join(outdir, "stacks", "acme-dev")).ofType("aws_apigatewayv2_stage").map((s) => s.values.name)).toEqual(["dev"]);
    const globex = validateAndPlan(join(outdir, "stacks", "globex-prod"));
    expect(globex.ofType("aws_apigatewayv2_vpc_link").map((l) => l.values.name)).toEqual(["globex-prod-services"]);
  });
});
