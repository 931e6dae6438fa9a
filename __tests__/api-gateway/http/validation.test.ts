import { describe, expect, test } from "vitest";
import { problemLines, warningLines } from "../../support/synth.js";

const FN = "arn:aws:lambda:us-east-1:123456789012:function:api-handler";
const LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/svc/50dc6c495c0c9188/f2f7dc8efc522ab2";
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/87654321-4321-4321-4321-210987654321";

/** A valid config with one API; `patch` edits a deep copy of it. */
function config(patch: (c: any) => void = () => {}): any {
  const c: any = {
    name_prefix: "shop",
    vpc_links: {
      http_link: { subnet_ids: ["subnet-1"], security_group_ids: ["sg-1"] },
      rest_link: { target_arns: ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/nlb/1234567890123456"] },
    },
    http_apis: {
      api_v2: {
        stages: { v2: {} },
        jwt_authorizers: { cognito_auth: { audience: ["client"], issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_X" } },
        lambda_authorizers: { custom_auth: { authorizer_uri: FN } },
        integrations: { lambda_proxy: { integration_type: "AWS_PROXY", integration_uri: FN } },
        routes: { get_users: { route_key: "GET /users", target: "integrations/lambda_proxy", authorization_type: "JWT", authorizer_id: "cognito_auth" } },
      },
    },
    http_api_custom_domains: {
      main: { api_name: "api_v2", domain_name: "api.example.com", domain_name_configuration: { certificate_arn: CERT, endpoint_type: "REGIONAL" } },
    },
  };
  patch(c);
  return c;
}

const api = (c: any) => c.http_apis.api_v2;

describe("config validation: the base config", () => {
  test("is valid", () => {
    expect(problemLines(config())).toEqual([]);
  });
});

describe("config validation: combinations AWS rejects", () => {
  test("an EDGE endpoint on an HTTP API domain (the HCL module example's EDGE domain with mutual TLS)", () => {
    const lines = problemLines(
      config((c) => {
        c.http_api_custom_domains.main.domain_name_configuration.endpoint_type = "EDGE";
        c.http_api_custom_domains.main.mutual_tls_authentication = { truststore_uri: "s3://my-truststore-bucket/truststore.pem", truststore_version: "v1.0" };
      }),
    );
    expect(lines).toEqual([
      'http_api_custom_domains.main.domain_name_configuration.endpoint_type: HTTP APIs support REGIONAL custom domains only (EDGE is for REST APIs); set endpoint_type = "REGIONAL" (mutual TLS works on REGIONAL domains), or put CloudFront in front',
    ]);
  });

  test("mutual TLS on a REGIONAL HTTP API domain is fine", () => {
    expect(problemLines(config((c) => (c.http_api_custom_domains.main.mutual_tls_authentication = { truststore_uri: "s3://bucket/truststore.pem" })))).toEqual([]);
  });

  test("a WAF ACL on an HTTP API", () => {
    expect(problemLines(config((c) => (api(c).waf_acl_arn = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/waf/1234")))).toEqual([
      "http_apis.api_v2.waf_acl_arn: WAF web ACLs cannot be associated with HTTP APIs (AWS attaches WAF to REST API stages, ALBs and CloudFront only); remove waf_acl_arn, or serve the API through CloudFront with the ACL, or make it a rest_apis entry",
    ]);
  });

  test("a VPC_LINK integration using a REST-style (target_arns) link", () => {
    const lines = problemLines(config((c) => (api(c).integrations.private = { integration_type: "HTTP_PROXY", integration_uri: LISTENER, connection_type: "VPC_LINK", connection_id: "rest_link" })));
    expect(lines).toEqual([
      "http_apis.api_v2.integrations.private.connection_id: vpc_links.rest_link is a REST-style link (target_arns, an NLB), which HTTP APIs cannot use; give vpc_links.rest_link subnet_ids and security_group_ids instead of target_arns (an HTTP-style link)",
    ]);
  });

  test("a VPC_LINK integration whose URI is a plain URL", () => {
    const lines = problemLines(config((c) => (api(c).integrations.private = { integration_type: "HTTP_PROXY", integration_uri: "http://svc.internal", connection_type: "VPC_LINK", connection_id: "http_link" })));
    expect(lines).toEqual([
      'http_apis.api_v2.integrations.private.integration_uri: "http://svc.internal" is not a load balancer listener ARN or Cloud Map service ARN, which AWS requires for a VPC_LINK integration; use arn:aws:elasticloadbalancing:<region>:<account>:listener/app|net/<lb>/<id>/<id> or arn:aws:servicediscovery:<region>:<account>:service/srv-<id>',
    ]);
  });

  test("a VPC_LINK integration naming an existing link id, and one naming nothing", () => {
    expect(problemLines(config((c) => (api(c).integrations.private = { integration_type: "HTTP_PROXY", integration_uri: LISTENER, connection_type: "VPC_LINK", connection_id: "abc123" })))).toEqual([]);
    expect(problemLines(config((c) => (api(c).integrations.private = { integration_type: "HTTP_PROXY", integration_uri: LISTENER, connection_type: "VPC_LINK", connection_id: "http_lnk" })))).toEqual([
      'http_apis.api_v2.integrations.private.connection_id: "http_lnk" is neither a vpc_links key nor a VPC link id; did you mean "http_link"?; or use an existing link\'s id (e.g. "abc123")',
    ]);
  });

  test("integration timeouts outside 50..30000 ms", () => {
    expect(problemLines(config((c) => (api(c).integrations.lambda_proxy.timeout_milliseconds = 30001)))).toEqual([
      "http_apis.api_v2.integrations.lambda_proxy.timeout_milliseconds: must be a whole number from 50 to 30000, got 30001; use at most 30000",
    ]);
    expect(problemLines(config((c) => (api(c).integrations.lambda_proxy.timeout_milliseconds = 49)))).toEqual([
      "http_apis.api_v2.integrations.lambda_proxy.timeout_milliseconds: must be a whole number from 50 to 30000, got 49; use at least 50",
    ]);
  });

  test("route keys AWS does not take", () => {
    const keyLine = (routeKey: string) => problemLines(config((c) => (api(c).routes.get_users.route_key = routeKey)))[0];
    expect(keyLine("GET users")).toBe('http_apis.api_v2.routes.get_users.route_key: path "users" must start with "/"; write "METHOD /path" or "$default"');
    expect(keyLine("FETCH /users")).toBe('http_apis.api_v2.routes.get_users.route_key: "FETCH" is not an HTTP method; use one of ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
    expect(keyLine("GET /users/")).toBe('http_apis.api_v2.routes.get_users.route_key: path "/users/" must not end with "/"; write "/users"');
    expect(keyLine("GET /{proxy+}/x")).toBe('http_apis.api_v2.routes.get_users.route_key: greedy parameter {proxy+} must be the last segment of "/{proxy+}/x"; write "METHOD /path" or "$default"');
    expect(keyLine("/users")).toBe('http_apis.api_v2.routes.get_users.route_key: "/users" is not a route key; write "METHOD /path" (e.g. "GET /users/{id}") or "$default"');
    expect(problemLines(config((c) => (api(c).routes.get_users.route_key = "$default")))).toEqual([]);
  });

  test("two routes with the same route key", () => {
    expect(problemLines(config((c) => (api(c).routes.again = { route_key: "GET /users", target: "integrations/lambda_proxy" })))).toEqual([
      'http_apis.api_v2.routes.get_users.route_key: "GET /users" is also the route key of http_apis.api_v2.routes.again; route keys must be unique within an API',
    ]);
  });

  test("names over AWS's lengths", () => {
    expect(problemLines(config((c) => (c.name_prefix = "p".repeat(65))))).toEqual([`name_prefix: "${"p".repeat(65)}" has 65 characters; use at most 64`]);
    expect(problemLines(config((c) => (api(c).jwt_authorizers.cognito_auth.name = "n".repeat(129))))).toEqual([
      `http_apis.api_v2.jwt_authorizers.cognito_auth.name: "${"n".repeat(40)}"… has 129 characters; use at most 128`,
    ]);
    const longKey = "k".repeat(124);
    expect(problemLines(config((c) => Object.assign(c, { http_apis: { [longKey]: { stages: {} } }, http_api_custom_domains: {} })))).toEqual([
      `http_apis.${longKey}: API name "shop-${longKey}" has 129 characters; shorten name_prefix or the key to at most 128 in all`,
    ]);
  });

  test("log retention CloudWatch does not accept", () => {
    expect(problemLines(config((c) => (c.log_retention_days = 10)))).toEqual([
      "log_retention_days: 10 is not an accepted value; use 7 (accepted: 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)",
    ]);
  });

  test("CORS credentials with the origin *", () => {
    expect(problemLines(config((c) => (api(c).cors_configuration = { allow_credentials: true, allow_origins: ["*"] })))).toEqual([
      'http_apis.api_v2.cors_configuration.allow_origins: AWS refuses "*" when allow_credentials is true; list the origins explicitly, or set allow_credentials = false',
    ]);
  });

  test("simple responses with payload format 1.0, and HTTP_PROXY with payload 2.0", () => {
    expect(problemLines(config((c) => Object.assign(api(c).lambda_authorizers.custom_auth, { authorizer_payload_format_version: "1.0", enable_simple_responses: true })))).toEqual([
      'http_apis.api_v2.lambda_authorizers.custom_auth.enable_simple_responses: simple responses need payload format 2.0; set authorizer_payload_format_version = "2.0", or enable_simple_responses = false',
    ]);
    expect(problemLines(config((c) => (api(c).integrations.web = { integration_type: "HTTP_PROXY", integration_uri: "https://example.com", payload_format_version: "2.0" })))).toEqual([
      'http_apis.api_v2.integrations.web.payload_format_version: HTTP_PROXY integrations take payload format 1.0 only; set "1.0" or leave it out',
    ]);
  });

  test("a Lambda integration called with another method than POST", () => {
    expect(problemLines(config((c) => (api(c).integrations.lambda_proxy.integration_method = "GET")))).toEqual([
      'http_apis.api_v2.integrations.lambda_proxy.integration_method: "GET": Lambda functions are invoked with POST; set integration_method = "POST" or leave it out',
    ]);
  });

  test("an access-log destination ending in :*", () => {
    expect(problemLines(config((c) => (api(c).stages.v2.access_log_settings = { destination_arn: "arn:aws:logs:us-east-1:123456789012:log-group:/x:*" })))).toEqual([
      'http_apis.api_v2.stages.v2.access_log_settings.destination_arn: "arn:aws:logs:us-east-1:123456789012:log-group:/x:*" ends with ":*", which API Gateway refuses; write "arn:aws:logs:us-east-1:123456789012:log-group:/x"',
    ]);
  });
});

describe("config validation: cross-references", () => {
  test("a route's authorizer_id that names no authorizer (the contract's example line)", () => {
    expect(problemLines(config((c) => (api(c).routes.get_users.authorizer_id = "cognito")))).toEqual([
      'http_apis.api_v2.routes.get_users.authorizer_id: "cognito" is not defined; defined: cognito_auth, custom_auth',
    ]);
  });

  test("an authorizer of the other kind than authorization_type", () => {
    expect(problemLines(config((c) => (api(c).routes.get_users.authorizer_id = "custom_auth")))).toEqual([
      'http_apis.api_v2.routes.get_users.authorizer_id: "custom_auth" is a lambda_authorizers key, but authorization_type is "JWT"; set authorization_type = "CUSTOM", or name one of jwt_authorizers: cognito_auth',
    ]);
  });

  test("authorization_type JWT or CUSTOM without authorizer_id, and an authorizer_id on an IAM route", () => {
    expect(problemLines(config((c) => delete api(c).routes.get_users.authorizer_id))).toEqual([
      'http_apis.api_v2.routes.get_users.authorizer_id: is required when authorization_type is "JWT"; name one of jwt_authorizers: cognito_auth',
    ]);
    expect(problemLines(config((c) => (api(c).routes.get_users.authorization_type = "AWS_IAM")))).toEqual([
      'http_apis.api_v2.routes.get_users.authorizer_id: is set but authorization_type is "AWS_IAM"; remove authorizer_id, or set authorization_type to "JWT" or "CUSTOM"',
    ]);
  });

  test("authorization_type is inferred from the authorizer's kind when left out", () => {
    expect(problemLines(config((c) => delete api(c).routes.get_users.authorization_type))).toEqual([]);
  });

  test("a route target naming no integration, or not of the form integrations/<key>", () => {
    expect(problemLines(config((c) => (api(c).routes.get_users.target = "integrations/lambda")))).toEqual([
      'http_apis.api_v2.routes.get_users.target: integration "lambda" is not defined; defined: lambda_proxy',
    ]);
    expect(problemLines(config((c) => (api(c).routes.get_users.target = "integrations/lambda_prxy")))).toEqual([
      'http_apis.api_v2.routes.get_users.target: integration "lambda_prxy" is not defined; did you mean "lambda_proxy"?',
    ]);
    expect(problemLines(config((c) => (api(c).routes.get_users.target = "lambda_proxy")))).toEqual([
      'http_apis.api_v2.routes.get_users.target: "lambda_proxy" is not of the form "integrations/<key>"; write "integrations/lambda_proxy"',
    ]);
  });

  test("a domain's api_name and api_mapping.stage", () => {
    expect(problemLines(config((c) => (c.http_api_custom_domains.main.api_name = "api_v3")))).toEqual([
      'http_api_custom_domains.main.api_name: "api_v3" is not defined; did you mean "api_v2"?',
    ]);
    expect(problemLines(config((c) => (c.http_api_custom_domains.main.api_mapping = { stage: "prod" })))).toEqual([
      'http_api_custom_domains.main.api_mapping.stage: "prod" is not a stage of http_apis.api_v2; stages: v2',
    ]);
    expect(problemLines(config((c) => (api(c).stages = { a: {}, b: {} })))).toEqual([
      "http_api_custom_domains.main.api_mapping: is required: http_apis.api_v2 has 2 stages; set api_mapping = { stage = ... } with one of: a, b",
    ]);
  });

  test("route_settings naming no route", () => {
    expect(problemLines(config((c) => (api(c).stages.v2.route_settings = { get_user: { throttling_rate_limit: 5 } })))).toEqual([
      'http_apis.api_v2.stages.v2.route_settings.get_user: "get_user" is not a route of http_apis.api_v2; did you mean "get_users"?',
    ]);
    expect(problemLines(config((c) => (api(c).stages.v2.route_settings = { "GET /users": { throttling_rate_limit: 5 } })))).toEqual([]);
  });

  test("a Lambda URI that is not a function ARN", () => {
    expect(problemLines(config((c) => (api(c).integrations.lambda_proxy.integration_uri = "arn:aws:lambda:us-east-1:123:function:x")))).toEqual([
      'http_apis.api_v2.integrations.lambda_proxy.integration_uri: "arn:aws:lambda:us-east-1:123:function:x" is not a valid Lambda function ARN; use arn:aws:lambda:<region>:<12-digit account>:function:<name>[:alias]',
    ]);
  });
});

describe("config validation: structure", () => {
  test("unknown keys get a did-you-mean, wrong types and enums say what is allowed, all at once", () => {
    const lines = problemLines(
      config((c) => {
        api(c).descripton = "typo";
        api(c).stages.v2.auto_deploy = "yes";
        api(c).integrations.lambda_proxy.integration_type = "LAMBDA";
        delete api(c).routes.get_users.route_key;
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'http_apis.api_v2.descripton: unknown key; did you mean "description"?',
        'http_apis.api_v2.stages.v2.auto_deploy: must be true or false, got string "yes"; write true or false, without quotes',
        'http_apis.api_v2.integrations.lambda_proxy.integration_type: "LAMBDA" is not allowed; use one of: AWS_PROXY, HTTP_PROXY',
        "http_apis.api_v2.routes.get_users.route_key: is required; set it",
      ]),
    );
    expect(lines).toHaveLength(4);
  });

  test("null means unset, as in Terraform", () => {
    expect(problemLines(config((c) => Object.assign(c, { log_kms_key_id: null, common_tags: null })))).toEqual([]);
  });

  test("a VPC link that is neither HTTP-style nor REST-style", () => {
    expect(problemLines(config((c) => (c.vpc_links.broken = { subnet_ids: ["subnet-1"] })))).toEqual(["vpc_links.broken.security_group_ids: is required; set it"]);
  });
});

describe("config validation: warnings", () => {
  test("execution-log settings on HTTP API routes are accepted and reported per path", () => {
    const c = config((c) => {
      api(c).stages.v2.default_route_settings = { logging_level: "INFO", throttling_rate_limit: 10 };
      api(c).stages.v2.route_settings = { get_users: { data_trace_enabled: true } };
    });
    expect(problemLines(c)).toEqual([]);
    expect(warningLines(c)).toEqual([
      "http_apis.api_v2.stages.v2.route_settings.get_users.data_trace_enabled: ignored: HTTP APIs have no data trace logging (REST and WebSocket APIs do), and AWS rejects the setting",
      "http_apis.api_v2.stages.v2.default_route_settings.logging_level: ignored: HTTP APIs have no execution logs (REST and WebSocket APIs do), and AWS rejects the setting",
    ]);
  });
});
