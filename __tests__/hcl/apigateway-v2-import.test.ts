import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { routeEntryKey } from "../../cli/import/apigateway-v2.js";
import { cli, readJson, tempDir, writeFile } from "../support/import.js";
import { REPO_ROOT, synthConfig } from "../support/synth.js";
import { validateAndPlan, type PlanResult } from "../support/terraform.js";

const FIXTURE = join(REPO_ROOT, "__tests__", "fixtures", "apigateway-v2.tf");

describe("import of a terraform-aws-modules/apigateway-v2 block", () => {
  let config: any;
  let stdout: string;
  let plan: PlanResult;
  beforeAll(async () => {
    const out = tempDir();
    const run = await cli(["import", FIXTURE, "--out", out, "--format", "json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    stdout = run.stdout;
    expect(readdirSync(out)).toEqual(["orders_http.tfvars.json"]);
    config = readJson(join(out, "orders_http.tfvars.json"));
    plan = validateAndPlan(synthConfig(config, "orders").dir);
  });

  test("names: the API keeps its name (name_prefix + key), routes become named entries", () => {
    expect(config.name_prefix).toBe("orders");
    expect(Object.keys(config.http_apis)).toEqual(["http"]);
    expect(Object.keys(config.http_apis.http.routes).sort()).toEqual(["default", "get_orders", "post_orders_id_cancel"]);
    expect(plan.resource("aws_apigatewayv2_api.apigw__http").values).toMatchObject({
      name: "orders-http",
      description: "Orders HTTP API",
      protocol_type: "HTTP",
      disable_execute_api_endpoint: true,
      tags: { Team: "orders" },
      cors_configuration: [{ allow_headers: ["authorization", "content-type"], allow_methods: ["GET", "POST"], allow_origins: ["https://shop.example.com"], max_age: 300 }],
    });
  });

  test("says what it changed and why, and skips the block of another module", () => {
    expect(stdout).toContain('note: name_prefix: name "orders-http" became name_prefix "orders" and the http_apis key "http"');
    expect(stdout).toContain("note: http_apis.http.jwt_authorizers.cognito: authorizers.cognito (authorizer_type JWT) became a named entry of jwt_authorizers");
    expect(stdout).toContain('note: http_apis.http.routes.get_orders.authorizer_id: authorizer_key "cognito" became authorizer_id');
    expect(stdout).toMatch(/skipped .*module "orders_table" \(source "terraform-aws-modules\/dynamodb-table\/aws"\)/);
    expect(stdout.trim().split("\n").at(-1)).toMatch(/^imported 1 module block into 1 config \(1 stack, \d+ resources\) in [\d.]+ s$/);
  });

  test("the JWT authorizer, and routes that use it with their scopes", () => {
    const authorizer = plan.resource("aws_apigatewayv2_authorizer.apigw__http__cognito").values;
    expect(authorizer).toMatchObject({
      name: "cognito",
      authorizer_type: "JWT",
      identity_sources: ["$request.header.Authorization"],
      jwt_configuration: [{ audience: ["orders-client"], issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123" }],
    });
    const routes = plan.ofType("aws_apigatewayv2_route").map((r) => r.values);
    expect(routes.map((r) => r.route_key).sort()).toEqual(["$default", "GET /orders", "POST /orders/{id}/cancel"]);
    const get = routes.find((r) => r.route_key === "GET /orders")!;
    expect(get).toMatchObject({ authorization_type: "JWT", authorization_scopes: ["orders/read"] });
    expect(routes.find((r) => r.route_key === "$default")!.authorization_type).toBe("NONE");
  });

  test("one integration per route, as the community module makes them; primitives converted as Terraform does", () => {
    const integrations = plan.ofType("aws_apigatewayv2_integration").map((r) => r.values);
    expect(integrations).toHaveLength(3);
    const http = integrations.find((i) => i.integration_type === "HTTP_PROXY")!;
    expect(http).toMatchObject({ integration_method: "ANY", integration_uri: "https://legacy.example.com" });
    const lambdas = integrations.filter((i) => i.integration_type === "AWS_PROXY");
    // "12000" in the HCL is a number for a number-typed input, as Terraform converts it.
    expect(config.http_apis.http.integrations.get_orders.timeout_milliseconds).toBe(12000);
    expect(lambdas.map((i) => i.timeout_milliseconds)).toContain(12000);
    for (const lambda of lambdas) expect(lambda.payload_format_version).toBe("2.0");
  });

  test("the stage: its name, auto-deploy, default and per-route settings (coalesced as the community module does), access logs", () => {
    const stage = plan.resource("aws_apigatewayv2_stage.apigw__http__live").values;
    expect(stage).toMatchObject({ name: "live", auto_deploy: true, stage_variables: { environment: "prod" } });
    expect(stage.default_route_settings).toMatchObject([{ detailed_metrics_enabled: true, throttling_burst_limit: 100, throttling_rate_limit: 100 }]);
    const byKey = Object.fromEntries(stage.route_settings.map((s: any) => [s.route_key, s]));
    expect(Object.keys(byKey).sort()).toEqual(["$default", "GET /orders", "POST /orders/{id}/cancel"]);
    expect(byKey["GET /orders"]).toMatchObject({ detailed_metrics_enabled: true, throttling_burst_limit: 100, throttling_rate_limit: 80 });
    expect(byKey["$default"]).toMatchObject({ detailed_metrics_enabled: true, throttling_burst_limit: 100, throttling_rate_limit: 100 });
    expect(JSON.parse(stage.access_log_settings[0].format)).toEqual({ requestId: "$context.requestId", routeKey: "$context.routeKey", status: "$context.status" });
    const group = plan.ofType("aws_cloudwatch_log_group").find((g) => g.values.name === "/aws/apigateway/orders-http/live");
    expect(group?.values.retention_in_days).toBe(7);
  });

  test("the custom domain with its certificate, mapped to the stage", () => {
    const domain = plan.ofType("aws_apigatewayv2_domain_name")[0]!.values;
    expect(domain.domain_name).toBe("api.example.com");
    expect(domain.domain_name_configuration).toMatchObject([
      { certificate_arn: "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012", endpoint_type: "REGIONAL", security_policy: "TLS_1_2" },
    ]);
    expect(plan.ofType("aws_apigatewayv2_api_mapping")).toHaveLength(1);
    expect(plan.ofType("aws_acm_certificate")).toEqual([]);
  });
});

describe("import: what cannot be translated", () => {
  const block = (extra: string) => `module "api" {
  source = "terraform-aws-modules/apigateway-v2/aws"
  name   = "shop-api"
  routes = {
    "GET /items" = {
      integration = {
        uri = module.items_lambda.lambda_function_arn
      }
    }
  }
  ${extra}
}
`;

  test("references are listed at their path; exit 1; nothing written", async () => {
    const dir = tempDir();
    const tf = writeFile(dir, "main.tf", block(`domain_name = "shop.example.com"\n  hosted_zone_name = var.zone`));
    const out = join(dir, "out");
    const run = await cli(["import", tf, "--out", out]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toContain("routes.GET /items.integration.uri: ${module.items_lambda.lambda_function_arn} cannot be translated: it refers to module.items_lambda.lambda_function_arn, which only Terraform knows; write the value itself in the config (a string, number, bool, list or map)");
    expect(lines).toContain("hosted_zone_name: ${var.zone} cannot be translated: it refers to var.zone, which only Terraform knows; write the value itself in the config (a string, number, bool, list or map)");
    expect(lines.at(-1)).toBe("nothing written: pass --allow-partial to write the configs without these values");
    expect(existsSync(out)).toBe(false);
  });

  test("--allow-partial writes the config without them and lists them in it", async () => {
    const dir = tempDir();
    const tf = writeFile(dir, "main.tf", block(""));
    const run = await cli(["import", tf, "--out", dir, "--allow-partial"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("routes.GET /items.integration.uri: warning: left out: ${module.items_lambda.lambda_function_arn} cannot be translated");
    const text = readFileSync(join(dir, "api.ts"), "utf8");
    expect(text).toContain("// left out: routes.GET /items.integration.uri:");
    expect(text).toContain('import type { ApiGatewayModuleConfig } from "cdktf-apigateway";');
    expect(run.stdout.trim().split("\n").at(-1)).toMatch(/^imported 1 module block into 1 config \(/);
  });

  test("an input the import does not know is listed, never dropped; a domain whose records need a zone lookup names that input", async () => {
    const dir = tempDir();
    const tf = writeFile(dir, "main.tf", `module "api" {\n  source = "terraform-aws-modules/apigateway-v2/aws"\n  name = "shop-api"\n  default_stage_access_log_format = "$context.requestId"\n  domain_name = "shop.example.com"\n  domain_name_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/abc"\n}\n`);
    const run = await cli(["import", tf, "--out", join(dir, "out")]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n").slice(0, 2)).toEqual([
      "default_stage_access_log_format: is not an input of terraform-aws-modules/apigateway-v2 (version 5 or later) that the import knows; translate it by hand, or leave it out",
      "create_domain_records: the community module finds the Route53 zone by name at plan time (an AWS call); here the zone is given by id (route53_zone_id), so that plans need no AWS access; add route53_zone_id (Z...) to the imported config, or give domain_name_certificate_arn and set create_domain_records = false",
    ]);
  });

  test("route keys become entry names", () => {
    expect(["GET /items/{id}", "ANY /{proxy+}", "ANY /", "$default", "POST /a-b/c.d"].map(routeEntryKey)).toEqual(["get_items_id", "any_proxy", "any_root", "default", "post_a_b_c_d"]);
  });
});
