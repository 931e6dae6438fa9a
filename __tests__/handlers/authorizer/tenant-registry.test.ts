// The authorizer with the tenant registry Terraform writes into its environment: the environment is taken from a
// synthesized stack (the references to the API keys' values replaced by values as API Gateway generates them),
// the bundle is the built one, the tokens are signed with real keys.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import "../support/environment.js";
import { ensureHandlersBuilt } from "../support/build.js";
import { type AuthorizerFn, eventFor, expectRejected, frozenClockAndCapturedLogs, lastDenialReason, loadAuthorizer, startJwks } from "../support/authorizer-harness.js";
import type { JwksServer } from "../support/jwks-server.js";
import { LogCapture } from "../support/logs.js";
import { ISSUER, AUDIENCE, makeTestKeys, sign, validClaims, type TestKeys } from "../support/tokens.js";
import { builtHandlers, synthConfig } from "../../support/synth.js";
import { httpEnvironment, restEnvironment } from "../../application/fixtures.js";

const TENANTS = {
  "acme-hq": { tier: "premium" },
  globex: { tier: "basic" },
  initech: { tier: "standard", status: "suspended" },
};

/** What API Gateway would generate for each key: 40 letters and digits. */
function generatedKey(address: string): string {
  return createHash("sha256").update(address).digest("base64").replace(/[^A-Za-z0-9]/g, "").slice(0, 40);
}

/** The authorizer's environment of a synthesized stack, with Terraform's references resolved as apply would. */
async function authorizerEnvironment(config: unknown): Promise<{ env: Record<string, string>; keys: Record<string, string> }> {
  const { stack } = synthConfig(config, "tenants", await builtHandlers());
  const variables = stack.resource.aws_lambda_function.app__authorizer.environment.variables as Record<string, string>;
  const keys: Record<string, string> = {};
  const env = Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      value.replace(/\$\{aws_api_gateway_api_key\.([\w-]+)\.value\}/g, (_, address: string) => (keys[address] ??= generatedKey(address))),
    ]),
  );
  expect(Object.values(env).join(" ")).not.toContain("${");
  return { env, keys };
}

describe("authorizer (built bundle): tenant registry", () => {
  const logs = new LogCapture();
  let keys: TestKeys;
  let jwks: JwksServer;

  beforeAll(async () => {
    await ensureHandlersBuilt();
    keys = await makeTestKeys();
    jwks = await startJwks(keys);
  });
  afterAll(() => jwks.close());
  frozenClockAndCapturedLogs(logs);

  const bearer = async (tenant: string) => `Bearer ${await sign(validClaims({ "custom:tenant_id": tenant }), keys.rsa)}`;
  const load = (env: Record<string, string>): AuthorizerFn =>
    loadAuthorizer(jwks.uri, { ...env, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWKS_URI: jwks.uri, TENANT_CLAIM: undefined, ROLE_CLAIM: undefined, LOG_LEVEL: "debug" });

  test("REST: each registered tenant is metered under its own API key (usageIdentifierKey); the keys never reach a log line", async () => {
    const { env, keys: apiKeys } = await authorizerEnvironment(restEnvironment({ tenants: TENANTS }));
    const authorizer = load(env);
    const keyOf = (tenant: string) => apiKeys[`apigw__shop__app_tenant_${tenant}`]!;
    for (const tenant of ["acme-hq", "globex"]) {
      for (const shape of ["rest-token", "rest-request"] as const) {
        const result = (await authorizer(eventFor(shape, await bearer(tenant)))) as { usageIdentifierKey?: string; context: { tenantId: string } };
        expect(result.context.tenantId).toBe(tenant);
        expect(result.usageIdentifierKey).toBe(keyOf(tenant));
      }
    }
    expect(keyOf("acme-hq")).not.toBe(keyOf("globex"));
    await expectRejected(authorizer, "rest-token", await bearer("initech"));
    await expectRejected(authorizer, "rest-token", await bearer("unknown-co"));
    const text = logs.lines.map((line) => JSON.stringify(line)).join("\n");
    expect(logs.lines.length).toBeGreaterThan(4);
    for (const key of Object.values(apiKeys)) expect(text).not.toContain(key);
  });

  test("a suspended tenant and an unregistered one are denied, each logged with the tenant and the reason", async () => {
    const { env } = await authorizerEnvironment(restEnvironment({ tenants: TENANTS }));
    const authorizer = load(env);
    await expectRejected(authorizer, "rest-request", await bearer("initech"));
    expect(lastDenialReason(logs)).toBe("ERR_TENANT_SUSPENDED");
    await expectRejected(authorizer, "rest-token", await bearer("unknown-co"));
    expect(lastDenialReason(logs)).toBe("ERR_TENANT_UNREGISTERED");
    const denials = logs.lines.filter((line) => line.event === "authorization_denied").map((line) => [line.tenantId, line.reason]);
    expect(denials).toEqual([
      ["initech", "ERR_TENANT_SUSPENDED"],
      ["unknown-co", "ERR_TENANT_UNREGISTERED"],
    ]);
  });

  test("a registry open to unregistered tenants lets them in under the default tier's shared key", async () => {
    const { env, keys: apiKeys } = await authorizerEnvironment(restEnvironment({ tenants: TENANTS, unregistered_tenants: "allow" }));
    const authorizer = load(env);
    const result = (await authorizer(eventFor("rest-token", await bearer("unknown-co")))) as { usageIdentifierKey?: string };
    expect(result.usageIdentifierKey).toBe(apiKeys.apigw__shop__app_unregistered);
    await expectRejected(authorizer, "rest-token", await bearer("initech"));
    expect(lastDenialReason(logs)).toBe("ERR_TENANT_SUSPENDED");
  });

  test("HTTP API: the same registry decides, without keys (no usage plans on HTTP APIs)", async () => {
    const { env } = await authorizerEnvironment(httpEnvironment({ tenants: TENANTS }));
    expect(env.TENANT_REGISTRY).toBe("acme-hq=active,globex=active,initech=suspended");
    const authorizer = load(env);
    expect(await authorizer(eventFor("http-v2", await bearer("globex")))).toMatchObject({ isAuthorized: true, context: { tenantId: "globex" } });
    await expectRejected(authorizer, "http-v2", await bearer("initech"));
    await expectRejected(authorizer, "http-v2", await bearer("unknown-co"));
    expect(lastDenialReason(logs)).toBe("ERR_TENANT_UNREGISTERED");
  });

  test("without a registry every tenant with a valid token passes, with no usage key", async () => {
    const { env } = await authorizerEnvironment(restEnvironment());
    expect(env.TENANT_REGISTRY).toBeUndefined();
    const result = await load(env)(eventFor("rest-token", await bearer("anyone")));
    expect(result).not.toHaveProperty("usageIdentifierKey");
  });

  test("a malformed registry entry fails the cold start without echoing the entry", () => {
    const secretish = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";
    expect(() => load({ TENANT_REGISTRY: `acme=active:${secretish},bad entry=active:${secretish}` })).toThrow(/TENANT_REGISTRY: entry 2 is not/);
    expect(() => load({ TENANT_REGISTRY: `bad entry=active:${secretish}` })).not.toThrow(secretish);
  });
});
