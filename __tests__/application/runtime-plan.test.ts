import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { HandlerArtifact } from "../../bin/build-handlers.mjs";
import { builtHandlers, synthConfig } from "../support/synth.js";
import { MODULE_OUTPUTS } from "../support/module-outputs.js";
import { validateAndPlan, type PlanResult } from "../support/terraform.js";
import { httpEnvironment, restEnvironment } from "./fixtures.js";

const FUNCTIONS = ["authorizer", "catalog", "health", "orders"];
const APPLICATION_OUTPUTS = ["api_access_log_group_name", "api_gateway_url", "deployment_summary", "lambda_function_name", "lambda_function_names", "rate_limits_table_name", "sessions_table_name"];
const policyOf = (stack: any, fn: string) => JSON.parse(stack.resource.aws_iam_role_policy[`app__${fn}`].policy);
const actionsOn = (policy: any, resource: string) =>
  policy.Statement.filter((s: any) => s.Resource.includes(resource))
    .flatMap((s: any) => s.Action)
    .sort();

let artifacts: Record<string, HandlerArtifact>;
beforeAll(async () => {
  artifacts = await builtHandlers();
});

describe("runtime on an HTTP API", () => {
  let stack: any;
  let dir: string;
  let plan: PlanResult;
  beforeAll(() => {
    ({ stack, dir } = synthConfig(httpEnvironment({ lambda: { memory_size: 512, timeout: 15, reserved_concurrent_executions: 50, environment_variables: { UPSTREAM_URL: "https://upstream.example.com" } } }), "t", artifacts));
    plan = validateAndPlan(dir);
  });

  test("plans one function per handler plus the authorizer: nodejs22.x on arm64, X-Ray, the built zip", () => {
    for (const fn of FUNCTIONS) {
      const values = plan.resource(`aws_lambda_function.app__${fn}`).values;
      expect(values).toMatchObject({
        function_name: `acme-dev-${fn}`,
        runtime: "nodejs22.x",
        architectures: ["arm64"],
        handler: "index.handler",
        tracing_config: [{ mode: "Active" }],
        source_code_hash: artifacts[fn]!.sha256Base64,
      });
      // The zip travels inside the stack folder, and its bytes are the ones source_code_hash names.
      const zip = readFileSync(join(dir, values.filename));
      expect(createHash("sha256").update(zip).digest("base64")).toBe(artifacts[fn]!.sha256Base64);
      expect(plan.resource(`aws_cloudwatch_log_group.app__${fn}`).values).toMatchObject({ name: `/aws/lambda/acme-dev-${fn}`, retention_in_days: 14 });
    }
    expect(plan.resource("aws_lambda_function.app__orders").values).toMatchObject({ memory_size: 512, timeout: 15, reserved_concurrent_executions: 50 });
    // Capping the authorizer would fail every route under load.
    expect(plan.resource("aws_lambda_function.app__authorizer").values.reserved_concurrent_executions).toBe(-1);
  });

  test("each function gets exactly the environment its handler reads", () => {
    const env = (fn: string) => stack.resource.aws_lambda_function[`app__${fn}`].environment.variables;
    expect(env("authorizer")).toEqual({
      JWT_AUDIENCE: "client-a,client-b",
      JWT_ISSUER: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
      LOG_LEVEL: "info",
    });
    expect(env("orders")).toEqual({
      LOG_LEVEL: "info",
      RATE_LIMIT_DEFAULT_TIER: "basic",
      RATE_LIMIT_ENABLED: "true",
      RATE_LIMIT_TABLE_NAME: "${aws_dynamodb_table.app__rate_limits.name}",
      SESSIONS_TABLE_NAME: "${aws_dynamodb_table.app__sessions.name}",
      TABLE_NAME: "${aws_dynamodb_table.app__data.name}",
      UPSTREAM_URL: "https://upstream.example.com",
    });
    expect(env("health")).toEqual({ ENVIRONMENT: "dev", LOG_LEVEL: "info", UPSTREAM_URL: "https://upstream.example.com" });
  });

  test("roles are least privilege: exact actions on exact table ARNs, nothing for the authorizer and health", () => {
    const data = "${aws_dynamodb_table.app__data.arn}";
    const sessions = "${aws_dynamodb_table.app__sessions.arn}";
    const limits = "${aws_dynamodb_table.app__rate_limits.arn}";
    const index = `${data}/index/GSI1`;
    const catalog = policyOf(stack, "catalog");
    expect(actionsOn(catalog, data)).toEqual(["dynamodb:GetItem", "dynamodb:Query"]);
    expect(actionsOn(catalog, index)).toEqual(["dynamodb:Query"]);
    expect(actionsOn(catalog, limits)).toEqual(["dynamodb:UpdateItem"]);
    expect(actionsOn(catalog, sessions)).toEqual([]);
    const orders = policyOf(stack, "orders");
    expect(actionsOn(orders, data)).toEqual(["dynamodb:GetItem", "dynamodb:PutItem"]);
    expect(actionsOn(orders, sessions)).toEqual(["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]);
    expect(actionsOn(orders, limits)).toEqual(["dynamodb:UpdateItem"]);
    for (const fn of FUNCTIONS) {
      const policy = policyOf(stack, fn);
      expect(policy.Statement.flatMap((s: any) => s.Action).some((a: string) => a.includes("*"))).toBe(false);
      expect(actionsOn(policy, `\${aws_cloudwatch_log_group.app__${fn}.arn}:*`)).toEqual(["logs:CreateLogStream", "logs:PutLogEvents"]);
      if (fn === "authorizer" || fn === "health") expect(policy.Statement.some((s: any) => s.Action.some((a: string) => a.startsWith("dynamodb:")))).toBe(false);
      expect(JSON.parse(plan.resource(`aws_iam_role.app__${fn}`).values.assume_role_policy).Statement[0].Principal).toEqual({ Service: "lambda.amazonaws.com" });
    }
  });

  test("three on-demand tables with point-in-time recovery, encryption, deletion protection and TTL where used", () => {
    const tables = Object.fromEntries(plan.ofType("aws_dynamodb_table").map((t) => [t.name, t.values]));
    expect(Object.keys(tables).sort()).toEqual(["app__data", "app__rate_limits", "app__sessions"]);
    for (const table of Object.values(tables)) {
      expect(table).toMatchObject({ billing_mode: "PAY_PER_REQUEST", hash_key: "PK", range_key: "SK", point_in_time_recovery: [{ enabled: true }], server_side_encryption: [{ enabled: true }], deletion_protection_enabled: true });
    }
    expect(tables.app__data!.name).toBe("acme-dev-data");
    expect(tables.app__data!.global_secondary_index).toEqual([expect.objectContaining({ name: "GSI1", hash_key: "GSI1PK", range_key: "GSI1SK", projection_type: "KEYS_ONLY" })]);
    expect(tables.app__sessions!.ttl).toEqual([{ attribute_name: "expiresAt", enabled: true }]);
    expect(tables.app__rate_limits!.ttl).toEqual([{ attribute_name: "expiresAt", enabled: true }]);
  });

  test("the routes of the catalog/orders API contract and the serverless gateway deployment sit behind the authorizer, health without it", () => {
    const routes = Object.fromEntries(plan.ofType("aws_apigatewayv2_route").map((r) => [r.values.route_key, r.values]));
    expect(Object.keys(routes).sort()).toEqual(["GET /catalog", "GET /catalog/{productId}", "GET /health", "GET /orders/{orderId}", "POST /orders"]);
    expect(routes["GET /health"]).toMatchObject({ authorization_type: "NONE" });
    for (const key of ["GET /catalog", "GET /catalog/{productId}", "GET /orders/{orderId}", "POST /orders"]) expect(routes[key]).toMatchObject({ authorization_type: "CUSTOM" });
    const synthRoutes = stack.resource.aws_apigatewayv2_route;
    expect(synthRoutes.apigw__public__app_post_orders.authorizer_id).toBe("${aws_apigatewayv2_authorizer.apigw__public__app_jwt.id}");
    expect(synthRoutes.apigw__public__app_post_orders.target).toBe("integrations/${aws_apigatewayv2_integration.apigw__public__app_orders.id}");
    expect(stack.resource.aws_apigatewayv2_integration.apigw__public__app_orders).toMatchObject({
      integration_type: "AWS_PROXY",
      integration_uri: "${aws_lambda_function.app__orders.invoke_arn}",
      payload_format_version: "2.0",
    });
    expect(plan.resource("aws_apigatewayv2_authorizer.apigw__public__app_jwt").values).toMatchObject({
      authorizer_type: "REQUEST",
      authorizer_payload_format_version: "2.0",
      enable_simple_responses: true,
      identity_sources: ["$request.header.Authorization"],
      authorizer_result_ttl_in_seconds: 300,
      name: "acme-dev-jwt",
    });
  });

  test("one invoke permission per function, scoped to the API's execution ARN", () => {
    for (const fn of FUNCTIONS) {
      const permission = stack.resource.aws_lambda_permission[`app__${fn}__invoke`];
      expect(permission).toMatchObject({
        action: "lambda:InvokeFunction",
        principal: "apigateway.amazonaws.com",
        function_name: `\${aws_lambda_function.app__${fn}.function_name}`,
        source_arn: "${aws_apigatewayv2_api.apigw__public.execution_arn}/*",
      });
    }
    expect(plan.ofType("aws_lambda_permission")).toHaveLength(FUNCTIONS.length);
  });

  test("alarms: 5xx and 4xx rates, 429s and p99 latency per stage, errors, throttles and duration per function, table throttles, to the created topic", () => {
    const alarms = Object.fromEntries(plan.ofType("aws_cloudwatch_metric_alarm").map((a) => [a.name, a.values]));
    expect(Object.keys(alarms).sort()).toEqual(
      [
        "app__alarm__public__live__5xx_rate",
        "app__alarm__public__live__latency_p99",
        "app__alarm__public__live__4xx_rate",
        "app__alarm__public__live__throttled",
        ...FUNCTIONS.flatMap((fn) => [`app__alarm__${fn}__errors`, `app__alarm__${fn}__throttles`, `app__alarm__${fn}__duration`]),
        ...["data", "sessions", "rate_limits"].map((table) => `app__alarm__${table}__throttled`),
      ].sort(),
    );
    const rate = alarms.app__alarm__public__live__5xx_rate!;
    expect(rate.threshold).toBe(5);
    expect(rate.metric_query.map((q: any) => q.expression || q.metric[0].metric_name)).toEqual(["5xx", "Count", "IF(requests > 0, 100 * errors / requests, 0)"]);
    expect(stack.resource.aws_cloudwatch_metric_alarm.app__alarm__public__live__5xx_rate.metric_query[0].metric.dimensions).toEqual({
      ApiId: "${aws_apigatewayv2_api.apigw__public.id}",
      Stage: "$default",
    });
    expect(alarms.app__alarm__public__live__latency_p99).toMatchObject({ metric_name: "Latency", extended_statistic: "p99", threshold: 2500 });
    expect(alarms.app__alarm__orders__throttles).toMatchObject({ namespace: "AWS/Lambda", metric_name: "Throttles", dimensions: { FunctionName: "acme-dev-orders" }, threshold: 0 });
    expect(stack.resource.aws_cloudwatch_metric_alarm.app__alarm__orders__errors.alarm_actions).toEqual(["${aws_sns_topic.app__alarms.arn}"]);
    expect(plan.resource("aws_sns_topic.app__alarms").values).toMatchObject({ name: "acme-dev-alarms", kms_master_key_id: "alias/aws/sns" });
  });

  test("outputs: the module's 17 and the serverless gateway deployment's, with known values where config decides them", () => {
    expect(Object.keys(plan.outputChanges).sort()).toEqual([...MODULE_OUTPUTS, ...APPLICATION_OUTPUTS].sort());
    expect(plan.outputChanges.lambda_function_name!.after).toBe("acme-dev-health");
    expect(plan.outputChanges.sessions_table_name!.after).toBe("acme-dev-sessions");
    expect(plan.outputChanges.rate_limits_table_name!.after).toBe("acme-dev-rate-limits");
    expect(plan.outputChanges.api_access_log_group_name!.after).toMatch(/^\/aws\/apigateway\/acme-dev-public/);
    expect(plan.outputChanges.api_gateway_url!.after_unknown).toBe(true);
    expect(plan.outputChanges.deployment_summary!.after).toMatchObject({
      environment: "dev",
      region: "eu-west-1",
      api: { type: "HTTP", key: "public" },
      functions: { authorizer: "acme-dev-authorizer", catalog: "acme-dev-catalog", health: "acme-dev-health", orders: "acme-dev-orders" },
      tables: { data: "acme-dev-data", sessions: "acme-dev-sessions", rate_limits: "acme-dev-rate-limits", point_in_time_recovery: true },
      alarms: { enabled: true },
      secrets: [],
    });
    expect(plan.resource("aws_dynamodb_table.app__data").values.tags).toEqual({ Team: "platform" });
  });
});

describe("runtime on a REST API", () => {
  let stack: any;
  let plan: PlanResult;
  beforeAll(() => {
    const synth = synthConfig(restEnvironment({ handlers: ["catalog", "orders"], alarms: { sns_topic_arn: "arn:aws:sns:eu-west-1:123456789012:ops" } }), "t", artifacts);
    stack = synth.stack;
    plan = validateAndPlan(synth.dir);
  });

  test("methods on the resource tree, behind a TOKEN authorizer on the bundled authorizer", () => {
    const methods = plan.ofType("aws_api_gateway_method").map((m) => `${m.values.http_method} ${m.name}`);
    expect(methods.sort()).toEqual(["GET apigw__shop__app_get_catalog", "GET apigw__shop__app_get_order", "GET apigw__shop__app_get_product", "POST apigw__shop__app_post_orders"]);
    for (const method of plan.ofType("aws_api_gateway_method")) expect(method.values.authorization).toBe("CUSTOM");
    expect(plan.resource("aws_api_gateway_authorizer.apigw__shop__app_jwt").values).toMatchObject({
      type: "TOKEN",
      identity_source: "method.request.header.Authorization",
      authorizer_result_ttl_in_seconds: 300,
    });
    expect(stack.resource.aws_api_gateway_authorizer.apigw__shop__app_jwt.authorizer_uri).toBe("${aws_lambda_function.app__authorizer.invoke_arn}");
    const integration = plan.resource("aws_api_gateway_integration.apigw__shop__app_post_orders").values;
    expect(integration).toMatchObject({ type: "AWS_PROXY", integration_http_method: "POST" });
    expect(stack.resource.aws_api_gateway_integration.apigw__shop__app_post_orders.uri).toBe("${aws_lambda_function.app__orders.invoke_arn}");
    expect(plan.ofType("aws_api_gateway_resource").map((r) => r.values.path_part).sort()).toEqual(["catalog", "orders", "{orderId}", "{productId}"]);
  });

  test("health is left out when not listed; permissions cover the REST execution ARN", () => {
    expect(plan.ofType("aws_lambda_function").map((f) => f.name).sort()).toEqual(["app__authorizer", "app__catalog", "app__orders"]);
    expect(stack.resource.aws_lambda_permission.app__authorizer__invoke.source_arn).toBe("${aws_api_gateway_rest_api.apigw__shop.execution_arn}/*");
  });

  test("the deployment trigger is a literal known at plan time, so plans show no spurious redeploy", () => {
    expect(plan.unknown("aws_api_gateway_deployment.apigw__shop").triggers ?? {}).toEqual({});
    const triggers = plan.resource("aws_api_gateway_deployment.apigw__shop").values.triggers;
    expect(Object.values(triggers).every((v) => typeof v === "string" && !String(v).includes("${"))).toBe(true);
  });

  test("alarms go to the given topic, none is created; REST metrics are keyed by API name", () => {
    expect(plan.ofType("aws_sns_topic")).toHaveLength(0);
    const rate = plan.resource("aws_cloudwatch_metric_alarm.app__alarm__shop__prod__5xx_rate").values;
    expect(rate.alarm_actions).toEqual(["arn:aws:sns:eu-west-1:123456789012:ops"]);
    expect(rate.metric_query[0].metric[0]).toMatchObject({ metric_name: "5XXError", dimensions: { ApiName: "acme-prod-shop", Stage: "prod" } });
  });
});

describe("runtime with health only", () => {
  test("no authorizer, no tables, no data permissions; table outputs are null", () => {
    const { stack, dir } = synthConfig(httpEnvironment({ handlers: ["health"], authorizer: undefined }), "t", artifacts);
    expect(Object.keys(stack.resource.aws_lambda_function)).toEqual(["app__health"]);
    expect(stack.resource.aws_dynamodb_table).toBeUndefined();
    expect(stack.resource.aws_apigatewayv2_authorizer).toBeUndefined();
    const plan = validateAndPlan(dir);
    expect(plan.outputChanges.sessions_table_name!.after).toBeNull();
    expect(plan.outputChanges.deployment_summary!.after.tables).toBeNull();
  });
});
