// The identity section's checks: every problem at its config path with a fix, and nothing built.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { generateIdentitySchema, generateValidator, IDENTITY_VALIDATOR_PATH } from "../../bin/generate-schema.mjs";
import staging from "../../config/initech/staging.js";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";
import { sharedNameProblems } from "../../stacks/shared-names.js";
import { builtHandlers, problemLines, runApp, synthConfig, warningLines, writeTempConfig } from "../support/synth.js";
import { tmpdir } from "node:os";
import { join } from "node:path";

type Config = typeof staging;
const withIdentity = (identity: Record<string, unknown>): Config => ({ ...staging, identity: { ...staging.identity!, ...identity } as Config["identity"] });

describe("identity config", () => {
  test("the shipped environment is valid, with the authorizer wired to the pool", () => {
    const result = checkStackConfig({ file: "staging.ts", value: staging });
    expect(result.problems).toEqual([]);
    expect(result.config!.application!.authorizer).toMatchObject({ fromIdentity: true });
    expect(result.config!.identity!.machineClients.map((c) => c.tenant)).toEqual(["chotchkies", "initech"]);
  });

  test("callback and sign-out URLs must be https, except http to localhost or 127.0.0.1", () => {
    const lines = problemLines(
      withIdentity({
        user_clients: {
          web: {
            callback_urls: ["https://app.example.com/cb", "http://app.example.com/cb", "http://localhost:3000/cb", "http://127.0.0.1:8080/cb", "http://localhost.evil.example/cb", "ftp://x/cb"],
            logout_urls: ["http://example.com/"],
          },
        },
      }),
    );
    const fix = 'use an https:// URL (plain http only to localhost or 127.0.0.1), e.g. "https://app.example.com/callback"';
    expect(lines).toEqual([
      `identity.user_clients.web.callback_urls.1: "http://app.example.com/cb" is not https: an authorization code sent over plain http can be read on the way; ${fix}`,
      `identity.user_clients.web.callback_urls.4: "http://localhost.evil.example/cb" is not https: an authorization code sent over plain http can be read on the way; ${fix}`,
      `identity.user_clients.web.callback_urls.5: "ftp://x/cb" is not https: an authorization code sent over plain http can be read on the way; ${fix}`,
      `identity.user_clients.web.logout_urls.0: "http://example.com/" is not https: an authorization code sent over plain http can be read on the way; ${fix}`,
    ]);
  });

  test("machine client settings for a tenant the application does not register", () => {
    expect(problemLines(withIdentity({ machine_clients: { initec: { scopes: ["api/read"] }, globex: {} } }))).toEqual([
      'identity.machine_clients.globex: "globex" is not an application.tenants key; application.tenants keys: chotchkies, initech',
      'identity.machine_clients.initec: "initec" is not an application.tenants key; did you mean "initech"?',
    ]);
  });

  test("scopes the pool does not define; machine clients carry only the API's", () => {
    expect(
      problemLines(
        withIdentity({
          machine_clients: { initech: { scopes: ["api/read", "api/admin", "openid"] } },
          user_clients: { web: { callback_urls: ["https://app.example.com/cb"], scopes: ["openid", "api/wirte"] } },
        }),
      ),
    ).toEqual([
      'identity.machine_clients.initech.scopes.1: "api/admin" is not a scope this pool defines (machine clients (client credentials) carry only the API\'s scopes); defined scopes: api/read, api/write',
      'identity.machine_clients.initech.scopes.2: "openid" is not a scope this pool defines (machine clients (client credentials) carry only the API\'s scopes); defined scopes: api/read, api/write',
      'identity.user_clients.web.scopes.1: "api/wirte" is not a scope this pool defines; did you mean "api/write"?',
    ]);
  });

  test("structure comes from the IdentityConfig type's schema; identity needs the application", () => {
    expect(problemLines(withIdentity({ domain_prefix: "My_Cognito", deletion_protection: "yes" }))).toEqual([
      'identity.domain_prefix: "My_Cognito" is not a Cognito domain prefix; use lower-case letters, digits and -, without aws, amazon or cognito, e.g. "acme-dev-login"',
      'identity.deletion_protection: must be true or false, got string "yes"; write true or false, without quotes',
    ]);
    const { application: _application, ...withoutApplication } = staging;
    expect(problemLines(withoutApplication)).toEqual([
      'identity: needs the application section: the pool\'s tokens are for the bundled API, and its clients for the application\'s tenants; add application = { http_api = "<http_apis key>", tenants = { ... } }, or remove identity',
    ]);
  });

  test("a bad identity section exits 1, one line per problem, and writes nothing", () => {
    const file = writeTempConfig("staging.json", withIdentity({ machine_clients: { nobody: {} } }));
    const outdir = join(mkdtempSync(join(tmpdir(), "apigw-identity-")), "out");
    const run = runApp(file, outdir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('identity.machine_clients.nobody: "nobody" is not an application.tenants key');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(() => readdirSync(outdir)).toThrow();
  });

  test("the loader's identity validator is generated from the IdentityConfig type", () => {
    expect(readFileSync(IDENTITY_VALIDATOR_PATH, "utf8")).toBe(generateValidator(generateIdentitySchema(), "the IdentityConfig type (modules/identity/config.ts)"));
  });
});

describe("identity synth", () => {
  test("the same config gives byte-identical JSON; the order of tenants and user clients in the file does not matter", async () => {
    const artifacts = await builtHandlers();
    const first = synthConfig(staging, "initech-staging", artifacts).json;
    expect(synthConfig(staging, "initech-staging", artifacts).json).toBe(first);
    const tenants = Object.fromEntries(Object.entries(staging.application!.tenants!).reverse());
    const reordered = {
      ...staging,
      application: { ...staging.application!, tenants },
      identity: { ...staging.identity!, user_clients: { zeta: { callback_urls: ["https://z.example/cb"] }, ...staging.identity!.user_clients } },
    } as Config;
    const withZeta = { ...staging, identity: { ...staging.identity!, user_clients: { ...staging.identity!.user_clients, zeta: { callback_urls: ["https://z.example/cb"] } } } } as Config;
    expect(synthConfig(reordered, "initech-staging", artifacts).json).toBe(synthConfig(withZeta, "initech-staging", artifacts).json);
  });
});

describe("identity with an external issuer", () => {
  test("an authorizer the config names keeps its issuer, with a warning that the pool is not trusted", () => {
    const external = { ...staging, application: { ...staging.application!, authorizer: { issuer: "https://login.initech.example/", audiences: ["orders-api"] } } } as Config;
    const result = checkStackConfig({ file: "staging.ts", value: external });
    expect(result.problems).toEqual([]);
    expect(result.config!.application!.authorizer).toMatchObject({ issuer: "https://login.initech.example/", audiences: ["orders-api"] });
    expect(result.config!.application!.authorizer!.fromIdentity).toBeUndefined();
    expect(warningLines(external)).toContain("application.authorizer: names its own issuer, so the authorizer does not trust the identity section's pool");
  });
});

describe("identity across tenant environments", () => {
  test("two environments cannot take the same Cognito domain in one region", () => {
    const other = { ...staging, environment: "qa", name_prefix: "initech-qa" } as Config;
    const configs = [checkStackConfig({ file: "config/initech/staging.ts", value: staging }).config!, checkStackConfig({ file: "config/initech/qa.ts", value: other }).config!];
    const problems = [...sharedNameProblems(configs).values()].flat();
    expect(problems).toEqual([
      {
        path: "identity.domain_prefix",
        message: 'config/initech/qa.ts and config/initech/staging.ts both use the Cognito domain "initech-staging-login" in us-east-2',
        fix: "give each tenant environment its own identity.domain_prefix",
      },
    ]);
    const elsewhere = { ...other, region: "eu-west-1", backend: { s3: { bucket: "initech-terraform-state", region: "us-east-2" } } } as Config;
    expect(sharedNameProblems([configs[0]!, checkStackConfig({ file: "config/initech/qa.ts", value: elsewhere }).config!]).size).toBe(0);
  });
});
