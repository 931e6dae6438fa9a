import { describe, expect, test } from "vitest";
import { problemLines, warningLines } from "../support/synth.js";
import { httpEnvironment, restEnvironment } from "./fixtures.js";

describe("application section: every problem at its config path, with the fix", () => {
  test("a valid section has no problems", () => {
    expect(problemLines(httpEnvironment())).toEqual([]);
    expect(problemLines(restEnvironment())).toEqual([]);
  });

  test("the API to mount on: missing, unknown (did-you-mean), both", () => {
    const none = httpEnvironment();
    delete none.application.http_api;
    expect(problemLines(none)).toEqual(['application: names no API to mount the handlers on; set http_api = "<http_apis key>" or rest_api = "<rest_apis key>"']);
    expect(problemLines(httpEnvironment({ http_api: "publik" }))).toEqual(['application.http_api: "publik" is not a http_apis key; did you mean "public"?']);
    expect(problemLines(httpEnvironment({ rest_api: "public" }))).toEqual(["application: names both http_api and rest_api; mount the handlers on one API: keep one of them"]);
  });

  test("unknown keys at every level get a did-you-mean", () => {
    expect(problemLines(httpEnvironment({ handler: ["health"], lambda: { memory_sise: 256 }, authorizer: { issuer: "https://i.example.com", audiences: ["a"], audience: ["b"] } }))).toEqual([
      'application.handler: unknown key; did you mean "handlers"?',
      'application.authorizer.audience: unknown key; did you mean "audiences"?',
      'application.lambda.memory_sise: unknown key; did you mean "memory_size"?',
    ]);
  });

  test("catalog and orders need the authorizer; an unneeded one is a warning", () => {
    expect(problemLines(httpEnvironment({ authorizer: undefined }))).toEqual([
      'application.authorizer: is required: catalog and orders take tenant and role only from the JWT authorizer; set authorizer = { issuer = "https://...", audiences = ["<app client id>"] }, add an identity section, or deploy only handlers = ["health"]',
    ]);
    const healthOnly = httpEnvironment({ handlers: ["health"] });
    expect(problemLines(healthOnly)).toEqual([]);
    expect(warningLines(healthOnly)).toEqual(["application.authorizer: is set but no deployed handler needs it (only catalog and orders do)"]);
  });

  test("authorizer values: https issuer and JWKS, at least one audience, no commas, TTL range", () => {
    expect(
      problemLines(httpEnvironment({ authorizer: { issuer: "http://issuer.example.com", audiences: [], jwks_uri: "http://127.0.0.1/jwks.json", result_ttl_in_seconds: 7200 } })),
    ).toEqual([
      'application.authorizer.issuer: "http://issuer.example.com" is not an https URL; use an https:// URL, e.g. https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
      'application.authorizer.audiences: must list at least 1, got 0; list the accepted aud values or Cognito app client ids, e.g. ["4example0client0id"]',
      'application.authorizer.jwks_uri: "http://127.0.0.1/jwks.json" is not an https URL; use an https:// URL (the authorizer refuses plain http outside loopback)',
      "application.authorizer.result_ttl_in_seconds: must be a whole number from 0 to 3600, got 7200; use at most 3600",
    ]);
    expect(problemLines(httpEnvironment({ authorizer: { issuer: "https://i.example.com", audiences: ["a,b"] } }))).toEqual([
      'application.authorizer.audiences[0]: "a,b" is not valid; list each audience as its own entry (JWT_AUDIENCE separates them with commas)',
    ]);
  });

  test("handlers: unknown names, duplicates, empty list", () => {
    expect(problemLines(httpEnvironment({ handlers: ["health", "helth", "orders", "orders"] }))).toEqual([
      'application.handlers[1]: "helth" is not allowed; did you mean "health"?',
      'application.handlers: lists "orders" more than once; choose from health, catalog, orders, each once, or leave it out for all of them',
    ]);
    expect(problemLines(httpEnvironment({ handlers: [] }))).toEqual(["application.handlers: must list at least 1, got 0; choose from health, catalog, orders, each once, or leave it out for all of them"]);
  });

  test("lambda settings: ranges, log retention CloudWatch accepts, reserved and invalid variable names", () => {
    expect(
      problemLines(
        httpEnvironment({
          lambda: {
            memory_size: 64,
            timeout: 30,
            log_retention_days: 10,
            log_level: "verbose",
            environment_variables: { TABLE_NAME: "x", AWS_REGION: "y", "bad-name": "z", RATE_LIMIT_BASIC: "1/1/1", UPSTREAM: 5 },
          },
        }),
      ),
    ).toEqual([
      "application.lambda.memory_size: must be a whole number from 128 to 10240, got 64; use at least 128",
      "application.lambda.log_retention_days: 10 is not an accepted value; use 7 (accepted: 0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)",
      'application.lambda.log_level: "verbose" is not allowed; use one of: debug, error, fatal, info, silent, trace, warn',
      'application.lambda.environment_variables.bad-name: key "bad-name" has characters that are not allowed; use letters, digits and _, starting with a letter',
      "application.lambda.environment_variables.UPSTREAM: must be a string, got number 5; write it as a string",
      "application.lambda.environment_variables.AWS_REGION: is reserved by the Lambda runtime; choose another name",
      "application.lambda.environment_variables.RATE_LIMIT_BASIC: is set by the stack from the application section; use the matching application setting instead (authorizer, tables, rate_limits, lambda.log_level)",
      "application.lambda.environment_variables.TABLE_NAME: is set by the stack from the application section; use the matching application setting instead (authorizer, tables, rate_limits, lambda.log_level)",
    ]);
    expect(problemLines(httpEnvironment({ lambda: { environment_variables: { TABLE_NAME: "x", AWS_REGION: "y", "bad-name": "z", RATE_LIMIT_BASIC: "1/1/1" } } }))).toEqual([
      'application.lambda.environment_variables.bad-name: key "bad-name" has characters that are not allowed; use letters, digits and _, starting with a letter',
      "application.lambda.environment_variables.AWS_REGION: is reserved by the Lambda runtime; choose another name",
      "application.lambda.environment_variables.RATE_LIMIT_BASIC: is set by the stack from the application section; use the matching application setting instead (authorizer, tables, rate_limits, lambda.log_level)",
      "application.lambda.environment_variables.TABLE_NAME: is set by the stack from the application section; use the matching application setting instead (authorizer, tables, rate_limits, lambda.log_level)",
    ]);
  });

  test("a timeout longer than the API waits is a warning; secret-looking variables are refused or flagged", () => {
    const config = httpEnvironment({ lambda: { timeout: 60, environment_variables: { DB_PASSWORD: "hunter2", UPSTREAM_TOKEN_URL: "https://x.example.com" } } });
    expect(problemLines(config)).toEqual([
      "application.lambda.environment_variables.DB_PASSWORD: looks like a secret: its value would be written into the Terraform JSON and state; store it in SSM Parameter Store (SecureString) or Secrets Manager and name its ARN under application.secrets.DB_PASSWORD",
    ]);
    expect(warningLines(config)).toEqual([
      "application.lambda.environment_variables.UPSTREAM_TOKEN_URL: may be a secret: its value would be written into the Terraform JSON and state",
      "application.lambda.timeout: 60 s is longer than a HTTP API waits (30 s): callers get a 504 while the function runs on",
    ]);
    expect(warningLines(restEnvironment({ lambda: { timeout: 30 } }))).toEqual(["application.lambda.timeout: 30 s is longer than a REST API waits (29 s): callers get a 504 while the function runs on"]);
  });

  test("secrets: an SSM parameter or a Secrets Manager secret ARN, exactly one, under an upper-case name", () => {
    expect(
      problemLines(
        httpEnvironment({
          secrets: {
            TOKEN_SIGNING_SECRET: { ssm_parameter_arn: "arn:aws:ssm:eu-west-1:123456789012:parameter/acme/dev/token", secrets_manager_secret_arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x-AbCdEf" },
            lower: { ssm_parameter_arn: "arn:aws:ssm:eu-west-1:123456789012:parameter/x" },
            NOTHING: {},
            BAD_SM: { secrets_manager_secret_arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:tokens" },
            TABLE_NAME: { ssm_parameter_arn: "arn:aws:ssm:eu-west-1:123456789012:parameter/x" },
          },
        }),
      ),
    ).toEqual([
      'application.secrets.lower: key "lower" has characters that are not allowed; use upper-case letters, digits and _, starting with a letter, e.g. TOKEN_SIGNING_SECRET',
      'application.secrets.BAD_SM.secrets_manager_secret_arn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:tokens" is not valid; use the full secret ARN, arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>',
      "application.secrets.NOTHING: names no secret; give ssm_parameter_arn or secrets_manager_secret_arn",
      "application.secrets.TABLE_NAME: is a name the handlers or Lambda use themselves; choose another name",
      "application.secrets.TOKEN_SIGNING_SECRET: gives both ssm_parameter_arn and secrets_manager_secret_arn; keep the one that holds the secret",
    ]);
  });

  test("rate limits, tables and alarms", () => {
    expect(
      problemLines(
        httpEnvironment({
          rate_limits: { default_tier: "gold", tenant_tiers: { "Acme Corp": "premium", globex: "platinum" } },
          tables: { kms_key_arn: "alias/mine" },
          alarms: { sns_topic_arn: "arn:aws:sns:eu-west-1:123456789012:ops", email_subscriptions: ["ops@example.com"], api_5xx_rate_percent: 150 },
        }),
      ),
    ).toEqual([
      'application.tables.kms_key_arn: "alias/mine" is not valid; use arn:aws:kms:<region>:<account>:key/<key id>',
      'application.rate_limits.default_tier: "gold" is not allowed; use one of: basic, premium, standard',
      'application.rate_limits.tenant_tiers.Acme Corp: key "Acme Corp" has characters that are not allowed; use lower-case letters, digits and -, starting with a letter or digit (at most 63)',
      'application.rate_limits.tenant_tiers.globex: "platinum" is not allowed; use one of: basic, premium, standard',
      "application.alarms.api_5xx_rate_percent: must be a number from 0 to 100, got 150; use at most 100",
      "application.alarms.email_subscriptions: subscribes to the topic this stack creates, but sns_topic_arn names an existing one; subscribe the addresses to that topic where it is managed, or drop sns_topic_arn",
    ]);
  });

  test("names that would make too-long function names need application.name", () => {
    const config = httpEnvironment();
    config.name_prefix = "a-very-long-name-prefix-for-this-tenant-env";
    expect(problemLines(config)).toEqual([
      'application.name: defaults to name_prefix "a-very-long-name-prefix-for-this-tenant-env", which does not fit; set application.name (use at most 40 letters, digits, - and _ (function, role and table names are built from it))',
    ]);
    expect(problemLines({ ...config, application: { ...config.application, name: "acme-dev" } })).toEqual([]);
  });

  test("routes and keys the application owns cannot be taken by the user's own", () => {
    const http = httpEnvironment(
      {},
      {
        integrations: { app_mine: { integration_type: "HTTP_PROXY", integration_uri: "https://example.com", integration_method: "ANY" } },
        routes: { orders: { route_key: "POST /orders", target: "integrations/app_mine" } },
      },
    );
    expect(problemLines(http)).toEqual([
      "http_apis.public.integrations.app_mine: keys starting with app_ are the application section's own; rename this key",
      'http_apis.public.routes.orders.route_key: "POST /orders" is also the application\'s orders route; remove this route, or drop orders from application.handlers',
    ]);
    const rest = restEnvironment({}, { methods: { mine: { path: "/catalog", http_method: "GET", integration: { type: "MOCK" } } } });
    expect(problemLines(rest)).toEqual([
      "rest_apis.shop.methods.mine: GET /catalog is also the application's catalog method; remove this method, or drop catalog from application.handlers",
    ]);
  });

  test("a REST API defined by an OpenAPI body cannot take the application's methods", () => {
    const config = restEnvironment({}, { openapi_spec: { openapi: "3.0.1", info: { title: "x", version: "1" }, paths: { "/x": { get: { "x-amazon-apigateway-integration": { type: "mock" } } } } } });
    expect(problemLines(config)).toEqual([
      'application.rest_api: "shop" is defined by its openapi_spec, which the application cannot add methods to; mount the handlers on a REST API defined by methods, or on an HTTP API',
    ]);
  });

  test("bare module configs (tfvars) have no application section", () => {
    const { tenant: _t, environment: _e, region: _r, ...bare } = httpEnvironment();
    expect(problemLines(bare)[0]).toMatch(/^application: unknown key/);
  });
});
