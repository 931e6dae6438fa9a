import { describe, expect, test } from "vitest";
import { problemLines, warningLines } from "../../support/synth.js";
import { CERT_EU_WEST_1, CERT_US_EAST_1, FN, orders, restConfig, WAF } from "./support.js";

const lines = (patch: (c: any) => void) => problemLines(restConfig(patch));
const warnings = (patch: (c: any) => void) => warningLines(restConfig(patch));
const domain = (c: any) => c.rest_api_custom_domains.main;

describe("REST config validation: the base config", () => {
  test("is valid, with no warnings", () => {
    expect(problemLines(restConfig())).toEqual([]);
    expect(warningLines(restConfig())).toEqual([]);
  });
});

describe("REST config validation: methods or an OpenAPI body", () => {
  test("neither is an error at the API, naming both fixes", () => {
    expect(lines((c) => delete orders(c).methods)).toEqual([
      'rest_apis.orders: has neither methods nor openapi_spec, and AWS refuses to deploy a REST API without methods ("The REST API doesn\'t contain any methods"); add methods (e.g. methods = { health = { path = "/health", http_method = "GET", integration = { type = "MOCK" } } }), or give the API\'s OpenAPI definition as openapi_spec',
    ]);
  });

  test("both together is an error at the API", () => {
    expect(lines((c) => (orders(c).openapi_spec = '{"openapi":"3.0.1","paths":{}}'))).toEqual([
      "rest_apis.orders: has both methods and openapi_spec; the OpenAPI body would replace the methods on every apply; keep one: move the methods into the OpenAPI definition, or remove openapi_spec",
    ]);
  });

  test("an OpenAPI body that does not parse, has no version, or no operations", () => {
    const spec = (value: unknown) => lines((c) => {
      delete orders(c).methods;
      delete orders(c).authorizers;
      orders(c).openapi_spec = value;
    });
    expect(spec("openapi: [unclosed")[0]).toMatch(/^rest_apis\.orders\.openapi_spec: is neither JSON nor YAML \(.+\); give the definition as jsonencode/);
    expect(spec('{"info":{}}')).toEqual(['rest_apis.orders.openapi_spec: has no "openapi" (3.x) or "swagger": "2.0" version; give an OpenAPI 3 or Swagger 2 definition']);
    expect(spec({ openapi: "3.0.1", paths: {} })).toEqual([
      "rest_apis.orders.openapi_spec: defines no operations, and AWS refuses to deploy a REST API without methods; add paths with operations and x-amazon-apigateway-integration",
    ]);
    expect(spec({ openapi: "3.0.1", paths: { "/x": { get: { "x-amazon-apigateway-integration": { type: "aws_proxy", uri: "arn:aws:lambda:us-east-1:123:function:x" } } } } })).toEqual([
      'rest_apis.orders.openapi_spec: paths["/x"].get x-amazon-apigateway-integration uri: "arn:aws:lambda:us-east-1:123:function:x" is not a valid Lambda function ARN; use arn:aws:lambda:<region>:<12-digit account>:function:<name>[:alias]',
    ]);
  });

  test("authorizers and models beside an OpenAPI body", () => {
    expect(
      lines((c) => {
        delete orders(c).methods;
        orders(c).openapi_spec = { openapi: "3.0.1", paths: { "/x": { get: { "x-amazon-apigateway-integration": { type: "mock" } } } } };
      }),
    ).toEqual([
      "rest_apis.orders.authorizers: cannot be combined with openapi_spec: importing the body replaces authorizers it does not define; define them in the OpenAPI document (securitySchemes with x-amazon-apigateway-authorizer)",
    ]);
  });
});

describe("REST config validation: combinations AWS rejects", () => {
  test("a PRIVATE API without a resource policy", () => {
    expect(
      lines((c) => {
        orders(c).endpoint_configuration = { types: ["PRIVATE"], vpc_endpoint_ids: ["vpce-12345678"] };
        delete c.rest_api_custom_domains;
      }),
    ).toEqual([
      'rest_apis.orders.policy: is required for a PRIVATE API: without a resource policy nobody can invoke it, and AWS refuses to deploy it; add a policy that allows "execute-api:Invoke" from your VPC endpoints (condition aws:SourceVpce)',
    ]);
  });

  test("a public custom domain for a PRIVATE API", () => {
    expect(
      lines((c) => {
        orders(c).endpoint_configuration = { types: ["PRIVATE"] };
        orders(c).policy = { Version: "2012-10-17", Statement: [] };
      }),
    ).toEqual([
      "rest_api_custom_domains.main.api_name: rest_apis.orders is PRIVATE, and public custom domains cannot serve private APIs; map an EDGE or REGIONAL API, or reach the private API through its VPC endpoint",
    ]);
  });

  test("mutual TLS on an EDGE domain", () => {
    expect(
      lines((c) => {
        domain(c).endpoint_configuration = { types: ["EDGE"] };
        domain(c).certificate_arn = CERT_US_EAST_1;
        delete domain(c).regional_certificate_arn;
        domain(c).mutual_tls_authentication = { truststore_uri: "s3://bucket/truststore.pem" };
      }),
    ).toEqual([
      'rest_api_custom_domains.main.mutual_tls_authentication: mutual TLS needs a REGIONAL domain; AWS refuses it on EDGE domains; set endpoint_configuration = { types = ["REGIONAL"] } with regional_certificate_arn (a certificate in the API\'s region), or remove mutual_tls_authentication',
    ]);
  });

  test("mutual TLS on a REGIONAL domain is fine, with TLS 1.2 only", () => {
    expect(lines((c) => (domain(c).mutual_tls_authentication = { truststore_uri: "s3://bucket/truststore.pem" }))).toEqual([]);
    expect(
      lines((c) => {
        domain(c).mutual_tls_authentication = { truststore_uri: "s3://bucket/truststore.pem" };
        domain(c).security_policy = "TLS_1_0";
      }),
    ).toEqual(['rest_api_custom_domains.main.security_policy: mutual TLS needs TLS_1_2; set security_policy = "TLS_1_2"']);
  });

  test("an EDGE domain whose certificate is not in us-east-1", () => {
    expect(
      lines((c) => {
        domain(c).endpoint_configuration = { types: ["EDGE"] };
        domain(c).certificate_arn = CERT_EU_WEST_1;
        delete domain(c).regional_certificate_arn;
      }),
    ).toEqual([
      "rest_api_custom_domains.main.certificate_arn: the certificate is in eu-west-1, and an EDGE domain's certificate must be in us-east-1 (CloudFront serves it); request or import the certificate in us-east-1, or make the domain REGIONAL with regional_certificate_arn",
    ]);
  });

  test("the certificate field of the other endpoint type", () => {
    expect(
      lines((c) => {
        domain(c).certificate_arn = CERT_US_EAST_1;
        delete domain(c).regional_certificate_arn;
      }),
    ).toEqual([
      "rest_api_custom_domains.main.certificate_arn: is for EDGE domains, and this one is REGIONAL; use regional_certificate_arn (in the API's region)",
      "rest_api_custom_domains.main.regional_certificate_arn: is required for a REGIONAL domain unless create_certificate = true; give an ACM certificate ARN in the API's region (certificate_arn is for EDGE domains), or set create_certificate = true with route53_zone_id",
    ]);
  });

  test("a method whose authorizer's type does not match its authorization", () => {
    expect(lines((c) => (orders(c).methods.get.authorization = "COGNITO_USER_POOLS"))).toEqual([
      'rest_apis.orders.methods.get.authorizer_id: "token_auth" is a TOKEN authorizer, but authorization is "COGNITO_USER_POOLS"; set authorization = "CUSTOM", or name a COGNITO_USER_POOLS authorizer: pool',
    ]);
    expect(
      lines((c) => {
        orders(c).methods.get.authorization = "CUSTOM";
        orders(c).methods.get.authorizer_id = "pool";
      }),
    ).toEqual(['rest_apis.orders.methods.get.authorizer_id: "pool" is a COGNITO_USER_POOLS authorizer, but authorization is "CUSTOM"; set authorization = "COGNITO_USER_POOLS", or name a TOKEN or REQUEST authorizer: token_auth']);
  });

  test("cache sizes AWS does not offer", () => {
    expect(
      lines((c) => {
        orders(c).stages.prod.cache_cluster_enabled = true;
        orders(c).stages.prod.cache_cluster_size = "2";
      }),
    ).toEqual(['rest_apis.orders.stages.prod.cache_cluster_size: "2" is not a cache size AWS offers; use one of 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237 (GB), e.g. "1.6"']);
  });

  test("a usage plan stage that does not exist", () => {
    expect(lines((c) => (orders(c).usage_plans.basic.api_stages = [{ stage: "production" }]))).toEqual([
      'rest_apis.orders.usage_plans.basic.api_stages.0.stage: "production" is not a stage of rest_apis.orders; stages: prod',
    ]);
  });

  test("a VPC_LINK integration using an HTTP-style (v2) link", () => {
    expect(lines((c) => (orders(c).methods.get.integration = { type: "HTTP_PROXY", uri: "http://svc.internal", connection_type: "VPC_LINK", connection_id: "http_link" }))).toEqual([
      "rest_apis.orders.methods.get.integration.connection_id: vpc_links.http_link is an HTTP-style link (subnet_ids, security_group_ids: API Gateway v2); REST integrations need a v1 VPC link to a Network Load Balancer, and the AWS provider 5.100 cannot point a REST integration at a v2 link; add a REST-style vpc_links entry with target_arns = [<NLB ARN>] and name it in connection_id",
    ]);
  });

  test("a VPC_LINK integration using a REST-style link, or an existing link id, is fine", () => {
    expect(lines((c) => (orders(c).methods.get.integration = { type: "HTTP_PROXY", uri: "http://svc.internal", connection_type: "VPC_LINK", connection_id: "nlb_link" }))).toEqual([]);
    expect(lines((c) => (orders(c).methods.get.integration = { type: "HTTP_PROXY", uri: "http://svc.internal", connection_type: "VPC_LINK", connection_id: "abc123" }))).toEqual([]);
  });

  test("a WAF web ACL of CloudFront scope, or not a WAFv2 ARN", () => {
    expect(lines((c) => (orders(c).waf_acl_arn = WAF.replace("regional", "global")))).toEqual([
      "rest_apis.orders.waf_acl_arn: is a CloudFront (global) web ACL; API Gateway stages take web ACLs of REGIONAL scope; create the web ACL with scope REGIONAL in the API's region",
    ]);
    expect(lines((c) => (orders(c).waf_acl_arn = "arn:aws:waf-regional:us-east-1:123456789012:webacl/1234"))[0]).toMatch(/^rest_apis\.orders\.waf_acl_arn: "arn:aws:waf-regional:.*" is not a WAFv2 web ACL ARN; /);
  });

  test("a key used by a REST and an HTTP API", () => {
    expect(lines((c) => (c.http_apis = { orders: { stages: { v1: {} } } }))).toEqual([
      'rest_apis.orders: "orders" is also an http_apis key; both would name the same Lambda permissions, log groups and summary entries; rename one of them',
    ]);
  });
});

describe("REST config validation: cross-references", () => {
  test("authorizer_id that is not defined, missing, or beside NONE", () => {
    expect(lines((c) => (orders(c).methods.get.authorizer_id = "token_aut"))).toEqual(['rest_apis.orders.methods.get.authorizer_id: "token_aut" is not defined; did you mean "token_auth"?']);
    expect(lines((c) => (orders(c).methods.list.authorization = "CUSTOM"))).toEqual(['rest_apis.orders.methods.list.authorizer_id: is required when authorization is "CUSTOM"; name a TOKEN or REQUEST authorizer: token_auth']);
    expect(lines((c) => (orders(c).methods.get.authorization = "NONE"))).toEqual([
      'rest_apis.orders.methods.get.authorizer_id: is set but authorization is "NONE"; remove authorizer_id, or set authorization to "CUSTOM" or "COGNITO_USER_POOLS"',
    ]);
  });

  test("authorization scopes without Cognito", () => {
    expect(lines((c) => (orders(c).methods.get.authorization_scopes = ["orders/read"]))).toEqual([
      'rest_apis.orders.methods.get.authorization_scopes: apply to COGNITO_USER_POOLS authorization only, and this method\'s is "CUSTOM"; remove them, or use a Cognito authorizer',
    ]);
  });

  test("models named in methods and responses", () => {
    expect(lines((c) => (orders(c).methods.get.request_models = { "application/json": "Order" }))).toEqual([
      'rest_apis.orders.methods.get.request_models.application/json: model "Order" is not defined; models: Empty, Error',
    ]);
    expect(lines((c) => (orders(c).models = { "bad name": { name: "Bad-Name", schema: "{}" } }))).toEqual([
      'rest_apis.orders.models.bad name.name: "Bad-Name" is not a model name AWS takes; use letters and digits only, such as UserInput',
    ]);
    expect(lines((c) => (orders(c).models = { order: { schema: "{not json" } }))[0]).toMatch(/^rest_apis\.orders\.models\.order\.schema: is not valid JSON \(.+\); give the JSON Schema as jsonencode/);
  });

  test("usage plan keys and throttle paths", () => {
    expect(lines((c) => (orders(c).usage_plans.basic.api_keys = ["partnr"]))).toEqual(['rest_apis.orders.usage_plans.basic.api_keys.0: "partnr" is not defined; did you mean "partner"?']);
    expect(lines((c) => (orders(c).usage_plans.basic.api_stages = [{ stage: "prod", throttle: { path: "/order/GET", rate_limit: 1 } }]))).toEqual([
      'rest_apis.orders.usage_plans.basic.api_stages.0.throttle.path: "/order" is not a resource path of rest_apis.orders; did you mean "/orders"?',
    ]);
    expect(lines((c) => (orders(c).usage_plans.basic.api_stages = [{ stage: "prod", throttle: { path: "orders", rate_limit: 1 } }]))).toEqual([
      'rest_apis.orders.usage_plans.basic.api_stages.0.throttle.path: "orders" is not a method path; write "<resource path>/<METHOD>", e.g. "/pets/GET", "/partner/*" for every method of /partner, or "/*/*"',
    ]);
    expect(lines((c) => (orders(c).usage_plans.basic.api_stages = [{ stage: "prod", throttle: { path: "/orders/*", rate_limit: 1 } }]))).toEqual([]);
  });

  test("base path mappings name stages of the API", () => {
    expect(lines((c) => (domain(c).base_path_mappings = { stage_name: "live" }))).toEqual([
      'rest_api_custom_domains.main.base_path_mappings.stage_name: "live" is not a stage of rest_apis.orders; stages: prod',
    ]);
    expect(lines((c) => (domain(c).base_path_mappings = { v1: { stage_name: "prod", base_path: "v1" }, again: { stage_name: "prod", base_path: "v1" } }))).toEqual([
      'rest_api_custom_domains.main.base_path_mappings.v1.base_path: "v1" is mapped twice on api.example.com; give it another base_path than rest_api_custom_domains.main.base_path_mappings.again\'s',
    ]);
    expect(
      lines((c) => {
        orders(c).stages.beta = {};
      }),
    ).toEqual(["rest_api_custom_domains.main.base_path_mappings: is required: rest_apis.orders has 2 stages; set base_path_mappings = { stage_name = ... } with one of: prod, beta"]);
    expect(lines((c) => (domain(c).api_name = "order"))).toEqual(['rest_api_custom_domains.main.api_name: "order" is not defined; did you mean "orders"?']);
  });
});

describe("REST config validation: methods and integrations", () => {
  test("paths AWS refuses, and paths that clash", () => {
    expect(lines((c) => (orders(c).methods.get.path = "/orders/{id+}/items"))).toEqual([
      'rest_apis.orders.methods.get.path: greedy parameter {id+} must be the last segment of "/orders/{id+}/items"; move it to the end, or drop the +',
    ]);
    expect(lines((c) => (orders(c).methods.get.path = "orders"))).toEqual(['rest_apis.orders.methods.get.path: "orders" must start with "/"; write "/orders"']);
    expect(lines((c) => (orders(c).methods.put = { path: "/orders/{orderId}", http_method: "PUT", integration: { type: "MOCK" } }))).toEqual([
      "rest_apis.orders.methods.put.path: {orderId} and {id} are both parameters under one parent; AWS allows one parameter per level; use one name for both, e.g. {id}",
    ]);
    expect(lines((c) => (orders(c).methods.again = { path: "/orders", http_method: "GET", integration: { type: "MOCK" } }))).toEqual([
      "rest_apis.orders.methods.list.http_method: GET /orders is also methods.again; a path takes each HTTP method once",
    ]);
  });

  test("integration URIs and methods by type", () => {
    expect(lines((c) => (orders(c).methods.get.integration = { type: "AWS_PROXY" }))).toEqual(["rest_apis.orders.methods.get.integration.uri: is required for a AWS_PROXY integration; give the Lambda function ARN"]);
    expect(lines((c) => (orders(c).methods.get.integration = { type: "AWS_PROXY", uri: "arn:aws:lambda:us-east-1:123:function:x" }))).toEqual([
      'rest_apis.orders.methods.get.integration.uri: "arn:aws:lambda:us-east-1:123:function:x" is not a valid Lambda function ARN; use arn:aws:lambda:<region>:<12-digit account>:function:<name>[:alias]',
    ]);
    expect(lines((c) => (orders(c).methods.get.integration = { type: "AWS_PROXY", uri: FN, http_method: "GET" }))).toEqual([
      'rest_apis.orders.methods.get.integration.http_method: "GET": Lambda functions are invoked with POST; set http_method = "POST" or leave it out',
    ]);
    expect(lines((c) => (orders(c).methods.get.integration = { type: "HTTP", uri: "svc.internal/x" }))).toEqual([
      'rest_apis.orders.methods.get.integration.uri: "svc.internal/x" is not an http(s) URL; use https://host/path (with VPC_LINK, the URL the Network Load Balancer serves)',
    ]);
    expect(lines((c) => (orders(c).methods.get.integration = { type: "MOCK", uri: "https://x.example.com" }))).toEqual([
      "rest_apis.orders.methods.get.integration.uri: is not used by a MOCK integration (API Gateway answers itself); remove it, or pick another type",
    ]);
    expect(lines((c) => (orders(c).methods.get.integration = { type: "AWS", uri: "arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue" }))).toEqual([
      "rest_apis.orders.methods.get.integration.credentials: is required for an AWS service integration; give the ARN of a role API Gateway can assume to call the service",
    ]);
    expect(lines((c) => (orders(c).methods.get.integration = { type: "AWS_PROXY", uri: FN, connection_type: "VPC_LINK", connection_id: "nlb_link" }))).toEqual([
      'rest_apis.orders.methods.get.integration.connection_type: VPC_LINK applies to HTTP and HTTP_PROXY integrations, and this one is AWS_PROXY; remove connection_type, or use type = "HTTP_PROXY"',
    ]);
    expect(lines((c) => (orders(c).methods.get.integration = { type: "HTTP_PROXY", uri: "http://svc.internal", connection_type: "VPC_LINK", connection_id: "nlb_lnk" }))).toEqual([
      'rest_apis.orders.methods.get.integration.connection_id: "nlb_lnk" is neither a vpc_links key nor a VPC link id; did you mean "nlb_link"?; or use an existing v1 link\'s id',
    ]);
  });

  test("cache keys must be declared request parameters", () => {
    expect(lines((c) => (orders(c).methods.get.integration.cache_key_parameters = ["method.request.path.id"]))).toEqual([
      'rest_apis.orders.methods.get.integration.cache_key_parameters.0: "method.request.path.id" is not declared in the method\'s request_parameters, and AWS keys the cache on declared parameters only; add "method.request.path.id" to request_parameters (true if required, false if optional)',
    ]);
  });

  test("responses: status codes, integration responses of proxy integrations, two defaults", () => {
    expect(lines((c) => (orders(c).methods.get.responses = { ok: {} }))).toEqual(['rest_apis.orders.methods.get.responses.ok: "ok" is not an HTTP status code; key responses by status code, e.g. "200" or "404"']);
    expect(lines((c) => (orders(c).methods.get.responses = { "200": { integration_response: {} } }))).toEqual([
      "rest_apis.orders.methods.get.responses.200.integration_response: is not used by a AWS_PROXY integration, which passes the backend's response through; remove it, or use a non-proxy integration type (AWS, HTTP)",
    ]);
    expect(lines((c) => (orders(c).methods.get.integration = { type: "MOCK" }) && (orders(c).methods.get.responses = { "200": {}, "404": {} }))).toEqual([
      "rest_apis.orders.methods.get.responses: 200 and 404 are all default integration responses (no selection_pattern); give all but one an integration_response.selection_pattern",
    ]);
  });

  test("authorizers: Lambda ones need a URI, Cognito ones user pools", () => {
    expect(lines((c) => delete orders(c).authorizers.token_auth.authorizer_uri)).toEqual(["rest_apis.orders.authorizers.token_auth.authorizer_uri: is required for a TOKEN authorizer; give the Lambda function ARN"]);
    expect(lines((c) => (orders(c).authorizers.pool.provider_arns = []))).toEqual([
      "rest_apis.orders.authorizers.pool.provider_arns: is required for a COGNITO_USER_POOLS authorizer; list the user pool ARNs (arn:aws:cognito-idp:<region>:<account>:userpool/<pool id>)",
    ]);
    expect(lines((c) => (orders(c).authorizers.token_auth.identity_source = "method.request.header.A,method.request.header.B"))).toEqual([
      'rest_apis.orders.authorizers.token_auth.identity_source: "method.request.header.A,method.request.header.B": a TOKEN authorizer reads one request header; use method.request.header.Authorization',
    ]);
  });
});

describe("REST config validation: CORS", () => {
  test("an OPTIONS method where CORS adds the preflight", () => {
    expect(
      lines((c) => {
        orders(c).cors_configuration = { allow_origins: ["https://app.example.com"] };
        orders(c).methods.preflight = { path: "/orders", http_method: "OPTIONS", integration: { type: "MOCK" } };
      }),
    ).toEqual(["rest_apis.orders.methods.preflight.http_method: OPTIONS /orders is the preflight method cors_configuration adds; remove this method, or remove cors_configuration and answer preflights yourself"]);
  });

  test("no origins, and credentials with every origin", () => {
    expect(lines((c) => (orders(c).cors_configuration = {}))).toEqual([
      'rest_apis.orders.cors_configuration.allow_origins: is required for a REST API\'s CORS answers; list the origins browsers call from, e.g. ["https://app.example.com"], or ["*"]',
    ]);
    expect(lines((c) => (orders(c).cors_configuration = { allow_origins: ["*"], allow_credentials: true }))).toEqual([
      'rest_apis.orders.cors_configuration.allow_origins: browsers refuse "*" when allow_credentials is true; list the origins explicitly, or set allow_credentials = false',
    ]);
  });
});

describe("REST config validation: API and stage settings", () => {
  test("endpoint configuration, media types, policy", () => {
    expect(lines((c) => (orders(c).endpoint_configuration = { types: ["EDGE", "REGIONAL"] }))).toEqual([
      'rest_apis.orders.endpoint_configuration.types: lists 2 endpoint types; AWS takes exactly one; give one of "EDGE", "REGIONAL", "PRIVATE"',
    ]);
    expect(lines((c) => (orders(c).endpoint_configuration = { types: ["REGIONAL"], vpc_endpoint_ids: ["vpce-12345678"] }))).toEqual([
      'rest_apis.orders.endpoint_configuration.vpc_endpoint_ids: apply to PRIVATE APIs only, and this one is REGIONAL; set types = ["PRIVATE"], or remove vpc_endpoint_ids',
    ]);
    expect(lines((c) => (orders(c).binary_media_types = ["png"]))).toEqual(['rest_apis.orders.binary_media_types.0: "png" is not a media type; use type/subtype, e.g. "image/png" or "*/*"']);
    expect(lines((c) => (orders(c).policy = "{not json"))[0]).toMatch(/^rest_apis\.orders\.policy: is not valid JSON \(.+\); give the resource policy as jsonencode/);
  });

  test("stage cache keys belong to methods", () => {
    expect(lines((c) => (orders(c).stages.prod.throttle_settings = { cache_key_parameters: ["method.request.querystring.id"] }))).toEqual([
      "rest_apis.orders.stages.prod.throttle_settings.cache_key_parameters: cache keys are set per method in AWS, not per stage (ignoring them would cache one response for every key); move them to methods.<key>.integration.cache_key_parameters, and declare each in that method's request_parameters",
    ]);
  });

  test("access-log destinations", () => {
    expect(lines((c) => (orders(c).stages.prod.access_log_settings = { destination_arn: "arn:aws:s3:::logs" }))).toEqual([
      'rest_apis.orders.stages.prod.access_log_settings.destination_arn: "arn:aws:s3:::logs" is not a CloudWatch log group ARN or a Firehose stream named amazon-apigateway-*; use arn:aws:logs:<region>:<account>:log-group:<name>',
    ]);
  });

  test("the account CloudWatch role switch", () => {
    expect(lines((c) => (c.api_gateway_account = { cloudwatch_role: "existing" }))).toEqual([
      'api_gateway_account.cloudwatch_role_arn: is required when cloudwatch_role is "existing"; give the ARN of a role API Gateway can assume (with AmazonAPIGatewayPushToCloudWatchLogs)',
    ]);
    expect(lines((c) => (c.api_gateway_account = { cloudwatch_role_arn: "arn:aws:iam::123456789012:role/apigw" }))).toEqual([
      'api_gateway_account.cloudwatch_role_arn: is set but cloudwatch_role is "create"; set cloudwatch_role = "existing", or remove cloudwatch_role_arn',
    ]);
    expect(lines((c) => (c.api_gateway_account = { cloudwatch_role: "crate" }))).toEqual(['api_gateway_account.cloudwatch_role: "crate" is not allowed; did you mean "create"?']);
  });
});

describe("REST config warnings", () => {
  test("caching on authorized methods whose cache key holds no caller identity, at the stage's path", () => {
    const cached = (c: any) => {
      orders(c).stages.prod.cache_cluster_enabled = true;
      orders(c).stages.prod.throttle_settings = { caching_enabled: true };
    };
    expect(problemLines(restConfig(cached))).toEqual([]);
    expect(warnings(cached)).toEqual([
      "rest_apis.orders.stages.prod: caching is on, and methods that require authorization (get) have no caller identity in their cache key, so one caller's cached response is served to another",
    ]);
    expect(
      warnings((c) => {
        cached(c);
        orders(c).methods.get.request_parameters = { "method.request.header.Authorization": true };
        orders(c).methods.get.integration.cache_key_parameters = ["method.request.header.Authorization"];
      }),
    ).toEqual([]);
  });

  test("cache settings that do nothing", () => {
    expect(warnings((c) => (orders(c).stages.prod.cache_cluster_size = "0.5"))).toEqual(["rest_apis.orders.stages.prod.cache_cluster_size: ignored: cache_cluster_enabled is not true"]);
    expect(warnings((c) => (orders(c).stages.prod.throttle_settings = { caching_enabled: true }))).toEqual(["rest_apis.orders.stages.prod.throttle_settings.caching_enabled: has no effect: the stage has no cache cluster"]);
  });
});
