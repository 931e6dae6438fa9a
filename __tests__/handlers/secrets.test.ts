// Secrets named by APP_SECRET_ARNS (an SSM SecureString or a Secrets Manager secret, by ARN), read once per
// container against a fake SSM / Secrets Manager on 127.0.0.1 with the real, bundled SDK clients:
// - the built catalog and orders bundles: a malformed APP_SECRET_ARNS fails init with a ConfigError naming
//   it (and not repeating the value); a valid one loads and fetches nothing until a secret is used;
// - the container deps (bundled exactly as the handlers are, see support/library-bundle.ts): one fetch per
//   secret per container whatever the concurrency, failures not cached, the requests the services expect,
//   and no value in any log line.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import "./support/environment.js";
import { startAppWorld, type AppWorld } from "./support/app-harness.js";
import { ensureHandlersBuilt } from "./support/build.js";
import { httpApiEvent } from "./support/events.js";
import { bundleLibrary, type LibraryBundle } from "./support/library-bundle.js";
import { LogCapture } from "./support/logs.js";
import { FakeSecretsApi } from "./support/secrets-server.js";

const SSM_ARN = "arn:aws:ssm:eu-west-1:123456789012:parameter/acme/dev/token-signing-secret";
const SECRET_ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:acme/dev/partner-key-AbCdEf";
const TOKEN_VALUE = "tok3n-s1gning-VALUE-9f8e7d";
const PARTNER_VALUE = '{"apiKey":"partner-VALUE-1a2b3c"}';
const SECRET_ARNS = `TOKEN_SIGNING_SECRET=${SSM_ARN}, PARTNER_KEY=${SECRET_ARN}`;

interface Secrets {
  get(name: string): Promise<string>;
  readonly names: readonly string[];
}
interface DepsModule {
  containerDeps(service: string, env: Record<string, string | undefined>): { secrets: Secrets };
}

let api: FakeSecretsApi;
let world: AppWorld;
let deps: LibraryBundle<DepsModule>;
const logs = new LogCapture();

beforeAll(async () => {
  await ensureHandlersBuilt();
  [api, world, deps] = await Promise.all([FakeSecretsApi.start(), startAppWorld(), bundleLibrary<DepsModule>("__tests__/handlers/support/deps-entry.ts")]);
});
afterAll(async () => {
  deps?.remove();
  await Promise.all([api?.close(), world?.dynamo.close()]);
});
beforeEach(() => {
  api.reset();
  api.parameters.set(SSM_ARN, { type: "SecureString", value: TOKEN_VALUE });
  api.secrets.set(SECRET_ARN, { string: PARTNER_VALUE });
  logs.start();
});
afterEach(() => {
  logs.stop();
  // Whatever a test did, no value was ever logged (at trace level, the most verbose).
  for (const value of [TOKEN_VALUE, PARTNER_VALUE, "partner-VALUE-1a2b3c", "binary-VALUE"]) expect(logs.text()).not.toContain(value);
});

function secretsEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return { APP_SECRET_ARNS: SECRET_ARNS, SSM_ENDPOINT: api.endpoint, SECRETSMANAGER_ENDPOINT: api.endpoint, ...extra };
}

/** A new container's secret store. */
function container(extra: Record<string, string | undefined> = {}): Secrets {
  const env = { TABLE_NAME: "app-table", DYNAMODB_ENDPOINT: world.dynamo.endpoint, LOG_LEVEL: "trace", ...secretsEnv(extra) };
  return deps.requireFresh().containerDeps("orders", env).secrets;
}

/** What a promise settled with, for asserting on rejections from another realm's error classes. */
async function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: Error & { code?: string; status?: number; cause?: unknown } }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error as Error }),
  );
}

describe("the built catalog and orders bundles", () => {
  const malformed: Array<[string, string]> = [
    ["not a <NAME>=<ARN> entry", "tok3n-s1gning-VALUE-9f8e7d"],
    ["a value instead of an ARN", `TOKEN_SIGNING_SECRET=tok3n-s1gning-VALUE-9f8e7d`],
    ["a lower-case name", `token_signing_secret=${SSM_ARN}`],
    ["a name starting with a digit", `1TOKEN=${SSM_ARN}`],
    ["an empty name", `=${SSM_ARN}`],
    ["the same name twice", `TOKEN=${SSM_ARN},TOKEN=${SECRET_ARN}`],
    ["another service's ARN", "TOKEN=arn:aws:s3:::acme-bucket/token"],
    ["an SSM ARN with a version selector", `TOKEN=${SSM_ARN}:3`],
    ["an SSM ARN without a parameter name", "TOKEN=arn:aws:ssm:eu-west-1:123456789012:parameter/"],
    ["an SSM ARN with an 11-digit account", "TOKEN=arn:aws:ssm:eu-west-1:12345678901:parameter/acme/x"],
    ["an SSM ARN without a region", "TOKEN=arn:aws:ssm::123456789012:parameter/acme/x"],
    ["a partial Secrets Manager ARN (no random suffix)", "TOKEN=arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme/dev/partner-key"],
    ["a Secrets Manager ARN with a JSON key selector", `TOKEN=${SECRET_ARN}:apiKey::`],
  ];

  for (const name of ["catalog", "orders"] as const) {
    test.each(malformed)(`${name}: %s fails init with a ConfigError naming APP_SECRET_ARNS`, (_, value) => {
      let thrown: unknown;
      try {
        world.load(name, secretsEnv({ APP_SECRET_ARNS: value }));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ name: "ConfigError", code: "ERR_CONFIG", variable: "APP_SECRET_ARNS" });
      const message = (thrown as Error).message;
      expect(message).toMatch(/^APP_SECRET_ARNS: /);
      // The entry is named, its value is not repeated (it may be a secret pasted in the wrong place).
      expect(message).not.toContain("tok3n-s1gning-VALUE");
      expect(message).not.toContain(":parameter/acme");
    });

    test(`${name}: a malformed SSM_ENDPOINT / SECRETSMANAGER_ENDPOINT fails init naming it`, () => {
      expect(() => world.load(name, secretsEnv({ SSM_ENDPOINT: "127.0.0.1:4583" }))).toThrow(expect.objectContaining({ name: "ConfigError", variable: "SSM_ENDPOINT" }));
      expect(() => world.load(name, secretsEnv({ SECRETSMANAGER_ENDPOINT: "ftp://127.0.0.1" }))).toThrow(expect.objectContaining({ name: "ConfigError", variable: "SECRETSMANAGER_ENDPOINT" }));
    });

    test(`${name}: valid APP_SECRET_ARNS loads, and nothing is fetched at cold start or by requests that need no secret`, async () => {
      const handler = world.load(name, secretsEnv());
      const path = name === "catalog" ? "/catalog" : "/orders/order-missing";
      const template = name === "catalog" ? "/catalog" : "/orders/{orderId}";
      const response = await handler(httpApiEvent({ method: "GET", path, template, pathParameters: name === "orders" ? { orderId: "order-missing" } : undefined, caller: { tenantId: "tenant-s", role: "admin" } }));
      expect([200, 404]).toContain(response.statusCode);
      expect(api.calls).toEqual([]);
    });
  }

  test("unset, empty or trailing-comma APP_SECRET_ARNS are fine", () => {
    for (const value of [undefined, "", " ", `TOKEN=${SSM_ARN},`]) expect(() => world.load("orders", secretsEnv({ APP_SECRET_ARNS: value }))).not.toThrow();
  });

  test("every partition and an SSM parameter without hierarchy are accepted", () => {
    const arns = [
      "arn:aws-cn:ssm:cn-north-1:123456789012:parameter/token",
      "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:token-a1B2c3",
      "arn:aws:secretsmanager:ap-southeast-2:123456789012:secret:a+b=c.d@e_f-000000",
    ];
    expect(() => world.load("catalog", secretsEnv({ APP_SECRET_ARNS: arns.map((arn, i) => `S${i}=${arn}`).join(",") }))).not.toThrow();
  });
});

describe("the secret store of a container", () => {
  test("many concurrent first uses share one request per secret; later uses make none", async () => {
    api.delayMs = 50;
    const secrets = container();
    expect(secrets.names).toEqual(["TOKEN_SIGNING_SECRET", "PARTNER_KEY"]);
    const round = () => Promise.all(Array.from({ length: 40 }, (_, i) => secrets.get(i % 2 === 0 ? "TOKEN_SIGNING_SECRET" : "PARTNER_KEY")));
    const first = await round();
    expect(first.filter((_, i) => i % 2 === 0)).toEqual(Array(20).fill(TOKEN_VALUE));
    expect(first.filter((_, i) => i % 2 === 1)).toEqual(Array(20).fill(PARTNER_VALUE));
    await round();
    expect(await secrets.get("PARTNER_KEY")).toBe(PARTNER_VALUE);
    expect(api.callsOf("ssm")).toHaveLength(1);
    expect(api.callsOf("secretsmanager")).toHaveLength(1);

    // A new container reads them again, once.
    const next = container();
    await Promise.all([next.get("TOKEN_SIGNING_SECRET"), next.get("TOKEN_SIGNING_SECRET")]);
    expect(api.callsOf("ssm")).toHaveLength(2);
    expect(api.callsOf("secretsmanager")).toHaveLength(1);

    const loaded = logs.where((line) => line.event === "secret_read");
    expect(loaded.map((line) => [line.secret, line.source, line.arn])).toEqual([
      ["TOKEN_SIGNING_SECRET", "ssm", SSM_ARN],
      ["PARTNER_KEY", "secretsmanager", SECRET_ARN],
      ["TOKEN_SIGNING_SECRET", "ssm", SSM_ARN],
    ]);
  });

  test("SSM: GetParameter with Name = the ARN and WithDecryption, signed for the ARN's region", async () => {
    expect(await container().get("TOKEN_SIGNING_SECRET")).toBe(TOKEN_VALUE);
    const [call] = api.callsOf("ssm");
    expect(call!.body).toEqual({ Name: SSM_ARN, WithDecryption: true });
    expect(call!.scope).toMatch(/^\d{8}\/eu-west-1\/ssm\/aws4_request$/);
  });

  test("Secrets Manager: GetSecretValue with SecretId = the ARN, signed for the ARN's region", async () => {
    expect(await container().get("PARTNER_KEY")).toBe(PARTNER_VALUE);
    const [call] = api.callsOf("secretsmanager");
    expect(call!.body).toEqual({ SecretId: SECRET_ARN });
    expect(call!.scope).toMatch(/^\d{8}\/eu-central-1\/secretsmanager\/aws4_request$/);
  });

  test("a failed fetch fails every caller waiting on it, is not cached, and the next use fetches again", async () => {
    api.delayMs = 30;
    api.script("ssm", { status: 400, type: "AccessDeniedException", message: `User is not authorized to perform: ssm:GetParameter on resource: ${SSM_ARN}` });
    const secrets = container();
    const failed = await Promise.all(Array.from({ length: 10 }, () => settle(secrets.get("TOKEN_SIGNING_SECRET"))));
    expect(api.callsOf("ssm")).toHaveLength(1);
    for (const outcome of failed) {
      expect(outcome).toHaveProperty("error");
      const { error } = outcome as { error: Error };
      expect(error.name).toBe("SecretReadError");
      expect(error.message).toBe(`secret TOKEN_SIGNING_SECRET (${SSM_ARN}) could not be read: AccessDeniedException, HTTP 400, request id fake-request-id: User is not authorized to perform: ssm:GetParameter on resource: ${SSM_ARN}`);
    }
    expect(logs.where((line) => line.event === "secret_read_failed")).toHaveLength(1);

    expect(await secrets.get("TOKEN_SIGNING_SECRET")).toBe(TOKEN_VALUE);
    expect(await secrets.get("TOKEN_SIGNING_SECRET")).toBe(TOKEN_VALUE);
    expect(api.callsOf("ssm")).toHaveLength(2);
  });

  test("server faults (after the SDK's 3 attempts) and throttling are ServiceUnavailable (503), then retried on the next use", async () => {
    api.script("secretsmanager", { status: 500, type: "InternalServiceError", message: "boom" }, 3);
    const secrets = container();
    const outcome = await settle(secrets.get("PARTNER_KEY"));
    expect(api.callsOf("secretsmanager")).toHaveLength(3);
    expect(outcome).toHaveProperty("error");
    const { error } = outcome as { error: Error & { code: string; status: number; cause: Error } };
    expect([error.name, error.code, error.status]).toEqual(["ServiceUnavailableError", "ERR_SERVICE_UNAVAILABLE", 503]);
    expect(error.cause.message).toMatch(/^secret PARTNER_KEY \(.*\) could not be read: InternalServiceError, HTTP 500/);
    expect(await secrets.get("PARTNER_KEY")).toBe(PARTNER_VALUE);
    expect(api.callsOf("secretsmanager")).toHaveLength(4);

    api.script("ssm", { status: 400, type: "ThrottlingException", message: "Rate exceeded" }, 3);
    const throttled = await settle(container().get("TOKEN_SIGNING_SECRET"));
    expect(throttled).toMatchObject({ error: { name: "ServiceUnavailableError", status: 503 } });
  }, 20_000);

  test("a binary Secrets Manager secret is refused (and retried later, not cached)", async () => {
    api.secrets.set(SECRET_ARN, { binary: Buffer.from("binary-VALUE") });
    const secrets = container();
    const outcome = await settle(secrets.get("PARTNER_KEY"));
    expect(outcome).toMatchObject({ error: { name: "SecretReadError", message: `secret PARTNER_KEY (${SECRET_ARN}) is binary (SecretBinary); only SecretString is supported` } });
    api.secrets.set(SECRET_ARN, { string: PARTNER_VALUE });
    expect(await secrets.get("PARTNER_KEY")).toBe(PARTNER_VALUE);
    expect(api.callsOf("secretsmanager")).toHaveLength(2);
  });

  test("an SSM String (unencrypted) parameter is refused; an empty value is refused", async () => {
    api.parameters.set(SSM_ARN, { type: "String", value: TOKEN_VALUE });
    expect(await settle(container().get("TOKEN_SIGNING_SECRET"))).toMatchObject({
      error: { name: "SecretReadError", message: `secret TOKEN_SIGNING_SECRET (${SSM_ARN}) is a String parameter, not a SecureString` },
    });
    api.secrets.set(SECRET_ARN, { string: "" });
    expect(await settle(container().get("PARTNER_KEY"))).toMatchObject({ error: { name: "SecretReadError", message: `secret PARTNER_KEY (${SECRET_ARN}) is empty` } });
  });

  // The SDK's own error for the bare body reads `Unexpected token 't', "tok3n-s1gning-VALUE-9f8e7d" is not valid JSON`.
  test.each([
    ["a bare value", TOKEN_VALUE],
    ["truncated JSON", `{"Parameter":{"Type":"SecureString","Value":"${TOKEN_VALUE}"`],
  ])("a response the SDK cannot parse (%s) never puts its body (the secret) into the error or the logs", async (_, raw) => {
    api.script("ssm", { status: 200, raw });
    const outcome = await settle(container().get("TOKEN_SIGNING_SECRET"));
    expect(outcome).toHaveProperty("error");
    const { error } = outcome as { error: Error & { cause?: Error } };
    expect(error.message).toBe(`secret TOKEN_SIGNING_SECRET (${SSM_ARN}) could not be read: SyntaxError, HTTP 200, request id fake-request-id`);
    const described = JSON.stringify({ message: error.message, cause: error.cause?.message, stack: error.stack, own: { ...error } });
    expect(described).not.toContain(TOKEN_VALUE);
    expect(logs.where((line) => line.event === "secret_read_failed")).toHaveLength(1);
  });

  test("a name APP_SECRET_ARNS does not list is a programming error, and fetches nothing", async () => {
    const secrets = container();
    expect(await settle(secrets.get("NOT_CONFIGURED"))).toMatchObject({
      error: { name: "UnknownSecretError", message: 'unknown secret "NOT_CONFIGURED": APP_SECRET_ARNS names TOKEN_SIGNING_SECRET, PARTNER_KEY' },
    });
    expect(await settle(container({ APP_SECRET_ARNS: undefined }).get("TOKEN_SIGNING_SECRET"))).toMatchObject({ error: { name: "UnknownSecretError" } });
    expect(api.calls).toEqual([]);
  });
});
