import { beforeAll, describe, expect, test } from "vitest";
import { example, problemLines, synthConfig, warningLines } from "../../support/synth.js";
import { validateAndPlan, type PlanResult } from "../../support/terraform.js";
import { MODULE_OUTPUTS } from "../../support/module-outputs.js";
import { invoke } from "./support.js";

const NO_METHODS = (api: string) =>
  `rest_apis.${api}: has neither methods nor openapi_spec, and AWS refuses to deploy a REST API without methods ("The REST API doesn't contain any methods"); add methods (e.g. methods = { health = { path = "/health", http_method = "GET", integration = { type = "MOCK" } } }), or give the API's OpenAPI definition as openapi_spec`;

describe("module example: Basic REST API", () => {
  test("as written (stages, no methods), fails at rest_apis.main with both fixes", () => {
    expect(problemLines(example("rest-api-basic.tfvars.json"))).toEqual([NO_METHODS("main")]);
  });

  describe("with methods and CORS added", () => {
    let plan: PlanResult;
    let stack: any;
    beforeAll(() => {
      const synth = synthConfig(example("rest-api-basic-fixed.tfvars.json"));
      stack = synth.stack;
      plan = validateAndPlan(synth.dir);
    });

    test("synthesizes without warnings", () => {
      expect(warningLines(example("rest-api-basic-fixed.tfvars.json"))).toEqual([]);
    });

    test("paths become one shared resource tree, one resource per segment", () => {
      const resources = stack.resource.aws_api_gateway_resource;
      const root = "${aws_api_gateway_rest_api.apigw__main.root_resource_id}";
      expect(Object.fromEntries(Object.entries<any>(resources).map(([name, r]) => [name, [r.path_part, r.parent_id]]))).toEqual({
        apigw__main__health: ["health", root],
        apigw__main__proxy_greedy: ["{proxy+}", root],
        apigw__main__users: ["users", root],
        apigw__main__users__id_param: ["{id}", "${aws_api_gateway_resource.apigw__main__users.id}"],
      });
      expect(plan.ofType("aws_api_gateway_resource").map((r) => r.values.path_part).sort()).toEqual(["health", "users", "{id}", "{proxy+}"]);
    });

    test("methods sit on their resources; the root takes ANY", () => {
      const methods = stack.resource.aws_api_gateway_method;
      expect(methods.apigw__main__root.resource_id).toBe("${aws_api_gateway_rest_api.apigw__main.root_resource_id}");
      expect(methods.apigw__main__get_user).toMatchObject({ http_method: "GET", authorization: "NONE", resource_id: "${aws_api_gateway_resource.apigw__main__users__id_param.id}", request_parameters: { "method.request.path.id": true } });
      expect(plan.resource("aws_api_gateway_method.apigw__main__proxy").values).toMatchObject({ http_method: "ANY", authorization: "NONE" });
    });

    test("Lambda ARNs become invoke URIs, called with POST, with one permission per function scoped to the API", () => {
      for (const name of ["proxy", "root", "get_user", "list_users"]) {
        expect(plan.resource(`aws_api_gateway_integration.apigw__main__${name}`).values).toMatchObject({ type: "AWS_PROXY", integration_http_method: "POST", uri: invoke("main-api") });
      }
      expect(plan.resource("aws_api_gateway_integration.apigw__main__get_user").values.cache_key_parameters).toEqual(["method.request.path.id"]);
      const permissions = plan.ofType("aws_lambda_permission");
      expect(permissions.map((p) => [p.values.function_name, p.values.principal, p.values.action])).toEqual([
        ["arn:aws:lambda:us-east-1:123456789012:function:main-api", "apigateway.amazonaws.com", "lambda:InvokeFunction"],
      ]);
      expect(stack.resource.aws_lambda_permission[permissions[0]!.name].source_arn).toBe("${aws_api_gateway_rest_api.apigw__main.execution_arn}/*");
    });

    test("stage throttle_settings become method settings for */*; prod gets a 1.6 GB cache", () => {
      expect(plan.resource("aws_api_gateway_method_settings.apigw__main__dev").values).toMatchObject({
        method_path: "*/*",
        stage_name: "dev",
        settings: [expect.objectContaining({ throttling_rate_limit: 100, throttling_burst_limit: 200, metrics_enabled: true, logging_level: "INFO" })],
      });
      expect(plan.resource("aws_api_gateway_method_settings.apigw__main__prod").values.settings[0]).toMatchObject({ throttling_rate_limit: 1000, throttling_burst_limit: 2000, logging_level: "ERROR" });
      expect(plan.resource("aws_api_gateway_stage.apigw__main__prod").values).toMatchObject({ cache_cluster_enabled: true, cache_cluster_size: "1.6", variables: { environment: "production", log_level: "WARN" } });
      expect(plan.resource("aws_api_gateway_stage.apigw__main__dev").values).toMatchObject({ cache_cluster_enabled: null, cache_cluster_size: null, xray_tracing_enabled: true, description: "Development stage" });
    });

    test("stages point at one deployment whose trigger is a literal hash, created before destroyed", () => {
      const deployment = stack.resource.aws_api_gateway_deployment.apigw__main;
      expect(deployment.triggers.redeployment).toMatch(/^[0-9a-f]{64}$/);
      expect(deployment.lifecycle.create_before_destroy).toBe(true);
      expect(deployment.depends_on).toContain("aws_api_gateway_integration.apigw__main__proxy");
      expect(plan.resource("aws_api_gateway_deployment.apigw__main").values.triggers).toEqual({ redeployment: deployment.triggers.redeployment });
      for (const stage of ["dev", "prod"]) expect(stack.resource.aws_api_gateway_stage[`apigw__main__${stage}`].deployment_id).toBe("${aws_api_gateway_deployment.apigw__main.id}");
    });

    test("CORS: an OPTIONS MOCK method without authorization on every resource with methods", () => {
      const options = plan.ofType("aws_api_gateway_method").filter((m) => m.values.http_method === "OPTIONS");
      expect(options.map((m) => [m.name, m.values.authorization, m.values.api_key_required])).toEqual([
        ["apigw__main__cors", "NONE", false],
        ["apigw__main__cors__health", "NONE", false],
        ["apigw__main__cors__proxy_greedy", "NONE", false],
        ["apigw__main__cors__users", "NONE", false],
        ["apigw__main__cors__users__id_param", "NONE", false],
      ]);
      expect(plan.resource("aws_api_gateway_integration.apigw__main__cors__users").values).toMatchObject({ type: "MOCK", request_templates: { "application/json": '{"statusCode": 200}' } });
      expect(plan.resource("aws_api_gateway_integration_response.apigw__main__cors__users__200").values.response_parameters).toEqual({
        "method.response.header.Access-Control-Allow-Headers": "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
        "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS'",
        "method.response.header.Access-Control-Allow-Origin": "'https://myapp.com'",
        "method.response.header.Access-Control-Max-Age": "'86400'",
      });
      expect(plan.resource("aws_api_gateway_method_response.apigw__main__cors__users__200").values.response_parameters).toEqual({
        "method.response.header.Access-Control-Allow-Headers": true,
        "method.response.header.Access-Control-Allow-Methods": true,
        "method.response.header.Access-Control-Allow-Origin": true,
        "method.response.header.Access-Control-Max-Age": true,
      });
    });

    test("CORS: DEFAULT_4XX and DEFAULT_5XX carry the CORS headers; the MOCK health method's response does too", () => {
      for (const type of ["DEFAULT_4XX", "DEFAULT_5XX"]) {
        expect(plan.resource(`aws_api_gateway_gateway_response.apigw__main__${type.toLowerCase()}`).values).toMatchObject({
          response_type: type,
          response_parameters: {
            "gatewayresponse.header.Access-Control-Allow-Headers": "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
            "gatewayresponse.header.Access-Control-Allow-Origin": "'https://myapp.com'",
            "gatewayresponse.header.Access-Control-Expose-Headers": "'x-request-id'",
          },
          response_templates: { "application/json": '{"message":$context.error.messageString}' },
        });
      }
      expect(plan.resource("aws_api_gateway_integration_response.apigw__main__health__200").values.response_parameters).toEqual({
        "method.response.header.Access-Control-Allow-Origin": "'https://myapp.com'",
        "method.response.header.Access-Control-Expose-Headers": "'x-request-id'",
      });
    });

    test("logging stages get the account CloudWatch role, access-log and execution-log groups", () => {
      expect(plan.resource("aws_iam_role.apigw__api_gateway_cloudwatch").values.name).toBe("my-app-apigw-cloudwatch");
      expect(JSON.parse(plan.resource("aws_iam_role.apigw__api_gateway_cloudwatch").values.assume_role_policy).Statement[0].Principal).toEqual({ Service: "apigateway.amazonaws.com" });
      expect(plan.ofType("aws_api_gateway_account")).toHaveLength(1);
      expect(stack.resource.aws_api_gateway_account.apigw__api_gateway_cloudwatch.cloudwatch_role_arn).toBe("${aws_iam_role.apigw__api_gateway_cloudwatch.arn}");
      expect(stack.resource.aws_api_gateway_stage.apigw__main__dev.depends_on).toEqual(["aws_api_gateway_account.apigw__api_gateway_cloudwatch"]);
      expect(plan.ofType("aws_cloudwatch_log_group").map((g) => g.name)).toEqual([
        "apigw__main__dev",
        "apigw__main__dev__execution_logs",
        "apigw__main__prod",
        "apigw__main__prod__execution_logs",
      ]);
      expect(plan.resource("aws_cloudwatch_log_group.apigw__main__prod").values).toMatchObject({ name: "/aws/apigateway/my-app-main/prod", retention_in_days: 14 });
      expect(stack.resource.aws_cloudwatch_log_group.apigw__main__prod__execution_logs.name).toBe("API-Gateway-Execution-Logs_${aws_api_gateway_rest_api.apigw__main.id}/prod");
    });

    test("tags merge common < API", () => {
      expect(plan.resource("aws_api_gateway_rest_api.apigw__main").values.tags).toEqual({ API: "Main", Environment: "multi-stage", Project: "api-demo", Purpose: "Application Backend" });
    });

    test("all 17 outputs of the HCL module are present; stage maps are keyed <api>-<stage>", () => {
      expect(Object.keys(plan.outputChanges).sort()).toEqual(MODULE_OUTPUTS);
      expect(plan.outputChanges.rest_apis!.after.main.name).toBe("my-app-main");
      expect(plan.outputChanges.rest_api_stage_invoke_urls!.after_unknown).toEqual({ "main-dev": true, "main-prod": true });
      expect(plan.outputChanges.rest_api_stages!.after["main-prod"].stage_name).toBe("prod");
      expect(plan.outputs.performance_summary!.value).toMatchObject({
        "main-prod": { api_type: "REST", caching: { cache_cluster: true, cache_cluster_size_gb: "1.6", method_caching: false }, throttling: { rate_limit: 1000, burst_limit: 2000 } },
        "main-dev": { xray_tracing: true },
      });
      expect((plan.outputs.cost_optimization_summary!.value as any).stages["main-prod"]).toMatchObject({ estimated_monthly_fixed_usd: 27.74, cache_cluster_usd_per_hour: 0.038 });
      expect((plan.outputs.security_summary!.value as any).rest_apis.main).toMatchObject({ unauthenticated_methods: ["ANY /", "ANY /{proxy+}", "GET /health", "GET /users", "GET /users/{id}"], cors: true, waf: false });
    });
  });
});

describe("module example: REST API with Comprehensive Security", () => {
  test("as written (no methods), fails at rest_apis.enterprise", () => {
    expect(problemLines(example("rest-api-secure.tfvars.json"))).toEqual([NO_METHODS("enterprise")]);
  });

  describe("with methods added", () => {
    let plan: PlanResult;
    let stack: any;
    beforeAll(() => {
      const synth = synthConfig(example("rest-api-secure-fixed.tfvars.json"));
      stack = synth.stack;
      plan = validateAndPlan(synth.dir);
    });

    test("a PRIVATE endpoint with its VPC endpoint and resource policy", () => {
      const api = plan.resource("aws_api_gateway_rest_api.apigw__enterprise").values;
      expect(api.endpoint_configuration).toEqual([expect.objectContaining({ types: ["PRIVATE"], vpc_endpoint_ids: ["vpce-12345678"] })]);
      expect(JSON.parse(api.policy).Statement[0].Condition).toEqual({ StringEquals: { "aws:SourceVpce": "vpce-12345678" } });
    });

    test("TOKEN and Cognito authorizers; methods name them by key", () => {
      expect(plan.resource("aws_api_gateway_authorizer.apigw__enterprise__token_auth").values).toMatchObject({
        type: "TOKEN",
        name: "TokenAuthorizer",
        authorizer_uri: invoke("token-authorizer"),
        identity_validation_expression: "^Bearer [-0-9A-Za-z\\.]+$",
        authorizer_result_ttl_in_seconds: 300,
      });
      expect(plan.resource("aws_api_gateway_authorizer.apigw__enterprise__cognito_auth").values).toMatchObject({
        type: "COGNITO_USER_POOLS",
        provider_arns: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_XXXXXXXXX"],
      });
      expect(stack.resource.aws_api_gateway_method.apigw__enterprise__partner_orders).toMatchObject({ authorization: "CUSTOM", authorizer_id: "${aws_api_gateway_authorizer.apigw__enterprise__token_auth.id}", api_key_required: true });
      expect(plan.resource("aws_api_gateway_method.apigw__enterprise__internal_reports").values).toMatchObject({ authorization: "COGNITO_USER_POOLS", authorization_scopes: ["reports/read"] });
      expect(plan.ofType("aws_lambda_permission").map((p) => p.values.function_name)).toEqual([
        "arn:aws:lambda:us-east-1:123456789012:function:internal-reports",
        "arn:aws:lambda:us-east-1:123456789012:function:partner-api",
        "arn:aws:lambda:us-east-1:123456789012:function:token-authorizer",
      ]);
    });

    test("a model and a BODY request validator", () => {
      expect(plan.resource("aws_api_gateway_model.apigw__enterprise__order_input").values).toMatchObject({ name: "OrderInput", content_type: "application/json" });
      expect(plan.resource("aws_api_gateway_request_validator.apigw__enterprise__body").values).toMatchObject({ validate_request_body: true, validate_request_parameters: false });
      expect(stack.resource.aws_api_gateway_method.apigw__enterprise__partner_create_order).toMatchObject({
        request_validator_id: "${aws_api_gateway_request_validator.apigw__enterprise__body.id}",
        request_models: { "application/json": "${aws_api_gateway_model.apigw__enterprise__order_input.name}" },
      });
    });

    test("the stage: 6.1 GB cache, caching method settings for */*, the given access-log destination, an execution-log group", () => {
      expect(plan.resource("aws_api_gateway_stage.apigw__enterprise__secure").values).toMatchObject({
        cache_cluster_enabled: true,
        cache_cluster_size: "6.1",
        access_log_settings: [{ destination_arn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigateway/secure-api", format: "$requestId $ip $requestTime $httpMethod $resourcePath $status $responseLength $responseTime" }],
      });
      expect(plan.resource("aws_api_gateway_method_settings.apigw__enterprise__secure").values).toMatchObject({
        method_path: "*/*",
        settings: [expect.objectContaining({ caching_enabled: true, cache_ttl_in_seconds: 300, require_authorization_for_cache_control: true, data_trace_enabled: false, logging_level: "ERROR" })],
      });
      expect(plan.ofType("aws_cloudwatch_log_group").map((g) => g.name)).toEqual(["apigw__enterprise__secure__execution_logs"]);
      expect(warningLines(example("rest-api-secure-fixed.tfvars.json"))).toEqual([]);
    });

    test("WAF is associated with the stage", () => {
      expect(plan.resource("aws_wafv2_web_acl_association.apigw__enterprise__secure").values.web_acl_arn).toBe(
        "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/secure-api-waf/12345678-1234-1234-1234-123456789012",
      );
      expect(stack.resource.aws_wafv2_web_acl_association.apigw__enterprise__secure.resource_arn).toBe("${aws_api_gateway_stage.apigw__enterprise__secure.arn}");
    });

    test("API keys, the usage plan with its per-path throttle and quota, and a usage plan key", () => {
      expect(plan.ofType("aws_api_gateway_api_key").map((k) => [k.values.name, k.values.enabled])).toEqual([
        ["secure-api-enterprise-internal_key", true],
        ["secure-api-enterprise-partner_key", true],
      ]);
      expect(plan.resource("aws_api_gateway_usage_plan.apigw__enterprise__partner_plan").values).toMatchObject({
        api_stages: [{ stage: "secure", throttle: [{ path: "/partner/*", rate_limit: 100, burst_limit: 200 }] }],
        quota_settings: [{ limit: 10000, period: "MONTH", offset: 0 }],
        throttle_settings: [{ rate_limit: 100, burst_limit: 200 }],
      });
      expect(plan.ofType("aws_api_gateway_usage_plan_key").map((k) => [k.name, k.values.key_type])).toEqual([["apigw__enterprise__partner_plan__partner_key", "API_KEY"]]);
      expect(stack.resource.aws_api_gateway_usage_plan_key.apigw__enterprise__partner_plan__partner_key).toMatchObject({
        key_id: "${aws_api_gateway_api_key.apigw__enterprise__partner_key.id}",
        usage_plan_id: "${aws_api_gateway_usage_plan.apigw__enterprise__partner_plan.id}",
      });
      expect(stack.resource.aws_api_gateway_usage_plan.apigw__enterprise__partner_plan.api_stages[0].stage).toBe("${aws_api_gateway_stage.apigw__enterprise__secure.stage_name}");
    });

    test("outputs: API keys by id and name only, usage plans, authorizers, security summary", () => {
      expect(Object.keys(plan.outputChanges).sort()).toEqual(MODULE_OUTPUTS);
      expect(plan.outputChanges.api_keys!.after).toEqual({ "enterprise-internal_key": { name: "secure-api-enterprise-internal_key" }, "enterprise-partner_key": { name: "secure-api-enterprise-partner_key" } });
      expect(plan.outputChanges.api_keys!.after_unknown).toEqual({ "enterprise-internal_key": { id: true }, "enterprise-partner_key": { id: true } });
      expect(JSON.stringify(stack.output.api_keys.value)).not.toContain(".value");
      expect(plan.outputChanges.usage_plans!.after["enterprise-partner_plan"].name).toBe("secure-api-enterprise-partner_plan");
      expect(plan.outputChanges.rest_api_authorizers!.after["enterprise-cognito_auth"]).toMatchObject({ name: "CognitoAuthorizer", type: "COGNITO_USER_POOLS" });
      expect((plan.outputs.security_summary!.value as any).rest_apis.enterprise).toMatchObject({
        private_endpoint: true,
        resource_policy: true,
        waf: true,
        unauthenticated_methods: ["GET /health"],
        api_key_required_methods: 2,
        authorizers: { cognito_auth: "COGNITO_USER_POOLS", token_auth: "TOKEN" },
        stages: { secure: { execution_logging: "ERROR", data_trace: false, access_logs: true, xray_tracing: false, waf: true } },
      });
    });
  });
});

describe("module example: Custom Domains and SSL (REST and HTTP)", () => {
  test("as written, fails: the REST API has no methods, and mutual TLS is on an EDGE domain", () => {
    expect(problemLines(example("custom-domains.tfvars.json"))).toEqual([
      NO_METHODS("public"),
      'rest_api_custom_domains.api_domain.mutual_tls_authentication: mutual TLS needs a REGIONAL domain; AWS refuses it on EDGE domains; set endpoint_configuration = { types = ["REGIONAL"] } with regional_certificate_arn (a certificate in the API\'s region), or remove mutual_tls_authentication',
    ]);
  });

  describe("corrected copy: a REGIONAL domain with mutual TLS", () => {
    let plan: PlanResult;
    let stack: any;
    beforeAll(() => {
      const synth = synthConfig(example("custom-domains-fixed.tfvars.json"));
      stack = synth.stack;
      plan = validateAndPlan(synth.dir);
    });

    test("the REST domain is REGIONAL with its certificate, TLS 1.2 and the truststore; mapped at v1 to stage v1", () => {
      expect(plan.resource("aws_api_gateway_domain_name.apigw__api_domain").values).toMatchObject({
        domain_name: "api.mycompany.com",
        endpoint_configuration: [expect.objectContaining({ types: ["REGIONAL"] })],
        regional_certificate_arn: "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012",
        security_policy: "TLS_1_2",
        mutual_tls_authentication: [expect.objectContaining({ truststore_uri: "s3://my-truststore-bucket/truststore.pem", truststore_version: "v1.0" })],
      });
      expect(plan.resource("aws_api_gateway_base_path_mapping.apigw__api_domain").values.base_path).toBe("v1");
      expect(stack.resource.aws_api_gateway_base_path_mapping.apigw__api_domain).toMatchObject({
        api_id: "${aws_api_gateway_rest_api.apigw__public.id}",
        stage_name: "${aws_api_gateway_stage.apigw__public__v1.stage_name}",
        domain_name: "${aws_api_gateway_domain_name.apigw__api_domain.domain_name}",
      });
      expect(plan.resource("aws_apigatewayv2_domain_name.apigw__modern_domain").values.domain_name).toBe("api-v2.mycompany.com");
    });

    test("the EDGE API proxies to its backend, with the greedy path parameter mapped; its stage logs access", () => {
      expect(plan.resource("aws_api_gateway_rest_api.apigw__public").values.endpoint_configuration).toEqual([expect.objectContaining({ types: ["EDGE"] })]);
      expect(plan.resource("aws_api_gateway_integration.apigw__public__catalog").values).toMatchObject({
        type: "HTTP_PROXY",
        integration_http_method: "ANY",
        uri: "https://catalog.mycompany.com/{proxy}",
        request_parameters: { "integration.request.path.proxy": "method.request.path.proxy" },
      });
      expect(plan.ofType("aws_lambda_permission")).toEqual([]);
      // Access logs to CloudWatch (a log group per stage by default) need the account's CloudWatch Logs role.
      expect(plan.resource("aws_cloudwatch_log_group.apigw__public__v1").values.name).toBe("/aws/apigateway/branded-api-public/v1");
      expect(plan.ofType("aws_api_gateway_account")).toHaveLength(1);
    });

    test("outputs: both kinds of custom domain, and the security summary's TLS and mutual TLS", () => {
      expect(Object.keys(plan.outputChanges).sort()).toEqual(MODULE_OUTPUTS);
      expect(plan.outputChanges.rest_api_custom_domains!.after.api_domain).toMatchObject({ domain_name: "api.mycompany.com", endpoint_type: "REGIONAL" });
      expect(plan.outputChanges.rest_api_custom_domains!.after_unknown.api_domain).toMatchObject({ target_domain_name: true, hosted_zone_id: true });
      const security = plan.outputs.security_summary!.value as any;
      expect(security.rest_apis.public.custom_domains).toEqual({ api_domain: { domain_name: "api.mycompany.com", endpoint_type: "REGIONAL", tls_policy: "TLS_1_2", mutual_tls: true } });
      expect(security.http_apis.modern.custom_domains).toEqual({ modern_domain: { domain_name: "api-v2.mycompany.com", endpoint_type: "REGIONAL", tls_policy: "TLS_1_2", mutual_tls: false } });
    });
  });
});

describe("module example: Multi-API Gateway Setup (REST and HTTP)", () => {
  test("as written, fails: neither REST API has methods", () => {
    expect(problemLines(example("multi-api.tfvars.json"))).toEqual([NO_METHODS("admin_api"), NO_METHODS("public_api")]);
  });

  describe("corrected copy: an OpenAPI body for one API, methods for the other", () => {
    let plan: PlanResult;
    beforeAll(() => {
      plan = validateAndPlan(synthConfig(example("multi-api-fixed.tfvars.json")).dir);
    });

    test("the OpenAPI body (YAML in the config) is JSON with invoke URIs, and its function gets a permission", () => {
      const body = JSON.parse(plan.resource("aws_api_gateway_rest_api.apigw__public_api").values.body);
      expect(body.paths["/products"].get["x-amazon-apigateway-integration"].uri).toBe(invoke("products"));
      expect(plan.ofType("aws_lambda_permission").map((p) => [p.name, p.values.function_name])).toEqual([
        ["apigw__admin_api__invoke__admin-api", "arn:aws:lambda:us-east-1:123456789012:function:admin-api"],
        ["apigw__public_api__invoke__products", "arn:aws:lambda:us-east-1:123456789012:function:products"],
      ]);
      expect(plan.ofType("aws_api_gateway_resource").map((r) => r.name)).toEqual(["apigw__admin_api__admin", "apigw__admin_api__admin__proxy_greedy"]);
    });

    test("the admin API: IAM authorization, resource policy, INFO logging with data trace", () => {
      expect(plan.resource("aws_api_gateway_method.apigw__admin_api__admin").values).toMatchObject({ authorization: "AWS_IAM", http_method: "ANY" });
      expect(JSON.parse(plan.resource("aws_api_gateway_rest_api.apigw__admin_api").values.policy).Statement[0].Condition.IpAddress["aws:SourceIp"]).toEqual(["10.0.0.0/8", "172.16.0.0/12"]);
      expect(plan.resource("aws_api_gateway_method_settings.apigw__admin_api__admin").values.settings[0]).toMatchObject({ logging_level: "INFO", data_trace_enabled: true, throttling_rate_limit: 100 });
    });

    test("summaries cover REST and HTTP stages side by side", () => {
      expect(Object.keys(plan.outputChanges).sort()).toEqual(MODULE_OUTPUTS);
      const performance = plan.outputs.performance_summary!.value as any;
      expect(Object.keys(performance)).toEqual(["admin_api-admin", "iot_api-devices", "mobile_api-mobile", "public_api-prod"]);
      expect(performance["iot_api-devices"]).toMatchObject({ api_type: "HTTP", throttling: { rate_limit: 5000, burst_limit: 10000 }, caching: "not available on HTTP APIs" });
      const cost = plan.outputs.cost_optimization_summary!.value as any;
      expect(cost.request_price_per_million_usd).toEqual({ REST: 3.5, HTTP: 1 });
      expect(cost.price_table).toMatchObject({ region: "us-east-1", currency: "USD" });
      expect(cost.stages["public_api-prod"].hints[0]).toBe(
        "the 1.6 GB cache cluster is billed (27.74 USD a month) but no method caches: set throttle_settings.caching_enabled = true, or remove the cluster",
      );
      expect(cost.stages["mobile_api-mobile"]).toMatchObject({ api_type: "HTTP", estimated_monthly_fixed_usd: 0, request_price_per_million_usd: 1 });
      expect(cost.total_estimated_monthly_fixed_usd).toBe(27.74);
      expect((plan.outputs.security_summary!.value as any).rest_apis.public_api).toMatchObject({ defined_by: "openapi_spec", unauthenticated_methods: ["GET /products", "GET /products/{id}"] });
    });
  });
});
