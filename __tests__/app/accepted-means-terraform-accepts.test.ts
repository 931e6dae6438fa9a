import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { formatProblem } from "../../modules/api-gateway/validation/problems.js";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";
import { httpEnvironment, restEnvironment } from "../application/fixtures.js";
import { builtHandlers, example, synthConfig } from "../support/synth.js";
import { TerraformValidator } from "../support/terraform-validate.js";

/** The lines a user sees for a config, as main.ts prints them. */
function lines(value: unknown): string[] {
  return checkStackConfig({ file: "test.tfvars.json", value }).problems.map(formatProblem);
}

/** The HCL module's HTTP API example (bare module inputs), changed by `change`. */
function http(change: (c: any) => void): any {
  const config = example("http-api-auth-fixed.tfvars.json");
  change(config);
  return config;
}

const api = (c: any) => c.http_apis.api_v2;

const SPACE_IN_API_KEY = 'http_apis.api v2: key "api v2" has characters that are not allowed; use a key that matches ^[A-Za-z0-9._-]{1,128}$';
const SPACE_IN_STAGE_KEY = 'http_apis.api_v2.stages.v 2: key "v 2" has characters that are not allowed; use a key that matches ^(\\$default|[A-Za-z0-9_-]{1,128})$';

describe("accepted means Terraform accepts it: integers", () => {
  test("a fractional number in an integer field is refused at its path, with the whole number to use", () => {
    expect(lines(http((c) => (api(c).integrations.lambda_proxy.timeout_milliseconds = 1500.5)))).toEqual([
      "http_apis.api_v2.integrations.lambda_proxy.timeout_milliseconds: must be a whole number from 50 to 30000, got 1500.5; use a whole number, such as 1501",
    ]);
    expect(lines(http((c) => (api(c).cors_configuration.max_age = 1.5)))).toEqual([
      "http_apis.api_v2.cors_configuration.max_age: must be a whole number from 0 to 86400, got 1.5; use a whole number, such as 2",
    ]);
    expect(lines(httpEnvironment({ lambda: { memory_size: 256.5 } }))).toEqual([
      "application.lambda.memory_size: must be a whole number from 128 to 10240, got 256.5; use a whole number, such as 257",
    ]);
  });

  test("a number above AWS's 32-bit integers (or the provider's int64) is refused, not passed to Terraform", () => {
    expect(lines(http((c) => (api(c).stages.v2.default_route_settings.throttling_burst_limit = 3_000_000_000)))).toEqual([
      "http_apis.api_v2.stages.v2.default_route_settings.throttling_burst_limit: must be a whole number from 0 to 2147483647, got 3000000000; use at most 2147483647",
    ]);
    const rest = restEnvironment({}, { usage_plans: { basic: { quota_settings: { limit: 1e20, period: "DAY" } } } });
    expect(lines(rest)).toEqual(["rest_apis.shop.usage_plans.basic.quota_settings.limit: must be a whole number from 0 to 2147483647, got 100000000000000000000; use at most 2147483647"]);
  });
});

describe("accepted means Terraform accepts it: strings", () => {
  test("a description over API Gateway's 1024 characters", () => {
    expect(lines(http((c) => (api(c).description = "d".repeat(2000))))).toEqual([`http_apis.api_v2.description: "${"d".repeat(40)}"… has 2000 characters; use at most 1024`]);
    expect(lines(restEnvironment({}, { description: "d".repeat(1025) }))).toEqual([`rest_apis.shop.description: "${"d".repeat(40)}"… has 1025 characters; use at most 1024`]);
  });

  test("tags: keys of 1 to 128 characters, not aws:, values of at most 256, of the characters AWS takes", () => {
    expect(lines(http((c) => (c.common_tags = { ["k".repeat(129)]: "v", "aws:owner": "me", Team: "v".repeat(257), Note: "semi;colon" })))).toEqual([
      `common_tags.${"k".repeat(129)}: key "${"k".repeat(129)}" has 129 characters; use at most 128`,
      'common_tags.aws:owner: key "aws:owner" has characters that are not allowed; use a key that matches ^(?![aA][wW][sS]:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+$',
      `common_tags.Team: "${"v".repeat(40)}"… has 257 characters; use at most 256`,
      'common_tags.Note: "semi;colon" has characters that are not allowed; match ^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$',
    ]);
  });

  test("names AWS limits: API version, route operation name, authorizer name", () => {
    expect(lines(http((c) => (api(c).version = "v".repeat(65))))).toEqual([`http_apis.api_v2.version: "${"v".repeat(65)}" has 65 characters; use at most 64`]);
    expect(lines(http((c) => (api(c).routes.get_users.operation_name = "o".repeat(65))))).toEqual([`http_apis.api_v2.routes.get_users.operation_name: "${"o".repeat(65)}" has 65 characters; use at most 64`]);
  });
});

describe("accepted means Terraform accepts it: stack settings", () => {
  test("a region that is not an AWS region code, for the provider and for the state bucket", () => {
    expect(lines({ ...httpEnvironment(), region: "eu-west" })).toEqual(['region: "eu-west" is not an AWS region; use a region code such as "eu-west-1"']);
    expect(lines({ ...httpEnvironment(), region: "EU-WEST-1" })).toEqual(['region: "EU-WEST-1" is not an AWS region; use a region code such as "eu-west-1"']);
    expect(lines({ ...httpEnvironment(), region: "us-gov-west-1" })).toEqual([]);
    expect(lines({ ...httpEnvironment(), backend: { s3: { bucket: "acme-state", region: "mars" } } })).toEqual(['backend.s3.region: "mars" is not an AWS region; use a region code such as "eu-west-1"']);
  });

  test("every backend.s3 value is typed: use_lockfile and encrypt are booleans, key a relative path, bucket and table AWS names", () => {
    const backend = { bucket: "Acme_State", key: "/acme/dev.tfstate", dynamodb_table: "locks table", use_lockfile: "no", encrypt: "yes" };
    expect(lines({ ...httpEnvironment(), backend: { s3: backend } })).toEqual([
      'backend.s3.bucket: "Acme_State" is not an S3 bucket name; name the state bucket as S3 does: 3 to 63 lower-case letters, digits, . and - (S3\'s bucket naming rules)',
      'backend.s3.key: "/acme/dev.tfstate" is not valid; use a path such as "acme/prod/terraform.tfstate", without a leading or trailing /',
      'backend.s3.dynamodb_table: "locks table" is not a DynamoDB table name; use a DynamoDB table name: 3 to 255 letters, digits, _, . and -',
      'backend.s3.use_lockfile: must be true or false, got string "no"; write true or false, without quotes',
      'backend.s3.encrypt: must be true or false, got string "yes"; write true or false, without quotes',
    ]);
    for (const bucket of ["192.168.1.1", "xn--state", "state..bucket", "state-s3alias", "ab"]) {
      expect(lines({ ...httpEnvironment(), backend: { s3: { bucket } } })).toEqual([
        `backend.s3.bucket: "${bucket}" is not an S3 bucket name; name the state bucket as S3 does: 3 to 63 lower-case letters, digits, . and - (S3's bucket naming rules)`,
      ]);
    }
    expect(lines({ ...httpEnvironment(), backend: { s3: { bucket: "acme-state", key: 5, use_lockfile: 0 } } })).toEqual([
      "backend.s3.key: must be a string, got number 5; use a path such as \"acme/prod/terraform.tfstate\", without a leading or trailing /",
      "backend.s3.use_lockfile: must be true or false, got number 0; write true or false, without quotes",
    ]);
    expect(lines({ ...httpEnvironment(), backend: { s3: { bucket: "acme-state", key: "acme/dev/terraform.tfstate", dynamodb_table: "tf-locks", use_lockfile: false, encrypt: true } } })).toEqual([]);
  });
});

describe("accepted means Terraform accepts it: keys that become AWS names", () => {
  test("a newline in an API key, which becomes part of its stages' log group names, is refused at the key's path", () => {
    const config = http((c) => (c.http_apis = { "api\nv2": api(c) }));
    expect(lines(config)).toEqual(['http_apis["api\\nv2"]: key "api\\nv2" holds control characters or line breaks; rename it to letters, digits, _ and -']);
    // A space is no control character, but no AWS name takes it either.
    expect(lines(http((c) => (c.http_apis = { "api v2": api(c) })))).toEqual([SPACE_IN_API_KEY]);
  });

  test("stage keys and names become log group names and invoke URLs: AWS's stage-name characters only", () => {
    expect(lines(http((c) => (api(c).stages = { "v 2": api(c).stages.v2 })))).toEqual([SPACE_IN_STAGE_KEY]);
    expect(lines(http((c) => (api(c).stages.v2.name = "v 2")))).toEqual(['http_apis.api_v2.stages.v2.name: "v 2" has characters that are not allowed; match ^(\\$default|[A-Za-z0-9_-]{1,128})$']);
    expect(lines(restEnvironment({}, { stages: { "prod/eu": { xray_tracing_enabled: true } } }))).toEqual([
      'rest_apis.shop.stages.prod/eu: key "prod/eu" has characters that are not allowed; use a key that matches ^[A-Za-z0-9_-]{1,128}$',
    ]);
  });

  test("a VPC link named <name_prefix>-<key> over AWS's 128 characters is refused at the key", () => {
    const key = "k".repeat(130);
    const config = example("vpc-links-fixed.tfvars.json");
    config.vpc_links = { [key]: Object.values<any>(config.vpc_links)[0] };
    for (const integration of Object.values<any>(config.http_apis.internal.integrations)) if (integration.connection_id) integration.connection_id = key;
    expect(lines(config)).toEqual([`vpc_links.${key}: VPC link name "${`internal-api-${key}`.slice(0, 40)}"… has 143 characters; shorten name_prefix or the key to at most 128 in all, or set name`]);
  });
});

describe("accepted means Terraform accepts it: the largest accepted values", () => {
  const terraform = new TerraformValidator();
  afterAll(() => terraform.dispose());

  test("a config at every upper limit synthesizes and passes terraform validate", async () => {
    const config = httpEnvironment({ lambda: { memory_size: 10240, timeout: 900, log_retention_days: 3653 } }, { description: "d".repeat(1024), version: "v".repeat(64) });
    config.common_tags = { ["k".repeat(128)]: "v".repeat(256), "Cost centre": "a+b=c@d:e/f.g_h-i" };
    config.log_retention_days = 3653;
    config.backend = { s3: { bucket: "a".repeat(63), key: `${"k".repeat(1000)}/terraform.tfstate`, region: "us-gov-west-1", dynamodb_table: "t".repeat(255), use_lockfile: true, encrypt: false } };
    const stage = config.http_apis.public.stages.live;
    stage.description = "s".repeat(1024);
    stage.default_route_settings = { throttling_burst_limit: 2147483647, throttling_rate_limit: 1e9 };
    config.http_apis.public.integrations = { upstream: { integration_type: "HTTP_PROXY", integration_uri: "https://example.com", integration_method: "ANY", timeout_milliseconds: 30000, description: "i".repeat(1024) } };
    config.http_apis.public.routes = { upstream: { route_key: "GET /upstream", target: "integrations/upstream", operation_name: "o".repeat(64) } };
    config.http_apis[`${"a".repeat(113)}.b-c_d`] = { stages: { [`${"s".repeat(128)}`]: { auto_deploy: true } } };
    expect(lines(config)).toEqual([]);
    const { dir } = synthConfig(config, "limits", await builtHandlers());
    const result = terraform.validate(dir);
    expect(result.diagnostics).toEqual([]);
    expect(result.valid).toBe(true);
    // The same stack one character over the API description's limit: validate refuses it, so the check above can fail.
    const file = join(dir, "cdk.tf.json");
    const stack = JSON.parse(readFileSync(file, "utf8"));
    for (const resource of Object.values<any>(stack.resource.aws_apigatewayv2_api)) resource.description = "d".repeat(1025);
    writeFileSync(file, JSON.stringify(stack));
    expect(terraform.validate(dir).valid).toBe(false);
  }, 120_000);
});
