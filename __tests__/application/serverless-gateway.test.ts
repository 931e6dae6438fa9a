import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { HandlerArtifact } from "../../bin/build-handlers.mjs";
import { serverlessGateway } from "../../stacks/presets/serverless-gateway.js";
import { builtHandlers, problemLines, REPO_ROOT, runApp, synthConfig } from "../support/synth.js";
import { validateAndPlan, type PlanResult } from "../support/terraform.js";

const SERVERLESS_GATEWAY_OUTPUTS = ["api_access_log_group_name", "api_gateway_url", "deployment_summary", "lambda_function_name", "rate_limits_table_name", "sessions_table_name"];
const PARAMETER = "arn:aws:ssm:us-east-1:444444444444:parameter/northwind/prod/token-signing-secret";
const SENTINEL = "sentinel-signing-secret-5b0f1c9e-never-in-output";

function allBytesUnder(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else parts.push(readFileSync(join(d, entry.name)));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

describe("the shipped serverless gateway deployment (config/northwind/prod.ts)", () => {
  let dir: string;
  let stack: any;
  let plan: PlanResult;
  beforeAll(() => {
    const outdir = join(mkdtempSync(join(tmpdir(), "apigw-serverless-gateway-")), "out");
    // A pipeline may hold the secret in its environment; nothing of it may reach the output.
    const run = runApp(join(REPO_ROOT, "config", "northwind", "prod.ts"), outdir, { TOKEN_SIGNING_SECRET: SENTINEL });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    dir = join(outdir, "stacks", "northwind-prod");
    stack = JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8"));
    plan = validateAndPlan(dir);
  });

  test("every output of the serverless gateway deployment, with the values config decides", () => {
    for (const name of SERVERLESS_GATEWAY_OUTPUTS) expect(Object.keys(plan.outputChanges)).toContain(name);
    expect(plan.outputChanges.api_gateway_url!.after).toBe("https://api.northwind.example/");
    expect(plan.outputChanges.lambda_function_name!.after).toBe("northwind-prod-health");
    expect(plan.outputChanges.sessions_table_name!.after).toBe("northwind-prod-sessions");
    expect(plan.outputChanges.rate_limits_table_name!.after).toBe("northwind-prod-rate-limits");
    expect(plan.outputChanges.api_access_log_group_name!.after).toBe("/aws/apigateway/northwind-prod-gateway/default");
    expect(plan.outputChanges.deployment_summary!.after).toMatchObject({
      environment: "prod",
      region: "us-east-1",
      api: { type: "HTTP", key: "gateway", url: "https://api.northwind.example/" },
      alarms: { enabled: true },
      secrets: ["TOKEN_SIGNING_SECRET"],
    });
  });

  test("HTTP API with CORS, throttling and access logs; health public, catalog and orders behind the authorizer", () => {
    expect(plan.resource("aws_apigatewayv2_api.apigw__gateway").values.cors_configuration).toEqual([
      expect.objectContaining({ allow_origins: ["https://app.northwind.example"], allow_methods: ["GET", "OPTIONS", "POST"] }),
    ]);
    const stage = plan.resource("aws_apigatewayv2_stage.apigw__gateway__default").values;
    expect(stage).toMatchObject({ name: "$default", auto_deploy: true, default_route_settings: [expect.objectContaining({ throttling_rate_limit: 100, throttling_burst_limit: 200 })] });
    expect(stage.access_log_settings).toHaveLength(1);
    expect(plan.resource("aws_cloudwatch_log_group.apigw__gateway__default").values.retention_in_days).toBe(30);
    const routes = Object.fromEntries(plan.ofType("aws_apigatewayv2_route").map((r) => [r.values.route_key, r.values.authorization_type]));
    expect(routes).toEqual({ "GET /health": "NONE", "GET /catalog": "CUSTOM", "GET /catalog/{productId}": "CUSTOM", "POST /orders": "CUSTOM", "GET /orders/{orderId}": "CUSTOM" });
  });

  test("sessions and rate_limits tables with TTL, on demand, with point-in-time recovery on", () => {
    for (const name of ["app__sessions", "app__rate_limits"]) {
      expect(plan.resource(`aws_dynamodb_table.${name}`).values).toMatchObject({
        billing_mode: "PAY_PER_REQUEST",
        ttl: [{ attribute_name: "expiresAt", enabled: true }],
        point_in_time_recovery: [{ enabled: true }],
      });
    }
  });

  test("Lambda settings, extra environment, alarms on", () => {
    const orders = plan.resource("aws_lambda_function.app__orders").values;
    expect(orders).toMatchObject({ memory_size: 512, timeout: 30, reserved_concurrent_executions: 100 });
    expect(stack.resource.aws_lambda_function.app__orders.environment.variables).toMatchObject({
      UPSTREAM_USER_SERVICE_URL: "https://users-api.northwind.example",
      UPSTREAM_PRODUCT_SERVICE_URL: "https://products-api.northwind.example",
    });
    expect(plan.ofType("aws_cloudwatch_metric_alarm").length).toBeGreaterThan(0);
    expect(plan.resource("aws_sns_topic_subscription.app__alarms__email_0").values.endpoint).toBe("oncall@northwind.example");
  });

  test("the signing secret: named by ARN, granted for exactly that ARN, its value nowhere in the output", () => {
    for (const fn of ["catalog", "orders"]) {
      expect(stack.resource.aws_lambda_function[`app__${fn}`].environment.variables.APP_SECRET_ARNS).toBe(`TOKEN_SIGNING_SECRET=${PARAMETER}`);
      const policy = JSON.parse(stack.resource.aws_iam_role_policy[`app__${fn}`].policy);
      expect(policy.Statement.filter((s: any) => s.Action.includes("ssm:GetParameter"))).toEqual([{ Sid: "ReadSecretParameters", Effect: "Allow", Action: ["ssm:GetParameter"], Resource: [PARAMETER] }]);
    }
    for (const fn of ["authorizer", "health"]) {
      expect(stack.resource.aws_lambda_function[`app__${fn}`].environment.variables.APP_SECRET_ARNS).toBeUndefined();
      expect(stack.resource.aws_iam_role_policy[`app__${fn}`].policy).not.toContain("ssm:");
    }
    expect(allBytesUnder(dir).includes(SENTINEL)).toBe(false);
    expect(JSON.stringify(plan.raw).includes(SENTINEL)).toBe(false);
  });

  test("the custom domain: certificate, its DNS validation, and alias records, from config alone", () => {
    expect(plan.ofType("aws_acm_certificate").map((c) => c.values.domain_name)).toEqual(["api.northwind.example"]);
    expect(plan.ofType("aws_acm_certificate_validation")).toHaveLength(1);
    const records = plan.ofType("aws_route53_record");
    expect(records.every((r) => r.values.zone_id === "Z0NORTHWIND0EXAMPLE1")).toBe(true);
    expect(records.filter((r) => r.values.alias?.length).map((r) => r.values.type)).toEqual(["A"]);
    // The created certificate's ARN is known only after apply; the domain output carries it then.
    expect(plan.outputChanges.http_api_custom_domains!.after_unknown.gateway.certificate_arn).toBe(true);
    expect(stack.output.http_api_custom_domains.value.gateway.certificate_arn).toBe("${aws_apigatewayv2_domain_name.apigw__gateway.domain_name_configuration[0].certificate_arn}");
  });
});

describe("the serverlessGateway preset", () => {
  let artifacts: Record<string, HandlerArtifact>;
  beforeAll(async () => {
    artifacts = await builtHandlers();
  });

  test("the serverless gateway deployment's defaults: us-east-1, 512 MB, 30 s, 7-day logs, no PITR, no alarms, CORS *, no domain", () => {
    const config = serverlessGateway({ tenant: "demo", jwt_issuer: "https://issuer.example.com", jwt_audiences: ["demo-client"] });
    expect(problemLines(config)).toEqual([]);
    const { stack, dir } = synthConfig(config, "t", artifacts);
    expect(stack.provider.aws[0].region).toBe("us-east-1");
    const plan = validateAndPlan(dir);
    expect(plan.resource("aws_lambda_function.app__catalog").values).toMatchObject({ function_name: "demo-dev-catalog", memory_size: 512, timeout: 30 });
    expect(plan.resource("aws_cloudwatch_log_group.app__catalog").values.retention_in_days).toBe(7);
    expect(plan.resource("aws_dynamodb_table.app__sessions").values.point_in_time_recovery).toEqual([{ enabled: false }]);
    expect(plan.ofType("aws_cloudwatch_metric_alarm")).toHaveLength(0);
    expect(plan.resource("aws_apigatewayv2_api.apigw__gateway").values.cors_configuration[0].allow_origins).toEqual(["*"]);
    expect(plan.ofType("aws_apigatewayv2_domain_name")).toHaveLength(0);
    expect(plan.outputChanges.api_gateway_url!.after_unknown).toBe(true);
  });

  test("a secret passed as an environment variable is refused at its path", () => {
    const config = serverlessGateway({ tenant: "demo", jwt_issuer: "https://issuer.example.com", jwt_audiences: ["c"], additional_lambda_env_vars: { TOKEN_SIGNING_SECRET: SENTINEL } });
    expect(problemLines(config)).toEqual([
      "application.lambda.environment_variables.TOKEN_SIGNING_SECRET: looks like a secret: its value would be written into the Terraform JSON and state; store it in SSM Parameter Store (SecureString) or Secrets Manager and name its ARN under application.secrets.TOKEN_SIGNING_SECRET",
    ]);
  });

  test("create_acm_certificate without a zone is an error at the domain", () => {
    const config = serverlessGateway({ tenant: "demo", jwt_issuer: "https://issuer.example.com", jwt_audiences: ["c"], custom_domain_name: "api.demo.example", create_acm_certificate: true });
    expect(problemLines(config).join("\n")).toMatch(/^http_api_custom_domains\.gateway\.route53_zone_id: /m);
  });
});
