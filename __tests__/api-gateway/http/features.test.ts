import { beforeAll, describe, expect, test } from "vitest";
import { synthConfig } from "../../support/synth.js";
import { validateAndPlan, type PlanResult } from "../../support/terraform.js";

const KMS = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const config = {
  name_prefix: "feat",
  log_retention_days: 90,
  log_kms_key_id: KMS,
  common_tags: { Team: "platform", Owner: "common" },
  http_apis: {
    orders: {
      disable_execute_api_endpoint: true,
      tags: { Owner: "orders" },
      stages: {
        $default: { stage_variables: { backend: "blue" } },
        manual: {
          auto_deploy: false,
          route_settings: { create: { throttling_rate_limit: 5, throttling_burst_limit: 10, detailed_metrics_enabled: true } },
          access_log_settings: { format: { id: "$context.requestId" } },
          tags: { Stage: "manual" },
        },
      },
      lambda_authorizers: { by_role: { authorizer_uri: "arn:aws:lambda:eu-west-1:123456789012:function:auth", authorizer_credentials_arn: "arn:aws:iam::123456789012:role/invoker" } },
      integrations: {
        live: { integration_type: "AWS_PROXY", integration_uri: "arn:aws:lambda:eu-west-1:123456789012:function:orders:live" },
        again: { integration_type: "AWS_PROXY", integration_uri: "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders:live/invocations" },
        queue: { integration_type: "AWS_PROXY", integration_subtype: "SQS-SendMessage", credentials_arn: "arn:aws:iam::123456789012:role/sqs", request_parameters: { QueueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/q", MessageBody: "$request.body" } },
      },
      routes: {
        create: { route_key: "POST /orders", target: "integrations/live", authorizer_id: "by_role" },
        replay: { route_key: "POST /replay", target: "integrations/again", authorization_type: "AWS_IAM" },
        enqueue: { route_key: "POST /queue", target: "integrations/queue" },
      },
    },
  },
};

describe("HTTP API features", () => {
  let plan: PlanResult;
  let stack: any;
  beforeAll(() => {
    const synth = synthConfig(config);
    stack = synth.stack;
    plan = validateAndPlan(synth.dir);
  });

  test("module-owned access-log groups get the retention and KMS key, per stage; $default gets a valid name", () => {
    expect(plan.ofType("aws_cloudwatch_log_group").map((g) => [g.values.name, g.values.retention_in_days, g.values.kms_key_id])).toEqual([
      ["/aws/apigateway/feat-orders/default", 90, KMS],
      ["/aws/apigateway/feat-orders/manual", 90, KMS],
    ]);
    expect(JSON.parse(plan.resource("aws_apigatewayv2_stage.apigw__orders__manual").values.access_log_settings[0].format)).toEqual({ id: "$context.requestId" });
    expect(JSON.parse(plan.resource("aws_apigatewayv2_stage.apigw__orders___default").values.access_log_settings[0].format).routeKey).toBe("$context.routeKey");
  });

  test("tags merge common < API < stage", () => {
    expect(plan.resource("aws_apigatewayv2_api.apigw__orders").values.tags).toEqual({ Owner: "orders", Team: "platform" });
    expect(plan.resource("aws_apigatewayv2_stage.apigw__orders__manual").values.tags).toEqual({ Owner: "orders", Stage: "manual", Team: "platform" });
  });

  test("auto_deploy = false gets a deployment whose trigger is a literal hash, created before destroyed", () => {
    const deployment = stack.resource.aws_apigatewayv2_deployment.apigw__orders__manual;
    expect(deployment.triggers.redeployment).toMatch(/^[0-9a-f]{64}$/);
    expect(deployment.lifecycle.create_before_destroy).toBe(true);
    expect(stack.resource.aws_apigatewayv2_stage.apigw__orders__manual.deployment_id).toBe("${aws_apigatewayv2_deployment.apigw__orders__manual.id}");
    expect(plan.resource("aws_apigatewayv2_stage.apigw__orders__manual").values.auto_deploy).toBe(false);
    expect(plan.resource("aws_apigatewayv2_stage.apigw__orders___default").values).toMatchObject({ name: "$default", auto_deploy: true, stage_variables: { backend: "blue" } });
  });

  test("route settings name the route key and wait for the routes", () => {
    expect(plan.resource("aws_apigatewayv2_stage.apigw__orders__manual").values.route_settings).toEqual([
      expect.objectContaining({ route_key: "POST /orders", throttling_rate_limit: 5, throttling_burst_limit: 10, detailed_metrics_enabled: true }),
    ]);
    expect(stack.resource.aws_apigatewayv2_stage.apigw__orders__manual.depends_on).toContain("aws_apigatewayv2_route.apigw__orders__create");
  });

  test("an alias ARN and its invoke URI share one permission with the qualifier; role-invoked authorizers get none", () => {
    const permissions = plan.ofType("aws_lambda_permission");
    expect(permissions.map((p) => [p.name, p.values.function_name, p.values.qualifier])).toEqual([["apigw__orders__invoke__orders_live", "arn:aws:lambda:eu-west-1:123456789012:function:orders", "live"]]);
    expect(plan.resource("aws_apigatewayv2_integration.apigw__orders__live").values.integration_uri).toBe(
      "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders:live/invocations",
    );
    expect(plan.resource("aws_apigatewayv2_authorizer.apigw__orders__by_role").values.authorizer_credentials_arn).toBe("arn:aws:iam::123456789012:role/invoker");
    expect(plan.resource("aws_apigatewayv2_route.apigw__orders__create").values.authorization_type).toBe("CUSTOM");
  });

  test("AWS service integrations carry subtype, role and parameters", () => {
    expect(plan.resource("aws_apigatewayv2_integration.apigw__orders__queue").values).toMatchObject({
      integration_subtype: "SQS-SendMessage",
      credentials_arn: "arn:aws:iam::123456789012:role/sqs",
      request_parameters: { MessageBody: "$request.body", QueueUrl: "https://sqs.eu-west-1.amazonaws.com/123456789012/q" },
    });
    expect(plan.resource("aws_apigatewayv2_api.apigw__orders").values.disable_execute_api_endpoint).toBe(true);
  });
});

describe("HTTP API deployment trigger", () => {
  const trigger = (patch: (c: any) => void) => {
    const c = structuredClone(config) as any;
    patch(c);
    return synthConfig(c).stack.resource.aws_apigatewayv2_deployment.apigw__orders__manual.triggers.redeployment;
  };
  test("changes when a route changes, not when a tag does", () => {
    const base = trigger(() => {});
    expect(trigger((c) => (c.http_apis.orders.routes.create.route_key = "POST /orders/new"))).not.toBe(base);
    expect(trigger((c) => (c.http_apis.orders.tags = { Owner: "someone else" }))).toBe(base);
  });
});
