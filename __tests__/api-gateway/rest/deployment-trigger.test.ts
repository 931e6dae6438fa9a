import { describe, expect, test } from "vitest";
import { example, synthConfig } from "../../support/synth.js";
import { restConfig } from "./support.js";

/** The deployment trigger of `rest_apis.orders` after `patch`. */
const trigger = (patch: (c: any) => void = () => {}) => synthConfig(restConfig(patch)).stack.resource.aws_api_gateway_deployment.apigw__orders.triggers.redeployment as string;

describe("REST deployment trigger", () => {
  const base = trigger();

  test("is a literal hash computed at synth, the same for the same config", () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(trigger()).toBe(base);
  });

  test("changes when an integration URI changes", () => {
    expect(trigger((c) => (c.rest_apis.orders.methods.get.integration.uri = "arn:aws:lambda:us-east-1:123456789012:function:orders-v2"))).not.toBe(base);
  });

  test("stays the same when a tag changes (on the API, a stage, or common_tags)", () => {
    expect(trigger((c) => (c.rest_apis.orders.tags = { Owner: "someone else" }))).toBe(base);
    expect(trigger((c) => (c.rest_apis.orders.stages.prod.tags = { Stage: "prod" }))).toBe(base);
    expect(trigger((c) => (c.common_tags = { CostCenter: "42" }))).toBe(base);
  });

  test("stays the same for what takes effect without a deployment: stage descriptions and settings, keys, plans, description", () => {
    expect(trigger((c) => (c.rest_apis.orders.stages.prod.stage_description = "Production"))).toBe(base);
    expect(trigger((c) => (c.rest_apis.orders.stages.prod.throttle_settings = { throttling_rate_limit: 5 }))).toBe(base);
    expect(trigger((c) => (c.rest_apis.orders.stages.prod.variables = { version: "2" }))).toBe(base);
    expect(trigger((c) => (c.rest_apis.orders.api_keys.other = {}))).toBe(base);
    expect(trigger((c) => (c.rest_apis.orders.usage_plans.basic.quota_settings = { limit: 10, period: "DAY" }))).toBe(base);
    expect(trigger((c) => (c.rest_apis.orders.description = "Orders"))).toBe(base);
  });

  test("changes with what the API serves: methods, paths, authorizers, models, CORS, policy, binary media types, the execute-api endpoint", () => {
    const changed = [
      trigger((c) => (c.rest_apis.orders.methods.delete = { path: "/orders/{id}", http_method: "DELETE", integration: { type: "MOCK" } })),
      trigger((c) => (c.rest_apis.orders.methods.list.path = "/orders/all")),
      trigger((c) => (c.rest_apis.orders.methods.list.api_key_required = true)),
      trigger((c) => (c.rest_apis.orders.authorizers.token_auth.authorizer_result_ttl_in_seconds = 0)),
      trigger((c) => (c.rest_apis.orders.models = { order: { schema: { type: "object" } } })),
      trigger((c) => (c.rest_apis.orders.cors_configuration = { allow_origins: ["https://app.example.com"] })),
      trigger((c) => (c.rest_apis.orders.policy = { Version: "2012-10-17", Statement: [] })),
      trigger((c) => (c.rest_apis.orders.binary_media_types = ["image/png"])),
      trigger((c) => (c.rest_apis.orders.disable_execute_api_endpoint = true)),
    ];
    for (const hash of changed) expect(hash).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });

  test("changes when a VPC link its integrations use is replaced (a new link id)", () => {
    const viaLink = (arn: string) =>
      trigger((c) => {
        c.vpc_links.nlb_link.target_arns = [arn];
        c.rest_apis.orders.methods.get.integration = { type: "HTTP_PROXY", uri: "http://svc.internal", connection_type: "VPC_LINK", connection_id: "nlb_link" };
      });
    expect(viaLink("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/other-nlb/6543210987654321")).not.toBe(
      viaLink("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/internal-nlb/1234567890123456"),
    );
  });

  test("for an OpenAPI body: changes with the body, not with tags", () => {
    const spec = (patch: (c: any) => void) => {
      const c = structuredClone(example("multi-api-fixed.tfvars.json"));
      patch(c);
      return synthConfig(c).stack.resource.aws_api_gateway_deployment.apigw__public_api.triggers.redeployment;
    };
    const before = spec(() => {});
    expect(spec((c) => (c.rest_apis.public_api.openapi_spec = c.rest_apis.public_api.openapi_spec.replace("function:products", "function:products-v2")))).not.toBe(before);
    expect(spec((c) => (c.rest_apis.public_api.tags = { Team: "web" }))).toBe(before);
  });
});
