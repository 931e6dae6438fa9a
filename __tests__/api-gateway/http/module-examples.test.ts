import { beforeAll, describe, expect, test } from "vitest";
import { example, problemLines, synthConfig, warningLines } from "../../support/synth.js";
import { validateAndPlan, type PlanResult } from "../../support/terraform.js";
import { MODULE_OUTPUTS } from "../../support/module-outputs.js";

const invoke = (fn: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:${fn}/invocations`;

describe("module example: Advanced HTTP API with Authentication", () => {
  test("as written, fails with the VPC link errors AWS would give, and warns about execution-log settings", () => {
    const config = example("http-api-auth.tfvars.json");
    expect(problemLines(config)).toEqual([
      'http_apis.api_v2.integrations.vpc_service.connection_id: "vpc-link-id" is neither a vpc_links key nor a VPC link id; vpc_links keys: none; or use an existing link\'s id (e.g. "abc123")',
      'http_apis.api_v2.integrations.vpc_service.integration_uri: "http://internal-service.vpc" is not a load balancer listener ARN or Cloud Map service ARN, which AWS requires for a VPC_LINK integration; use arn:aws:elasticloadbalancing:<region>:<account>:listener/app|net/<lb>/<id>/<id> or arn:aws:servicediscovery:<region>:<account>:service/srv-<id>',
    ]);
  });

  describe("corrected copy", () => {
    let plan: PlanResult;
    let stack: any;
    beforeAll(() => {
      const synth = synthConfig(example("http-api-auth-fixed.tfvars.json"));
      stack = synth.stack;
      plan = validateAndPlan(synth.dir);
    });

    test("synthesizes with one warning line per execution-log setting", () => {
      expect(warningLines(example("http-api-auth-fixed.tfvars.json"))).toEqual([
        "http_apis.api_v2.stages.v2.default_route_settings.logging_level: ignored: HTTP APIs have no execution logs (REST and WebSocket APIs do), and AWS rejects the setting",
        "http_apis.api_v2.stages.v2.default_route_settings.data_trace_enabled: ignored: HTTP APIs have no data trace logging (REST and WebSocket APIs do), and AWS rejects the setting",
      ]);
    });

    test("the API carries CORS, version and merged tags", () => {
      const api = plan.resource("aws_apigatewayv2_api.apigw__api_v2").values;
      expect(api.name).toBe("modern-app-api_v2");
      expect(api.protocol_type).toBe("HTTP");
      expect(api.version).toBe("2.0");
      expect(api.cors_configuration).toEqual([
        {
          allow_credentials: true,
          allow_headers: ["authorization", "content-type", "x-amz-date"],
          allow_methods: ["DELETE", "GET", "OPTIONS", "POST", "PUT"],
          allow_origins: ["https://dev.myapp.com", "https://myapp.com"],
          expose_headers: ["x-request-id"],
          max_age: 86400,
        },
      ]);
      expect(api.tags).toEqual({ API: "Modern", Authentication: "JWT", Environment: "production", Project: "modern-api", Version: "2.0" });
    });

    test("the stage throttles, logs to the given destination, and leaves execution-log settings out", () => {
      const stage = plan.resource("aws_apigatewayv2_stage.apigw__api_v2__v2").values;
      expect(stage.name).toBe("v2");
      expect(stage.auto_deploy).toBe(true);
      expect(stage.default_route_settings).toEqual([
        { data_trace_enabled: false, detailed_metrics_enabled: true, throttling_burst_limit: 4000, throttling_rate_limit: 2000 },
      ]);
      expect(stage.access_log_settings[0].destination_arn).toBe("arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/http-api");
      expect(JSON.parse(stage.access_log_settings[0].format).routeKey).toBe("$context.routeKey");
      expect(plan.ofType("aws_cloudwatch_log_group")).toEqual([]);
    });

    test("Lambda ARNs become invoke URIs, with one permission per function scoped to the API", () => {
      expect(plan.resource("aws_apigatewayv2_integration.apigw__api_v2__lambda_proxy").values).toMatchObject({
        integration_type: "AWS_PROXY",
        integration_method: "POST",
        integration_uri: invoke("api-handler"),
        payload_format_version: "2.0",
        timeout_milliseconds: 29000,
      });
      expect(plan.resource("aws_apigatewayv2_authorizer.apigw__api_v2__custom_auth").values).toMatchObject({
        authorizer_type: "REQUEST",
        authorizer_uri: invoke("custom-authorizer"),
        authorizer_payload_format_version: "2.0",
        authorizer_result_ttl_in_seconds: 300,
        enable_simple_responses: true,
      });
      const permissions = plan.ofType("aws_lambda_permission");
      expect(permissions.map((p) => p.values.function_name).sort()).toEqual([
        "arn:aws:lambda:us-east-1:123456789012:function:api-handler",
        "arn:aws:lambda:us-east-1:123456789012:function:custom-authorizer",
      ]);
      for (const p of permissions) {
        expect(p.values).toMatchObject({ action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com" });
        expect(plan.unknown(p.address).source_arn).toBe(true);
        expect(stack.resource.aws_lambda_permission[p.name].source_arn).toBe("${aws_apigatewayv2_api.apigw__api_v2.execution_arn}/*");
      }
    });

    test("routes resolve their integration and authorizer", () => {
      const routes = stack.resource.aws_apigatewayv2_route;
      expect(routes.apigw__api_v2__get_users).toMatchObject({
        route_key: "GET /users",
        authorization_type: "JWT",
        authorizer_id: "${aws_apigatewayv2_authorizer.apigw__api_v2__cognito_auth.id}",
        target: "integrations/${aws_apigatewayv2_integration.apigw__api_v2__lambda_proxy.id}",
      });
      expect(routes.apigw__api_v2__post_users.authorizer_id).toBe("${aws_apigatewayv2_authorizer.apigw__api_v2__custom_auth.id}");
      expect(plan.resource("aws_apigatewayv2_route.apigw__api_v2__proxy_backend").values).toMatchObject({ route_key: "ANY /api/{proxy+}", authorization_type: "AWS_IAM" });
      expect(plan.resource("aws_apigatewayv2_authorizer.apigw__api_v2__cognito_auth").values.jwt_configuration).toEqual([
        { audience: ["client-id-1", "client-id-2"], issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_XXXXXXXXX" },
      ]);
    });

    test("the VPC_LINK integration targets the HTTP-style link and a listener ARN", () => {
      expect(plan.resource("aws_apigatewayv2_vpc_link.apigw__internal").values).toMatchObject({ name: "modern-app-internal", subnet_ids: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"] });
      expect(stack.resource.aws_apigatewayv2_integration.apigw__api_v2__vpc_service.connection_id).toBe("${aws_apigatewayv2_vpc_link.apigw__internal.id}");
    });

    test("outputs carry the module's names, keyed like the config", () => {
      expect(Object.keys(plan.outputChanges).sort()).toEqual(MODULE_OUTPUTS);
      expect(plan.outputChanges.http_apis!.after.api_v2.name).toBe("modern-app-api_v2");
      expect(plan.outputChanges.http_api_stage_invoke_urls!.after_unknown).toEqual({ "api_v2-v2": true });
      expect(plan.outputChanges.http_api_stages!.after["api_v2-v2"].name).toBe("v2");
      expect(plan.outputChanges.jwt_authorizers!.after["api_v2-cognito_auth"].name).toBe("CognitoAuthorizer");
      expect(plan.outputChanges.lambda_authorizers!.after["api_v2-custom_auth"].name).toBe("CustomAuthorizer");
      expect(plan.outputChanges.vpc_links!.after.internal.name).toBe("modern-app-internal");
    });
  });
});

describe("module example: VPC Links and Private Integrations", () => {
  test("as written, fails: the example's link is REST-style and its URIs are not listener ARNs", () => {
    const lines = problemLines(example("vpc-links.tfvars.json"));
    expect(lines).toHaveLength(4);
    expect(lines).toContain(
      "http_apis.internal.integrations.user_service.connection_id: vpc_links.internal_services is a REST-style link (target_arns, an NLB), which HTTP APIs cannot use; give vpc_links.internal_services subnet_ids and security_group_ids instead of target_arns (an HTTP-style link)",
    );
    expect(lines.filter((l) => l.includes(".integration_uri: ")).length).toBe(2);
  });

  test("corrected copy plans: v2 link, listener and Cloud Map targets, TLS, IAM routes, owned log group", () => {
    const { dir, stack } = synthConfig(example("vpc-links-fixed.tfvars.json"));
    const plan = validateAndPlan(dir);
    expect(plan.ofType("aws_apigatewayv2_vpc_link").map((r) => r.address)).toEqual(["aws_apigatewayv2_vpc_link.apigw__internal_services"]);
    expect(plan.resource("aws_apigatewayv2_integration.apigw__internal__order_service").values).toMatchObject({
      connection_type: "VPC_LINK",
      integration_uri: "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-e4anhexample0004",
      tls_config: [{ server_name_to_verify: "order-service.internal" }],
    });
    expect(plan.resource("aws_apigatewayv2_integration.apigw__internal__user_service").values.timeout_milliseconds).toBe(10000);
    expect(plan.ofType("aws_apigatewayv2_route").map((r) => r.values.authorization_type)).toEqual(["AWS_IAM", "AWS_IAM"]);
    // enable_cloudwatch_logs defaults to true and the stage names no destination: the module owns the log group.
    expect(plan.resource("aws_cloudwatch_log_group.apigw__internal__internal").values).toMatchObject({ name: "/aws/apigateway/internal-api-internal/internal", retention_in_days: 14 });
    expect(stack.resource.aws_apigatewayv2_stage.apigw__internal__internal.access_log_settings.destination_arn).toBe("${aws_cloudwatch_log_group.apigw__internal__internal.arn}");
    expect(plan.ofType("aws_lambda_permission")).toEqual([]);
  });
});

describe("module example: Custom Domains (HTTP part)", () => {
  test("plans a REGIONAL domain with TLS 1.2 mapped to the v2 stage", () => {
    const { dir, stack } = synthConfig(example("custom-domains-http.tfvars.json"));
    const plan = validateAndPlan(dir);
    expect(plan.resource("aws_apigatewayv2_domain_name.apigw__modern_domain").values).toMatchObject({
      domain_name: "api-v2.mycompany.com",
      domain_name_configuration: [
        expect.objectContaining({
          certificate_arn: "arn:aws:acm:us-east-1:123456789012:certificate/87654321-4321-4321-4321-210987654321",
          endpoint_type: "REGIONAL",
          security_policy: "TLS_1_2",
        }),
      ],
    });
    expect(stack.resource.aws_apigatewayv2_api_mapping.apigw__modern_domain).toMatchObject({
      api_id: "${aws_apigatewayv2_api.apigw__modern.id}",
      domain_name: "${aws_apigatewayv2_domain_name.apigw__modern_domain.id}",
      stage: "${aws_apigatewayv2_stage.apigw__modern__v2.id}",
    });
    expect(Object.keys(plan.outputChanges.http_api_custom_domains!.after_unknown.modern_domain).sort()).toEqual(["api_mapping_id", "hosted_zone_id", "id", "target_domain_name"]);
    expect(plan.outputChanges.http_api_custom_domains!.after.modern_domain.domain_name).toBe("api-v2.mycompany.com");
    expect(plan.outputChanges.http_api_custom_domains!.after.modern_domain.certificate_arn).toBe("arn:aws:acm:us-east-1:123456789012:certificate/87654321-4321-4321-4321-210987654321");
  });
});

describe("module example: Multi-API Gateway Setup (HTTP part)", () => {
  test("plans both APIs with their throttling, CORS and common tags", () => {
    const { dir } = synthConfig(example("multi-api-http.tfvars.json"));
    const plan = validateAndPlan(dir);
    expect(plan.resource("aws_apigatewayv2_api.apigw__mobile_api").values.cors_configuration[0]).toMatchObject({ allow_credentials: false, allow_origins: ["*"] });
    expect(plan.resource("aws_apigatewayv2_stage.apigw__mobile_api__mobile").values.default_route_settings[0]).toMatchObject({ throttling_rate_limit: 1000 });
    expect(plan.resource("aws_apigatewayv2_stage.apigw__iot_api__devices").values.default_route_settings[0]).toMatchObject({
      throttling_rate_limit: 5000,
      throttling_burst_limit: 10000,
      detailed_metrics_enabled: true,
    });
    for (const r of [...plan.ofType("aws_apigatewayv2_api"), ...plan.ofType("aws_apigatewayv2_stage"), ...plan.ofType("aws_cloudwatch_log_group")]) {
      expect(r.values.tags).toEqual({ Environment: "production", Project: "multi-service" });
    }
    expect(plan.outputChanges.http_api_stages!.after["iot_api-devices"].name).toBe("devices");
  });
});
