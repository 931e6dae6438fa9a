// The shipped environment with an identity section (config/initech/staging.ts): synthesized in-process, then
// `terraform validate` and one offline plan against the real AWS provider 5.100, asserting on planned values;
// references that are unknown until apply (client ids, the pool endpoint) are asserted on the synthesized JSON.
import { beforeAll, describe, expect, test } from "vitest";
import staging from "../../config/initech/staging.js";
import { API_SCOPES, TRIGGER_EVENT_VERSION } from "../../handlers/lib/contract/identity.js";
import { builtHandlers, synthConfig } from "../support/synth.js";
import { validateAndPlan, type PlanResult } from "../support/terraform.js";

describe("initech-staging: the pool, its clients and trigger, and the authorizer wired to it", () => {
  let stack: any;
  let plan: PlanResult;

  beforeAll(async () => {
    const synth = synthConfig(staging, "initech-staging", await builtHandlers());
    stack = synth.stack;
    plan = validateAndPlan(synth.dir);
  }, 600_000);

  test("the user pool: password policy, TOTP MFA, e-mail recovery, threat protection, immutable tenant attribute, V3 trigger", () => {
    const pool = plan.resource("aws_cognito_user_pool.identity__pool").values;
    expect(pool).toMatchObject({
      name: "initech-staging-users",
      user_pool_tier: "PLUS",
      mfa_configuration: "ON",
      software_token_mfa_configuration: [{ enabled: true }],
      account_recovery_setting: [{ recovery_mechanism: [{ name: "verified_email", priority: 1 }] }],
      user_pool_add_ons: [{ advanced_security_mode: "ENFORCED" }],
      admin_create_user_config: [{ allow_admin_create_user_only: true }],
      password_policy: [{ minimum_length: 12, require_lowercase: true, require_uppercase: true, require_numbers: true, require_symbols: true }],
      lambda_config: [{ pre_token_generation_config: [{ lambda_version: TRIGGER_EVENT_VERSION }] }],
      deletion_protection: "INACTIVE",
    });
    const attributes = Object.fromEntries((pool.schema as any[]).map((a) => [a.name, a]));
    expect(attributes.tenant_id).toMatchObject({ attribute_data_type: "String", mutable: false });
    expect(attributes.role).toMatchObject({ attribute_data_type: "String", mutable: true });
    // The trigger's ARN is built from its name (a reference to the function would be a cycle through CLIENT_TENANTS).
    const arn = stack.resource.aws_cognito_user_pool.identity__pool.lambda_config.pre_token_generation_config.lambda_arn as string;
    expect(arn).toContain('"lambda", "us-east-2"');
    expect(arn).toContain('"function", "initech-staging-token-claims"');
    expect(plan.resource("aws_lambda_function.identity__token_claims").values.function_name).toBe("initech-staging-token-claims");
  });

  test("resource server with the API scopes, and the domain of the token endpoint", () => {
    const server = plan.resource("aws_cognito_resource_server.identity__api").values;
    expect(server.identifier).toBe("api");
    expect((server.scope as any[]).map((s) => `${server.identifier}/${s.scope_name}`).sort()).toEqual([...API_SCOPES].sort());
    expect(plan.resource("aws_cognito_user_pool_domain.identity__domain").values.domain).toBe("initech-staging-login");
  });

  test("one client-credentials client per application tenant, with its scopes and token validity, and a secret", () => {
    const machine = plan.ofType("aws_cognito_user_pool_client").filter((c) => c.name.startsWith("identity__machine__"));
    expect(machine.map((c) => c.name).sort()).toEqual(["identity__machine__chotchkies", "identity__machine__initech"]);
    expect(plan.resource("aws_cognito_user_pool_client.identity__machine__initech").values).toMatchObject({
      allowed_oauth_flows: ["client_credentials"],
      allowed_oauth_scopes: ["api/read", "api/write"],
      generate_secret: true,
      access_token_validity: 60,
      token_validity_units: [{ access_token: "minutes" }],
    });
    expect(plan.resource("aws_cognito_user_pool_client.identity__machine__chotchkies").values).toMatchObject({ allowed_oauth_scopes: ["api/read"], access_token_validity: 30, generate_secret: true });
  });

  test("the user-facing client: authorization code, callback URLs from config, public (no secret), no tenant or role writes", () => {
    const client = plan.resource("aws_cognito_user_pool_client.identity__user__staff_portal").values;
    expect(client).toMatchObject({
      allowed_oauth_flows: ["code"],
      callback_urls: ["http://localhost:5173/callback", "https://staging.orders.initech.example/callback"].sort(),
      logout_urls: ["https://staging.orders.initech.example/"],
      generate_secret: false,
    });
    expect(client.write_attributes).not.toContain("custom:tenant_id");
    expect(client.write_attributes).not.toContain("custom:role");
  });

  test("the trigger: its log group, role, and Cognito's permission to invoke it from this pool only", () => {
    expect(plan.resource("aws_cloudwatch_log_group.identity__token_claims").values).toMatchObject({ name: "/aws/lambda/initech-staging-token-claims", retention_in_days: 30 });
    expect(plan.resource("aws_iam_role.identity__token_claims").values.name).toBe("initech-staging-token-claims-lambda");
    expect(plan.resource("aws_lambda_permission.identity__token_claims__invoke").values).toMatchObject({ principal: "cognito-idp.amazonaws.com", action: "lambda:InvokeFunction" });
    expect(stack.resource.aws_lambda_permission.identity__token_claims__invoke.source_arn).toBe("${aws_cognito_user_pool.identity__pool.arn}");
    expect(stack.resource.aws_lambda_function.identity__token_claims.environment.variables.CLIENT_TENANTS).toBe(
      "${aws_cognito_user_pool_client.identity__machine__chotchkies.id}=chotchkies,${aws_cognito_user_pool_client.identity__machine__initech.id}=initech",
    );
  });

  test("the authorizer's environment points at the pool: its issuer and every client id", () => {
    const variables = stack.resource.aws_lambda_function.app__authorizer.environment.variables;
    expect(variables.JWT_ISSUER).toBe("https://${aws_cognito_user_pool.identity__pool.endpoint}");
    expect(variables.JWT_AUDIENCE).toBe(
      ["identity__machine__chotchkies", "identity__machine__initech", "identity__user__staff_portal"].map((c) => `\${aws_cognito_user_pool_client.${c}.id}`).join(","),
    );
    // Terraform plans the variables as unknown until the pool and its clients exist.
    expect(plan.unknown("aws_lambda_function.app__authorizer").environment).toEqual([{ variables: true }]);
    expect(variables).toMatchObject({ TENANT_REGISTRY: "chotchkies=active,initech=active" });
    expect(variables.JWKS_URI).toBeUndefined();
  });

  test("outputs: pool id and ARN, issuer, token endpoint, client ids per tenant; never a secret", () => {
    for (const name of ["identity_user_pool_id", "identity_user_pool_arn", "identity_issuer_url", "identity_token_endpoint", "identity_machine_client_ids", "identity_user_client_ids"]) {
      expect(plan.outputChanges[name], name).toBeDefined();
    }
    expect(stack.output.identity_token_endpoint.value).toBe("https://${aws_cognito_user_pool_domain.identity__domain.domain}.auth.us-east-2.amazoncognito.com/oauth2/token");
    expect(stack.output.identity_issuer_url.value).toBe("https://${aws_cognito_user_pool.identity__pool.endpoint}");
    expect(stack.output.identity_machine_client_ids.value).toEqual({
      chotchkies: "${aws_cognito_user_pool_client.identity__machine__chotchkies.id}",
      initech: "${aws_cognito_user_pool_client.identity__machine__initech.id}",
    });
    expect(stack.output.identity_machine_client_ids.description).toContain("aws cognito-idp describe-user-pool-client");
    expect(JSON.stringify(stack.output)).not.toContain("client_secret");
  });
});
