// A valid token passes in all three shapes with the tenant context (all strings); the REST policy is
// wildcarded to the API and stage; claim variants that must pass do.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import "../support/environment.js";
import { ensureHandlersBuilt } from "../support/build.js";
import { type AuthorizerFn, eventFor, expectRejected, frozenClockAndCapturedLogs, lastDenialReason, loadAuthorizer, startJwks } from "../support/authorizer-harness.js";
import { METHOD_ARN, restRequestEvent, STAGE_WILDCARD } from "../support/events.js";
import type { JwksServer } from "../support/jwks-server.js";
import { LogCapture } from "../support/logs.js";
import { makeTestKeys, NOW_SECONDS, sign, signJson, validClaims, type TestKeys } from "../support/tokens.js";

const CONTEXT = { tenantId: "tenant-123", role: "admin", sub: "user-uuid-1", scope: "api/read api/write", grant: "role" };

describe("authorizer (built bundle): valid tokens", () => {
  const logs = new LogCapture();
  let keys: TestKeys;
  let jwks: JwksServer;
  let authorizer: AuthorizerFn;

  beforeAll(async () => {
    await ensureHandlersBuilt();
    keys = await makeTestKeys();
    jwks = await startJwks(keys);
    authorizer = loadAuthorizer(jwks.uri);
  });
  afterAll(() => jwks.close());
  frozenClockAndCapturedLogs(logs);

  const bearer = async (overrides: Record<string, unknown> = {}, header: Record<string, unknown> = {}) => `Bearer ${await sign(validClaims(overrides), keys.rsa, header)}`;

  test("HTTP API 2.0: simple response with the tenant context", async () => {
    const result = await authorizer(eventFor("http-v2", await bearer()));
    expect(result).toStrictEqual({ isAuthorized: true, context: CONTEXT });
  });

  test("REST TOKEN: Allow policy wildcarded to <api>/<stage>/*/*, principal = sub, context", async () => {
    const result = await authorizer(eventFor("rest-token", await bearer()));
    expect(result).toStrictEqual({
      principalId: "user-uuid-1",
      policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: STAGE_WILDCARD }] },
      context: CONTEXT,
    });
    expect(METHOD_ARN).not.toBe(STAGE_WILDCARD);
  });

  test("REST REQUEST: same policy, header name in any case", async () => {
    for (const name of ["Authorization", "authorization", "AUTHORIZATION"]) {
      const result = await authorizer(restRequestEvent(await bearer(), name));
      expect(result).toMatchObject({ principalId: "user-uuid-1", context: CONTEXT });
      expect((result as { policyDocument: { Statement: { Resource: string }[] } }).policyDocument.Statement[0]!.Resource).toBe(STAGE_WILDCARD);
    }
  });

  test("every context value is a string, and only the five fields are set", async () => {
    const result = (await authorizer(eventFor("http-v2", await bearer({ extra: { nested: true }, "custom:role": "User" })))) as { context: Record<string, unknown> };
    expect(Object.keys(result.context).sort()).toEqual(["grant", "role", "scope", "sub", "tenantId"]);
    for (const value of Object.values(result.context)) expect(typeof value).toBe("string");
  });

  test("ES256 tokens pass", async () => {
    const token = await sign(validClaims(), keys.ec);
    expect(await authorizer(eventFor("http-v2", `Bearer ${token}`))).toStrictEqual({ isAuthorized: true, context: CONTEXT });
  });

  test("a Cognito access token without aud passes on an accepted client_id", async () => {
    const result = await authorizer(eventFor("rest-token", await bearer({ aud: undefined, client_id: "app-client-2" })));
    expect(result).toMatchObject({ context: CONTEXT });
  });

  test("an audience array passes when one value is accepted", async () => {
    expect(await authorizer(eventFor("http-v2", await bearer({ aud: ["unrelated", "app-client-2"] })))).toMatchObject({ isAuthorized: true });
  });

  test("tokens of the catalog/orders API contract carry tenant_id: the default falls back to it when custom:tenant_id is absent", async () => {
    const result = await authorizer(eventFor("http-v2", await bearer({ "custom:tenant_id": undefined, tenant_id: "tenant-456" })));
    expect(result).toStrictEqual({ isAuthorized: true, context: { ...CONTEXT, tenantId: "tenant-456" } });
  });

  test("token_use is optional; typ at+jwt and a missing typ are accepted", async () => {
    expect(await authorizer(eventFor("http-v2", await bearer({ token_use: undefined })))).toMatchObject({ isAuthorized: true });
    expect(await authorizer(eventFor("http-v2", await bearer({}, { typ: "at+jwt" })))).toMatchObject({ isAuthorized: true });
    expect(await authorizer(eventFor("http-v2", await bearer({}, { typ: undefined })))).toMatchObject({ isAuthorized: true });
  });

  test("the Bearer scheme is case-insensitive", async () => {
    const token = await sign(validClaims(), keys.rsa);
    for (const scheme of ["bearer", "BEARER", "BeArEr"]) {
      expect(await authorizer(eventFor("http-v2", `${scheme} ${token}`))).toMatchObject({ isAuthorized: true });
    }
  });

  test.each([
    ["Admin", "admin"],
    ["ADMIN", "admin"],
    ["moderator", "moderator"],
    ["User", "user"],
    ["guest", "guest"],
    ["superuser", "guest"],
    [42, "guest"],
    [["admin"], "guest"],
    [undefined, "guest"],
  ])("role claim %j becomes %s", async (claim, role) => {
    const result = (await authorizer(eventFor("http-v2", await bearer({ "custom:role": claim })))) as { context: { role: string } };
    expect(result.context.role).toBe(role);
  });

  test("clock tolerance (30 s): exp 20 s ago and nbf 20 s ahead still pass; 31 s do not", async () => {
    expect(await authorizer(eventFor("http-v2", await bearer({ exp: NOW_SECONDS - 20 })))).toMatchObject({ isAuthorized: true });
    expect(await authorizer(eventFor("http-v2", await bearer({ nbf: NOW_SECONDS + 20 })))).toMatchObject({ isAuthorized: true });
    await expectRejected(authorizer, "http-v2", await bearer({ exp: NOW_SECONDS - 31 }));
    expect(lastDenialReason(logs)).toBe("ERR_TOKEN_EXPIRED");
    await expectRejected(authorizer, "http-v2", await bearer({ nbf: NOW_SECONDS + 31 }));
    expect(lastDenialReason(logs)).toBe("ERR_TOKEN_NOT_YET_VALID");
  });

  test("a claim named __proto__ pollutes nothing", async () => {
    const json = JSON.stringify(validClaims()).replace(/^\{/, '{"__proto__":{"polluted":"yes","isAuthorized":true,"tenantId":"tenant-456"},');
    const result = await authorizer(eventFor("http-v2", `Bearer ${await signJson(json, keys.rsa)}`));
    expect(result).toStrictEqual({ isAuthorized: true, context: CONTEXT });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("a successful authorization logs nothing at info level, and never the token", async () => {
    const authorization = await bearer();
    logs.clear();
    await authorizer(eventFor("rest-token", authorization));
    expect(logs.lines).toEqual([]);
  });

  test("REST REQUEST with the Authorization header sent twice is refused", async () => {
    const first = await bearer();
    const event = restRequestEvent(first);
    event.multiValueHeaders = { Authorization: [first, await bearer({ "custom:tenant_id": "tenant-456" })] };
    await expect(authorizer(event)).rejects.toThrow(/^Unauthorized$/);
    expect(lastDenialReason(logs)).toBe("ERR_TOKEN_AMBIGUOUS");
  });

  test("a REST event with a malformed methodArn is refused", async () => {
    await expect(authorizer({ type: "TOKEN", authorizationToken: await bearer(), methodArn: "arn:aws:execute-api:us-east-1:123:abc" })).rejects.toThrow(/^Unauthorized$/);
    expect(lastDenialReason(logs)).toBe("ERR_EVENT_SHAPE");
  });

  test("an event of no known shape is refused", async () => {
    await expect(authorizer({ hello: "world" })).rejects.toThrow(/^Unauthorized$/);
    await expect(authorizer(null)).rejects.toThrow(/^Unauthorized$/);
  });

  test("custom TENANT_CLAIM and ROLE_CLAIM are used exclusively", async () => {
    const custom = loadAuthorizer(jwks.uri, { TENANT_CLAIM: "org", ROLE_CLAIM: "app_role" });
    const result = await custom(eventFor("http-v2", await bearer({ org: "acme", app_role: "Moderator" })));
    expect(result).toStrictEqual({ isAuthorized: true, context: { ...CONTEXT, tenantId: "acme", role: "moderator" } });
    // custom:tenant_id is no longer a source when TENANT_CLAIM names another claim.
    await expectRejected(custom, "http-v2", await bearer());
    expect(lastDenialReason(logs)).toBe("ERR_TENANT_CLAIM");
  });
});
