import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue/index.js";
import { App, TerraformStack } from "cdktf";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ApiGatewayModule, ConfigValidationError, type ApiGatewayModuleConfig } from "../../index.js";
import { validateAndPlan } from "../support/terraform.js";

describe("ApiGatewayModule in a user's own stack", () => {
  test("sits beside the user's resources, takes their tokens, validates the same way, and plans", () => {
    const outdir = mkdtempSync(join(tmpdir(), "apigw-lib-"));
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, "mine");
    new AwsProvider(stack, "aws", { region: "eu-central-1" });
    const queue = new SqsQueue(stack, "jobs", { name: "jobs" });
    const fn = new LambdaFunction(stack, "handler", { functionName: "handler", role: "arn:aws:iam::123456789012:role/handler", runtime: "nodejs22.x", handler: "index.handler", s3Bucket: "artifacts", s3Key: "handler.zip" });
    const config: ApiGatewayModuleConfig = {
      name_prefix: "mine",
      http_apis: {
        api: {
          stages: { live: {} },
          integrations: { fn: { integration_type: "AWS_PROXY", integration_uri: fn.invokeArn } },
          routes: { any: { route_key: "ANY /{proxy+}", target: "integrations/fn" } },
          tags: { Queue: queue.name },
        },
      },
    };
    const module = new ApiGatewayModule(stack, "gateway", config);
    app.synth();

    const plan = validateAndPlan(join(outdir, "stacks", "mine"));
    expect(plan.resource("aws_sqs_queue.jobs").values.name).toBe("jobs");
    expect(plan.resource("aws_apigatewayv2_api.gateway__api").values.name).toBe("mine-api");
    expect(plan.unknown("aws_apigatewayv2_integration.gateway__api__fn").integration_uri).toBe(true);
    // A token is the user's own wiring: no permission is guessed for it.
    expect(plan.ofType("aws_lambda_permission")).toEqual([]);
    expect(Object.keys(plan.outputChanges)).toContain("http_api_stage_invoke_urls");
    expect(module.httpApis.get("api")?.stages.get("live")).toBeDefined();
  });

  test("throws one ConfigValidationError listing every problem", () => {
    const stack = new TerraformStack(new App({ outdir: mkdtempSync(join(tmpdir(), "apigw-lib-")) }), "bad");
    const bad = { name_prefix: "x", http_apis: { a: { routes: { r: { route_key: "GET /", target: "integrations/none" } }, waf_acl_arn: "arn" } } };
    let error: unknown;
    try {
      new ApiGatewayModule(stack, "gateway", bad as ApiGatewayModuleConfig);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).problems.map((p) => p.path)).toEqual(["http_apis.a.waf_acl_arn", "http_apis.a.routes.r.target"]);
  });

  test("two modules in one stack keep apart through their ids and output prefixes", () => {
    const outdir = mkdtempSync(join(tmpdir(), "apigw-lib-"));
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, "two");
    new ApiGatewayModule(stack, "public", { name_prefix: "pub", http_apis: { api: { stages: { v1: {} } } } }, { outputPrefix: "public_" });
    new ApiGatewayModule(stack, "internal", { name_prefix: "int", http_apis: { api: { stages: { v1: {} } } } }, { outputPrefix: "internal_" });
    app.synth();
    const plan = validateAndPlan(join(outdir, "stacks", "two"));
    expect(plan.ofType("aws_apigatewayv2_api").map((r) => r.address).sort()).toEqual(["aws_apigatewayv2_api.internal__api", "aws_apigatewayv2_api.public__api"]);
    expect(Object.keys(plan.outputChanges)).toEqual(expect.arrayContaining(["public_http_apis", "internal_http_apis"]));
  });
});
