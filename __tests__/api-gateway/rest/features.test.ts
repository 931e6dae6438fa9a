import { beforeAll, describe, expect, test } from "vitest";
import { problemLines, synthConfig, warningLines } from "../../support/synth.js";
import { validateAndPlan, type PlanResult } from "../../support/terraform.js";
import { AUTH_FN, CERT_US_EAST_1, FN, invoke, NLB, restConfig } from "./support.js";

const KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ROLE = "arn:aws:iam::123456789012:role/shared-apigateway-cloudwatch";
const ORIGINS = ["https://app.example.com", "https://admin.example.com"];

/** A REST API with most features at once, and a second one defined by an OpenAPI body. */
const config = {
  name_prefix: "feat",
  log_retention_days: 90,
  log_kms_key_id: KMS,
  api_gateway_account: { cloudwatch_role: "existing", cloudwatch_role_arn: ROLE },
  vpc_links: { nlb: { target_arns: [NLB] } },
  rest_apis: {
    shop: {
      binary_media_types: ["image/png"],
      minimum_compression_size: 1024,
      api_key_source: "HEADER",
      disable_execute_api_endpoint: true,
      cors_configuration: { allow_origins: ORIGINS, allow_credentials: true, allow_methods: ["GET", "POST"] },
      authorizers: { by_request: { type: "REQUEST", authorizer_uri: AUTH_FN, identity_source: "method.request.header.Authorization,context.stage", authorizer_result_ttl_in_seconds: 60 } },
      methods: {
        private_items: { path: "/items", http_method: "GET", integration: { type: "HTTP_PROXY", uri: "http://items.internal/items", connection_type: "VPC_LINK", connection_id: "nlb" } },
        create_item: {
          path: "/items",
          http_method: "POST",
          authorizer_id: "by_request",
          request_validator: "PARAMETERS",
          request_parameters: { "method.request.header.X-Tenant": true },
          integration: {
            type: "AWS",
            uri: "arn:aws:lambda:us-east-1:123456789012:function:orders:live",
            request_templates: { "application/json": '{"body": $input.json("$")}' },
          },
          responses: {
            "201": { integration_response: { response_templates: { "application/json": '{"ok": true}' } } },
            "400": { response_models: { "application/json": "Error" }, integration_response: { selection_pattern: ".*Invalid.*" } },
          },
        },
      },
      stages: {
        live: {
          canary_settings: { percent_traffic: 10, stage_variable_overrides: { version: "canary" } },
          throttle_settings: { logging_level: "ERROR" },
        },
      },
    },
    spec: {
      cors_configuration: { allow_origins: ["*"] },
      openapi_spec: {
        swagger: "2.0",
        info: { title: "spec", version: "1" },
        securityDefinitions: {
          tokens: { type: "apiKey", name: "Authorization", in: "header", "x-amazon-apigateway-authtype": "custom", "x-amazon-apigateway-authorizer": { type: "token", authorizerUri: AUTH_FN } },
        },
        paths: {
          "/orders": { get: { security: [{ tokens: [] }], "x-amazon-apigateway-integration": { type: "aws_proxy", httpMethod: "POST", uri: FN } } },
          "/public": { get: { "x-amazon-apigateway-integration": { type: "mock", requestTemplates: { "application/json": '{"statusCode": 200}' } } } },
        },
      },
      stages: { v1: {} },
    },
  },
  rest_api_custom_domains: {
    edge: { api_name: "spec", domain_name: "spec.example.com", certificate_arn: CERT_US_EAST_1, endpoint_configuration: { types: ["EDGE"] } },
    regional: {
      api_name: "shop",
      domain_name: "shop.example.com",
      regional_certificate_arn: CERT_US_EAST_1,
      base_path_mappings: { root: { stage_name: "live" }, v1: { stage_name: "live", base_path: "v1" } },
    },
  },
};

/** One synth and plan of `config`, shared by the tests below (a plan takes seconds). */
let shared: { plan: PlanResult; stack: any } | undefined;
function planned(): { plan: PlanResult; stack: any } {
  if (!shared) {
    const synth = synthConfig(config);
    shared = { plan: validateAndPlan(synth.dir), stack: synth.stack };
  }
  return shared;
}

describe("REST API features", () => {
  let plan: PlanResult;
  let stack: any;
  beforeAll(() => {
    ({ plan, stack } = planned());
  });

  test("the config is valid and warns about nothing", () => {
    expect(problemLines(config)).toEqual([]);
    expect(warningLines(config)).toEqual([]);
  });

  test("API settings: binary media, compression, key source, no execute-api endpoint", () => {
    expect(plan.resource("aws_api_gateway_rest_api.apigw__shop").values).toMatchObject({
      binary_media_types: ["image/png"],
      minimum_compression_size: "1024",
      api_key_source: "HEADER",
      disable_execute_api_endpoint: true,
    });
  });

  test("an existing CloudWatch role: aws_api_gateway_account names it, no IAM role is created", () => {
    expect(plan.resource("aws_api_gateway_account.apigw__api_gateway_cloudwatch").values.cloudwatch_role_arn).toBe(ROLE);
    expect(plan.ofType("aws_iam_role")).toEqual([]);
  });

  test("a VPC_LINK integration goes through the REST-style (v1) link", () => {
    expect(stack.resource.aws_api_gateway_integration.apigw__shop__private_items).toMatchObject({
      connection_type: "VPC_LINK",
      connection_id: "${aws_api_gateway_vpc_link.apigw__nlb.id}",
      integration_http_method: "GET",
    });
    expect(plan.resource("aws_api_gateway_vpc_link.apigw__nlb").values.target_arns).toEqual([NLB]);
  });

  test("an AWS (non-proxy) Lambda integration: invoke URI of the alias, templates, and responses with CORS headers", () => {
    expect(plan.resource("aws_api_gateway_integration.apigw__shop__create_item").values).toMatchObject({
      type: "AWS",
      integration_http_method: "POST",
      uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders:live/invocations",
    });
    const ok = plan.resource("aws_api_gateway_integration_response.apigw__shop__create_item__201").values;
    expect(ok.selection_pattern).toBeNull();
    expect(ok.response_parameters).toEqual({
      "method.response.header.Access-Control-Allow-Credentials": "'true'",
      "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'",
      "method.response.header.Vary": "'Origin'",
    });
    // With several origins, a template answers with the caller's Origin when it is allowed.
    expect(ok.response_templates["application/json"]).toContain('#if($origin == "https://app.example.com" || $origin == "https://admin.example.com")');
    expect(ok.response_templates["application/json"].endsWith('{"ok": true}')).toBe(true);
    expect(plan.resource("aws_api_gateway_integration_response.apigw__shop__create_item__400").values.selection_pattern).toBe(".*Invalid.*");
    expect(plan.resource("aws_api_gateway_method_response.apigw__shop__create_item__400").values.response_models).toEqual({ "application/json": "Error" });
    expect(plan.resource("aws_lambda_permission.apigw__shop__invoke__orders_live").values).toMatchObject({ function_name: "arn:aws:lambda:us-east-1:123456789012:function:orders", qualifier: "live" });
  });

  test("a REQUEST authorizer and a PARAMETERS validator", () => {
    expect(plan.resource("aws_api_gateway_authorizer.apigw__shop__by_request").values).toMatchObject({
      type: "REQUEST",
      identity_source: "method.request.header.Authorization,context.stage",
      authorizer_result_ttl_in_seconds: 60,
      authorizer_uri: invoke("token-authorizer"),
    });
    expect(plan.resource("aws_api_gateway_request_validator.apigw__shop__parameters").values).toMatchObject({ name: "feat-shop-parameters", validate_request_body: false, validate_request_parameters: true });
  });

  test("CORS with several origins: preflight allows the configured methods, gateway responses echo the Origin", () => {
    const preflight = plan.resource("aws_api_gateway_integration_response.apigw__shop__cors__items__200").values;
    expect(preflight.response_parameters["method.response.header.Access-Control-Allow-Methods"]).toBe("'GET,POST'");
    expect(preflight.response_parameters["method.response.header.Access-Control-Allow-Credentials"]).toBe("'true'");
    expect(preflight.response_templates["application/json"]).toContain("$context.responseOverride.header.Access-Control-Allow-Origin = $origin");
    expect(plan.resource("aws_api_gateway_gateway_response.apigw__shop__default_4xx").values.response_parameters["gatewayresponse.header.Access-Control-Allow-Origin"]).toBe("method.request.header.Origin");
  });

  test("the canary points at the module's own deployment", () => {
    expect(stack.resource.aws_api_gateway_stage.apigw__shop__live.canary_settings).toEqual({
      deployment_id: "${aws_api_gateway_deployment.apigw__shop.id}",
      percent_traffic: 10,
      stage_variable_overrides: { version: "canary" },
    });
  });

  test("module-made log groups take the retention and KMS key: access logs and execution logs", () => {
    expect(plan.ofType("aws_cloudwatch_log_group").map((g) => [g.name, g.values.retention_in_days, g.values.kms_key_id])).toEqual([
      ["apigw__shop__live", 90, KMS],
      ["apigw__shop__live__execution_logs", 90, KMS],
      ["apigw__spec__v1", 90, KMS],
    ]);
    expect(stack.resource.aws_api_gateway_method_settings.apigw__shop__live.depends_on).toEqual([
      "aws_api_gateway_account.apigw__api_gateway_cloudwatch",
      "aws_cloudwatch_log_group.apigw__shop__live__execution_logs",
    ]);
  });

  test("an OpenAPI body: Lambda ARNs of integrations and authorizers become invoke URIs with permissions; CORS is added to it", () => {
    const body = JSON.parse(plan.resource("aws_api_gateway_rest_api.apigw__spec").values.body);
    expect(body.paths["/orders"].get["x-amazon-apigateway-integration"].uri).toBe(invoke("orders"));
    expect(body.securityDefinitions.tokens["x-amazon-apigateway-authorizer"].authorizerUri).toBe(invoke("token-authorizer"));
    expect(body.paths["/orders"].options["x-amazon-apigateway-integration"]).toMatchObject({ type: "mock", responses: { default: { statusCode: "200" } } });
    expect(body.paths["/orders"].options.security).toEqual([]);
    expect(body["x-amazon-apigateway-gateway-responses"].DEFAULT_5XX.responseParameters["gatewayresponse.header.Access-Control-Allow-Origin"]).toBe("'*'");
    expect(plan.ofType("aws_lambda_permission").filter((p) => p.name.startsWith("apigw__spec")).map((p) => p.values.function_name)).toEqual([
      "arn:aws:lambda:us-east-1:123456789012:function:orders",
      "arn:aws:lambda:us-east-1:123456789012:function:token-authorizer",
    ]);
    expect(plan.ofType("aws_api_gateway_method").filter((m) => m.name.startsWith("apigw__spec"))).toEqual([]);
    expect((plan.outputs.security_summary!.value as any).rest_apis.spec.unauthenticated_methods).toEqual(["GET /public"]);
  });
});

describe("REST custom domains", () => {
  let plan: PlanResult;
  let stack: any;
  beforeAll(() => {
    ({ plan, stack } = planned());
  });

  test("an EDGE domain takes certificate_arn; its mapping defaults to the API's only stage at the root", () => {
    expect(plan.resource("aws_api_gateway_domain_name.apigw__edge").values).toMatchObject({
      endpoint_configuration: [expect.objectContaining({ types: ["EDGE"] })],
      certificate_arn: CERT_US_EAST_1,
      regional_certificate_arn: null,
      security_policy: "TLS_1_2",
    });
    expect(plan.resource("aws_api_gateway_base_path_mapping.apigw__edge").values.base_path).toBeNull();
    expect(stack.resource.aws_api_gateway_base_path_mapping.apigw__edge.stage_name).toBe("${aws_api_gateway_stage.apigw__spec__v1.stage_name}");
  });

  test("base_path_mappings as a map: one mapping per entry, addressed by its key", () => {
    expect(plan.ofType("aws_api_gateway_base_path_mapping").map((m) => [m.name, m.values.base_path])).toEqual([
      ["apigw__edge", null],
      ["apigw__regional__root", null],
      ["apigw__regional__v1", "v1"],
    ]);
  });

  test("the domains output gives DNS targets by endpoint type", () => {
    expect(stack.output.rest_api_custom_domains.value.edge.target_domain_name).toBe("${aws_api_gateway_domain_name.apigw__edge.cloudfront_domain_name}");
    expect(stack.output.rest_api_custom_domains.value.regional.hosted_zone_id).toBe("${aws_api_gateway_domain_name.apigw__regional.regional_zone_id}");
  });

  test("a domain name used by an HTTP API domain too", () => {
    const c = restConfig((c) => {
      c.http_apis = { web: { stages: { v1: {} } } };
      c.http_api_custom_domains = { web: { api_name: "web", domain_name: "api.example.com", domain_name_configuration: { certificate_arn: CERT_US_EAST_1 } } };
    });
    expect(problemLines(c)).toEqual([
      'rest_api_custom_domains.main.domain_name: "api.example.com" is also http_api_custom_domains.web; a domain name can be created once; add a base path mapping instead',
    ]);
  });
});

describe("the account CloudWatch role switch", () => {
  test('"none" leaves the account setting out; logging stages still plan', () => {
    const c = restConfig((c) => {
      c.api_gateway_account = { cloudwatch_role: "none" };
      c.rest_apis.orders.stages.prod.throttle_settings = { logging_level: "INFO" };
    });
    const { stack } = synthConfig(c);
    expect(stack.resource.aws_api_gateway_account).toBeUndefined();
    expect(stack.resource.aws_iam_role).toBeUndefined();
    expect(stack.resource.aws_api_gateway_stage.apigw__orders__prod.depends_on).toBeUndefined();
  });

  test("no REST stage that logs: no account setting, whatever the switch says", () => {
    const { stack } = synthConfig(restConfig((c) => (c.enable_cloudwatch_logs = false)));
    expect(stack.resource.aws_api_gateway_account).toBeUndefined();
  });

  test("a Firehose access-log destination needs no CloudWatch role", () => {
    const firehose = "arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-orders";
    const { stack } = synthConfig(restConfig((c) => (c.rest_apis.orders.stages.prod.access_log_settings = { destination_arn: firehose })));
    expect(stack.resource.aws_api_gateway_account).toBeUndefined();
    expect(stack.resource.aws_api_gateway_stage.apigw__orders__prod.access_log_settings.destination_arn).toBe(firehose);
  });
});
