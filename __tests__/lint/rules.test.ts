import { describe, expect, test } from "vitest";
import { LINT_RULES } from "../../modules/lint/registry.js";
import { hitsOf, lintConfig, secureHttp, secureRest } from "./support.js";

const CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/1a2b3c4d-0000-4000-8000-000000000000";
const LAMBDA = "arn:aws:lambda:eu-west-1:123456789012:function:api-handler";

const restStage = (c: any) => c.rest_apis.shop.stages.prod;
const restMethods = (c: any) => c.rest_apis.shop.methods;
const httpApi = (c: any) => c.http_apis.api;

describe("policy rules", () => {
  test("every rule has a stable id, a severity, a one-line fix, and checkov/trivy ids in their formats", () => {
    const ids = LINT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of LINT_RULES) {
      expect(rule.id).toMatch(/^APIGW-[A-Z0-9-]+$/);
      expect(["error", "warning"]).toContain(rule.severity);
      expect(rule.fix).not.toMatch(/\n/);
      for (const id of rule.checkov) expect(id).toMatch(/^CKV2?_AWS_\d+$/);
      for (const id of rule.trivy) expect(id).toMatch(/^AVD-AWS-\d{4}$/);
    }
  });

  test("the secure REST and HTTP configs trigger no rule", () => {
    expect(lintConfig(secureRest())).toEqual([]);
    expect(lintConfig(secureHttp())).toEqual([]);
  });

  test("APIGW-STAGE-ACCESS-LOG: stages without access logs, REST and HTTP", () => {
    const rest = { ...secureRest(), enable_cloudwatch_logs: false };
    const http = { ...secureHttp(), enable_cloudwatch_logs: false };
    expect(hitsOf(lintConfig(rest), "APIGW-STAGE-ACCESS-LOG")).toEqual(["rest_apis.shop.stages.prod.access_log_settings: the stage writes no access logs"]);
    expect(hitsOf(lintConfig(http), "APIGW-STAGE-ACCESS-LOG")).toEqual(["http_apis.api.stages.prod.access_log_settings: the stage writes no access logs"]);
  });

  test("APIGW-STAGE-XRAY: a REST stage without X-Ray", () => {
    const config = secureRest();
    restStage(config).xray_tracing_enabled = false;
    expect(hitsOf(lintConfig(config), "APIGW-STAGE-XRAY")).toEqual(["rest_apis.shop.stages.prod.xray_tracing_enabled: X-Ray tracing is off"]);
  });

  test("APIGW-CACHE-ENCRYPTION: caching with encryption turned off; on by default", () => {
    const cached = secureRest();
    restStage(cached).cache_cluster_enabled = true;
    restStage(cached).throttle_settings.caching_enabled = true;
    expect(hitsOf(lintConfig(cached), "APIGW-CACHE-ENCRYPTION")).toEqual([]);
    restStage(cached).throttle_settings.cache_data_encrypted = false;
    expect(hitsOf(lintConfig(cached), "APIGW-CACHE-ENCRYPTION")).toEqual(["rest_apis.shop.stages.prod.throttle_settings.cache_data_encrypted: the stage caches responses unencrypted"]);
  });

  test("APIGW-DATA-TRACE: data trace on", () => {
    const config = secureRest();
    restStage(config).throttle_settings.data_trace_enabled = true;
    expect(hitsOf(lintConfig(config), "APIGW-DATA-TRACE")).toEqual(["rest_apis.shop.stages.prod.throttle_settings.data_trace_enabled: data trace logs full requests and responses, tokens included"]);
  });

  test("APIGW-REST-METHOD-AUTH: an open GET; OPTIONS and API-key methods are not open", () => {
    const config = secureRest();
    restMethods(config).list = { path: "/orders", http_method: "GET", authorization: "NONE", integration: { type: "AWS_PROXY", uri: LAMBDA } };
    restMethods(config).keyed = { path: "/keyed", http_method: "GET", api_key_required: true, integration: { type: "AWS_PROXY", uri: LAMBDA } };
    restMethods(config).preflight = { path: "/keyed", http_method: "OPTIONS", integration: { type: "MOCK" } };
    expect(hitsOf(lintConfig(config), "APIGW-REST-METHOD-AUTH")).toEqual(["rest_apis.shop.methods.list.authorization: GET /orders needs no authorization"]);
  });

  test("APIGW-HTTP-ROUTE-AUTH: an open route; an OPTIONS route is not", () => {
    const config = secureHttp();
    httpApi(config).routes.open = { route_key: "GET /open", target: "integrations/fn" };
    httpApi(config).routes.preflight = { route_key: "OPTIONS /open", target: "integrations/fn" };
    expect(hitsOf(lintConfig(config), "APIGW-HTTP-ROUTE-AUTH")).toEqual(["http_apis.api.routes.open.authorization_type: GET /open needs no authorization"]);
  });

  test("APIGW-REQUEST-VALIDATION: a POST without a body validator", () => {
    const config = secureRest();
    delete restMethods(config).create.request_validator;
    expect(hitsOf(lintConfig(config), "APIGW-REQUEST-VALIDATION")).toEqual(["rest_apis.shop.methods.create.request_validator: POST /orders accepts a body that API Gateway does not validate"]);
  });

  test("APIGW-REST-WAF: a public stage without a web ACL", () => {
    const config = secureRest();
    delete config.rest_apis.shop.waf_acl_arn;
    expect(hitsOf(lintConfig(config), "APIGW-REST-WAF")).toEqual(["rest_apis.shop.stages.prod: a public stage has no WAF web ACL"]);
  });

  test("APIGW-DOMAIN-TLS: a domain that accepts TLS 1.0", () => {
    const domain = (policy: string) => ({
      ...secureRest(),
      rest_api_custom_domains: { api: { api_name: "shop", domain_name: "api.example.com", regional_certificate_arn: CERT, endpoint_configuration: { types: ["REGIONAL"] }, security_policy: policy, base_path_mappings: { stage_name: "prod" } } },
    });
    expect(hitsOf(lintConfig(domain("TLS_1_2")), "APIGW-DOMAIN-TLS")).toEqual([]);
    expect(hitsOf(lintConfig(domain("TLS_1_0")), "APIGW-DOMAIN-TLS")).toEqual(["rest_api_custom_domains.api.security_policy: api.example.com accepts TLS 1.0"]);
  });

  test("APIGW-LOG-GROUP-CMK: every log group the stack creates without a key", () => {
    const config = secureRest();
    delete config.log_kms_key_id;
    expect(hitsOf(lintConfig(config), "APIGW-LOG-GROUP-CMK")).toEqual(["log_kms_key_id: log group /aws/apigateway/lint-shop/prod is not encrypted with a customer-managed key"]);
  });

  test("APIGW-STAGE-THROTTLING: stages without their own limits, REST and HTTP", () => {
    const rest = secureRest();
    delete restStage(rest).throttle_settings;
    const http = secureHttp();
    delete httpApi(http).stages.prod.default_route_settings;
    expect(hitsOf(lintConfig(rest), "APIGW-STAGE-THROTTLING")).toEqual(["rest_apis.shop.stages.prod.throttle_settings: the stage has no rate or burst limit of its own (only the account's)"]);
    expect(hitsOf(lintConfig(http), "APIGW-STAGE-THROTTLING")).toEqual(["http_apis.api.stages.prod.default_route_settings: the stage has no rate or burst limit of its own (only the account's)"]);
  });

  test("APIGW-CORS-WILDCARD-CREDENTIALS: '*' with credentials written in a method's response headers", () => {
    const headers = (origin: string) => ({
      path: "/mock",
      http_method: "GET",
      authorization: "CUSTOM",
      authorizer_id: "jwt",
      integration: { type: "MOCK" },
      responses: {
        "200": {
          response_parameters: { "method.response.header.Access-Control-Allow-Origin": true, "method.response.header.Access-Control-Allow-Credentials": true },
          integration_response: { response_parameters: { "method.response.header.Access-Control-Allow-Origin": origin, "method.response.header.Access-Control-Allow-Credentials": "'true'" } },
        },
      },
    });
    const wildcard = secureRest();
    restMethods(wildcard).mock = headers("'*'");
    const named = secureRest();
    restMethods(named).mock = headers("'https://app.example.com'");
    expect(hitsOf(lintConfig(wildcard), "APIGW-CORS-WILDCARD-CREDENTIALS")).toEqual([
      "rest_apis.shop.methods.mock.responses.200.integration_response.response_parameters: answers Access-Control-Allow-Origin '*' with credentials",
    ]);
    expect(hitsOf(lintConfig(named), "APIGW-CORS-WILDCARD-CREDENTIALS")).toEqual([]);
  });

  test("APIGW-AUTHORIZER-CACHE-TENANT: a cached authorizer keyed by another header; TTL 0 is not cached", () => {
    const config = secureRest();
    config.rest_apis.shop.authorizers.jwt.identity_source = "method.request.header.X-Api-Key";
    expect(hitsOf(lintConfig(config), "APIGW-AUTHORIZER-CACHE-TENANT")).toEqual([
      "rest_apis.shop.authorizers.jwt.identity_source: results are cached for 300 s by method.request.header.X-Api-Key, without the authorization header",
    ]);
    config.rest_apis.shop.authorizers.jwt.authorizer_result_ttl_in_seconds = 0;
    expect(hitsOf(lintConfig(config), "APIGW-AUTHORIZER-CACHE-TENANT")).toEqual([]);
  });

  test("APIGW-AUTHORIZER-CACHE-TENANT: the tenant header comes from lint.tenant_header", () => {
    const config = { tenant: "acme", environment: "dev", region: "eu-west-1", ...secureRest(), lint: { tenant_header: "X-Tenant-Id" } };
    expect(hitsOf(lintConfig(config), "APIGW-AUTHORIZER-CACHE-TENANT")).toEqual([
      "rest_apis.shop.authorizers.jwt.identity_source: results are cached for 300 s by method.request.header.Authorization, without the x-tenant-id header",
    ]);
    config.rest_apis.shop.authorizers.jwt.identity_source = "method.request.header.Authorization,method.request.header.X-Tenant-Id";
    expect(hitsOf(lintConfig(config), "APIGW-AUTHORIZER-CACHE-TENANT")).toEqual([]);
  });

  test("APIGW-OPTIONS-AUTH: OPTIONS with authorization, REST and HTTP", () => {
    const rest = secureRest();
    restMethods(rest).preflight = { path: "/orders", http_method: "OPTIONS", authorization: "CUSTOM", authorizer_id: "jwt", integration: { type: "MOCK" } };
    const http = secureHttp();
    httpApi(http).routes.preflight = { route_key: "OPTIONS /orders", target: "integrations/fn", authorization_type: "JWT", authorizer_id: "jwt" };
    expect(hitsOf(lintConfig(rest), "APIGW-OPTIONS-AUTH")).toEqual(["rest_apis.shop.methods.preflight.authorization: OPTIONS /orders requires CUSTOM authorization"]);
    expect(hitsOf(lintConfig(http), "APIGW-OPTIONS-AUTH")).toEqual(["http_apis.api.routes.preflight.authorization_type: OPTIONS /orders requires JWT authorization"]);
  });

  test("APIGW-LAMBDA-POLICY-SIZE: one function invoked by more APIs than its policy holds", () => {
    const apis = (n: number) => {
      const config = secureHttp();
      for (let i = 0; i < n; i++) config.http_apis[`api${String(i).padStart(2, "0")}`] = structuredClone(httpApi(config));
      return config;
    };
    expect(hitsOf(lintConfig(apis(20)), "APIGW-LAMBDA-POLICY-SIZE")).toEqual([]);
    const hits = hitsOf(lintConfig(apis(60)), "APIGW-LAMBDA-POLICY-SIZE");
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatch(/^http_apis\.api\d*: 61 invoke permissions on arn:aws:lambda:eu-west-1:123456789012:function:api-handler need about \d+ bytes of its 20480-byte policy$/);
  });

  test("APIGW-QUOTA: stage and route counts near the default quotas", () => {
    const config = secureHttp();
    for (let i = 0; i < 6; i++) httpApi(config).stages[`s${i}`] = structuredClone(httpApi(config).stages.prod);
    expect(hitsOf(lintConfig(config), "APIGW-QUOTA")).toEqual([]);
    httpApi(config).stages.s6 = structuredClone(httpApi(config).stages.prod);
    for (let i = 0; i < 239; i++) httpApi(config).routes[`r${i}`] = { route_key: `GET /r${i}`, target: "integrations/fn", authorization_type: "JWT", authorizer_id: "jwt" };
    expect(hitsOf(lintConfig(config), "APIGW-QUOTA")).toEqual([
      "http_apis.api.routes: 240 routes; the default quota is 300 per HTTP API",
      "http_apis.api.stages: 8 stages; the default quota is 10 per API",
    ]);
  });
});
