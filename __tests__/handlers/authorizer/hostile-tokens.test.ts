// Every hostile token is refused in the HTTP API 2.0 shape (`{ isAuthorized: false }`) and the REST TOKEN
// shape (throws exactly Error("Unauthorized")), for the reason it was built to exercise (the logged code),
// and the token never appears in the logs.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { JWTPayload } from "jose";
import "../support/environment.js";
import { ensureHandlersBuilt } from "../support/build.js";
import { type AuthorizerFn, expectRejected, frozenClockAndCapturedLogs, lastDenialReason, loadAuthorizer, type Shape, startJwks } from "../support/authorizer-harness.js";
import type { JwksMode, JwksServer } from "../support/jwks-server.js";
import { LogCapture } from "../support/logs.js";
import { b64url, forge, ISSUER, makeKey, makeTestKeys, NOW_SECONDS, sign, signHs256, signJson, validClaims, type SigningKey, type TestKeys } from "../support/tokens.js";

interface HostileCase {
  readonly name: string;
  /** The Authorization value (undefined: no credential at all). */
  readonly authorization: (k: Ctx) => Promise<string | undefined> | string | undefined;
  readonly reason: string;
  /** Serve the JWKS in this mode to a fresh container for this case. */
  readonly jwks?: JwksMode | "unreachable";
  /** Also expected in the `jwks_fetch_failed` line. */
  readonly fetchReason?: string;
}

interface Ctx {
  keys: TestKeys;
  ps256: SigningKey;
  rs384: SigningKey;
}

const bearer = (token: string) => `Bearer ${token}`;
const valid = (k: Ctx, overrides: Record<string, unknown> = {}, header: Record<string, unknown> = {}) => sign(validClaims(overrides), k.keys.rsa, header).then(bearer);
/** The valid claims with `claim` set to a number literal no JS value serialises to (e.g. 1e400). */
const timeClaimJson = (claim: string, literal: string) => JSON.stringify(validClaims({ [claim]: undefined })).replace(/^\{/, `{"${claim}":${literal},`);
const swapPayload = (token: string, payload: JWTPayload) => {
  const [header, , signature] = token.split(".");
  return `${header}.${b64url(JSON.stringify(payload))}.${signature}`;
};

const CASES: HostileCase[] = [
  // algorithm attacks
  { name: "alg none, empty signature", authorization: () => bearer(forge({ alg: "none", kid: "rsa-1", typ: "JWT" }, validClaims())), reason: "ERR_TOKEN_MALFORMED" },
  { name: "alg none with a signature part", authorization: () => bearer(forge({ alg: "none", kid: "rsa-1", typ: "JWT" }, validClaims(), "c2lnbmF0dXJl")), reason: "ERR_ALG_NOT_ALLOWED" },
  { name: "alg NONE (case variant)", authorization: () => bearer(forge({ alg: "NONE", kid: "rsa-1" }, validClaims(), "c2ln")), reason: "ERR_ALG_NOT_ALLOWED" },
  { name: "HS256 keyed with the RSA public key (PEM)", authorization: async (k) => bearer(await signHs256(validClaims(), new TextEncoder().encode(k.keys.rsa.publicPem), "rsa-1")), reason: "ERR_ALG_NOT_ALLOWED" },
  { name: "HS256 keyed with the public JWK", authorization: async (k) => bearer(await signHs256(validClaims(), new TextEncoder().encode(JSON.stringify(k.keys.rsa.publicJwk)), "rsa-1")), reason: "ERR_ALG_NOT_ALLOWED" },
  { name: "disallowed alg PS256 under the real kid", authorization: async (k) => bearer(await sign(validClaims(), k.ps256)), reason: "ERR_ALG_NOT_ALLOWED" },
  { name: "disallowed alg RS384", authorization: async (k) => bearer(await sign(validClaims(), k.rs384)), reason: "ERR_ALG_NOT_ALLOWED" },
  {
    name: "allowed-alg swap: ES256 signature presented as RS256 under the EC kid",
    authorization: async (k) => {
      const token = await sign(validClaims(), k.keys.ec);
      return bearer(`${b64url(JSON.stringify({ alg: "RS256", kid: "ec-1", typ: "JWT" }))}.${token.split(".").slice(1).join(".")}`);
    },
    reason: "ERR_KEY_NOT_FOUND",
  },
  // key attacks
  { name: "unknown kid (attacker key)", authorization: async (k) => bearer(await sign(validClaims(), k.keys.attacker)), reason: "ERR_KEY_NOT_FOUND" },
  { name: "wrong key under a known kid", authorization: async (k) => bearer(await sign(validClaims(), k.keys.attacker, { kid: "rsa-1" })), reason: "ERR_SIGNATURE_INVALID" },
  { name: "jku header pointing at an attacker JWKS", authorization: async (k) => bearer(await sign(validClaims(), k.keys.attacker, { jku: "http://127.0.0.1:9/attacker.json" })), reason: "ERR_TOKEN_HEADER" },
  { name: "jku header on a token signed with the real key", authorization: (k) => valid(k, {}, { jku: "http://127.0.0.1:9/attacker.json" }), reason: "ERR_TOKEN_HEADER" },
  { name: "embedded jwk header (attacker key)", authorization: async (k) => bearer(await sign(validClaims(), k.keys.attacker, { jwk: k.keys.attacker.publicJwk, kid: "rsa-1" })), reason: "ERR_TOKEN_HEADER" },
  { name: "x5u header", authorization: (k) => valid(k, {}, { x5u: "https://attacker.example/cert.pem" }), reason: "ERR_TOKEN_HEADER" },
  {
    name: "unknown crit header",
    authorization: async (k) => bearer(await sign(validClaims(), k.keys.rsa, { crit: ["urn:example:ext"], "urn:example:ext": true }, { crit: { "urn:example:ext": true } })),
    reason: "ERR_TOKEN_HEADER",
  },
  { name: "crit b64 (a header jose knows, nobody here does)", authorization: async (k) => bearer(await sign(validClaims(), k.keys.rsa, { crit: ["b64"], b64: true })), reason: "ERR_TOKEN_HEADER" },
  { name: "no kid", authorization: (k) => valid(k, {}, { kid: undefined }), reason: "ERR_TOKEN_HEADER" },
  { name: "typ of another token kind (dpop+jwt)", authorization: (k) => valid(k, {}, { typ: "dpop+jwt" }), reason: "ERR_TOKEN_HEADER" },
  // time
  { name: "expired beyond the clock tolerance", authorization: (k) => valid(k, { exp: NOW_SECONDS - 31, iat: NOW_SECONDS - 600 }), reason: "ERR_TOKEN_EXPIRED" },
  { name: "nbf in the future", authorization: (k) => valid(k, { nbf: NOW_SECONDS + 120 }), reason: "ERR_TOKEN_NOT_YET_VALID" },
  { name: "no exp", authorization: (k) => valid(k, { exp: undefined }), reason: "ERR_CLAIM_MISSING" },
  { name: "exp as a string", authorization: (k) => valid(k, { exp: String(NOW_SECONDS + 3_600) }), reason: "ERR_CLAIM_INVALID" },
  { name: "no iat", authorization: (k) => valid(k, { iat: undefined }), reason: "ERR_CLAIM_MISSING" },
  { name: "older than the maximum token age (exp still ahead)", authorization: (k) => valid(k, { iat: NOW_SECONDS - 7_200, exp: NOW_SECONDS + 600 }), reason: "ERR_TOKEN_TOO_OLD" },
  { name: "issued in the future", authorization: (k) => valid(k, { iat: NOW_SECONDS + 600 }), reason: "ERR_CLAIM_INVALID" },
  // time claims jose would compare as any number: whole seconds within safe integers only
  { name: "exp with a fraction (1.5 s past a valid exp)", authorization: (k) => valid(k, { exp: NOW_SECONDS + 3_540.5 }), reason: "ERR_CLAIM_INVALID" },
  { name: "nbf with a fraction", authorization: (k) => valid(k, { nbf: NOW_SECONDS - 10.5 }), reason: "ERR_CLAIM_INVALID" },
  { name: "iat with a fraction", authorization: (k) => valid(k, { iat: NOW_SECONDS - 60.5 }), reason: "ERR_CLAIM_INVALID" },
  { name: "exp 1e400 (Infinity once parsed: never expires)", authorization: async (k) => bearer(await signJson(timeClaimJson("exp", "1e400"), k.keys.rsa)), reason: "ERR_CLAIM_INVALID" },
  { name: "exp beyond the safe integers (2^60)", authorization: (k) => valid(k, { exp: 2 ** 60 }), reason: "ERR_CLAIM_INVALID" },
  { name: "exp 2^53 + 2 (not exactly representable)", authorization: (k) => valid(k, { exp: 2 ** 53 + 2 }), reason: "ERR_CLAIM_INVALID" },
  { name: "nbf -1e400 (minus Infinity once parsed)", authorization: async (k) => bearer(await signJson(timeClaimJson("nbf", "-1e400"), k.keys.rsa)), reason: "ERR_CLAIM_INVALID" },
  // issuer / audience / token kind
  { name: "wrong issuer", authorization: (k) => valid(k, { iss: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Attacker" }), reason: "ERR_ISSUER" },
  { name: "issuer with a trailing slash", authorization: (k) => valid(k, { iss: `${ISSUER}/` }), reason: "ERR_ISSUER" },
  { name: "no issuer", authorization: (k) => valid(k, { iss: undefined }), reason: "ERR_CLAIM_MISSING" },
  { name: "wrong audience", authorization: (k) => valid(k, { aud: "someone-elses-client" }), reason: "ERR_AUDIENCE" },
  { name: "audience array without an accepted value", authorization: (k) => valid(k, { aud: ["x", "y"] }), reason: "ERR_AUDIENCE" },
  { name: "wrong aud even though client_id is accepted", authorization: (k) => valid(k, { aud: "other", client_id: "app-client-1" }), reason: "ERR_AUDIENCE" },
  { name: "no aud, client_id not accepted", authorization: (k) => valid(k, { aud: undefined, client_id: "someone-elses-client" }), reason: "ERR_AUDIENCE" },
  { name: "no aud and no client_id", authorization: (k) => valid(k, { aud: undefined }), reason: "ERR_AUDIENCE" },
  { name: "ID token (token_use id)", authorization: (k) => valid(k, { token_use: "id" }), reason: "ERR_TOKEN_USE" },
  { name: "token_use not a string", authorization: (k) => valid(k, { token_use: ["access"] }), reason: "ERR_TOKEN_USE" },
  // integrity
  {
    name: "tampered payload (tenant swapped, signature kept)",
    authorization: async (k) => bearer(swapPayload(await sign(validClaims(), k.keys.rsa), validClaims({ "custom:tenant_id": "tenant-456" }))),
    reason: "ERR_SIGNATURE_INVALID",
  },
  {
    name: "tampered signature",
    authorization: async (k) => {
      const token = await sign(validClaims(), k.keys.rsa);
      const at = token.lastIndexOf(".") + 10;
      return bearer(token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1));
    },
    reason: "ERR_SIGNATURE_INVALID",
  },
  // tenant / subject
  { name: "missing tenant", authorization: (k) => valid(k, { "custom:tenant_id": undefined }), reason: "ERR_TENANT_CLAIM" },
  { name: "empty tenant", authorization: (k) => valid(k, { "custom:tenant_id": "" }), reason: "ERR_TENANT_CLAIM" },
  { name: "null tenant", authorization: (k) => valid(k, { "custom:tenant_id": null }), reason: "ERR_TENANT_CLAIM" },
  { name: "numeric tenant", authorization: (k) => valid(k, { "custom:tenant_id": 123 }), reason: "ERR_TENANT_CLAIM" },
  { name: "array tenant", authorization: (k) => valid(k, { "custom:tenant_id": ["tenant-123"] }), reason: "ERR_TENANT_CLAIM" },
  { name: "object tenant", authorization: (k) => valid(k, { "custom:tenant_id": { id: "tenant-123" } }), reason: "ERR_TENANT_CLAIM" },
  { name: "tenant carrying a key separator", authorization: (k) => valid(k, { "custom:tenant_id": "tenant-123#ORDER" }), reason: "ERR_TENANT_CLAIM" },
  { name: "tenant in another case / with spaces", authorization: (k) => valid(k, { "custom:tenant_id": "Tenant 123" }), reason: "ERR_TENANT_CLAIM" },
  { name: "empty custom:tenant_id does not fall back to tenant_id", authorization: (k) => valid(k, { "custom:tenant_id": "", tenant_id: "tenant-123" }), reason: "ERR_TENANT_CLAIM" },
  {
    name: "tenant only under __proto__",
    authorization: async (k) => {
      const json = JSON.stringify(validClaims({ "custom:tenant_id": undefined })).replace(/^\{/, '{"__proto__":{"custom:tenant_id":"tenant-123","tenant_id":"tenant-123"},');
      return bearer(await signJson(json, k.keys.rsa));
    },
    reason: "ERR_TENANT_CLAIM",
  },
  { name: "no sub", authorization: (k) => valid(k, { sub: undefined }), reason: "ERR_CLAIM_MISSING" },
  { name: "empty sub", authorization: (k) => valid(k, { sub: "" }), reason: "ERR_SUBJECT_CLAIM" },
  // form
  { name: "oversized token (validly signed)", authorization: (k) => valid(k, { padding: "x".repeat(9_000) }), reason: "ERR_TOKEN_TOO_LARGE" },
  { name: "oversized header value (1 MB)", authorization: () => `Bearer ${"a".repeat(1_000_000)}`, reason: "ERR_TOKEN_TOO_LARGE" },
  { name: "garbage", authorization: () => "Bearer not-a-jwt", reason: "ERR_TOKEN_MALFORMED" },
  { name: "garbage with dots", authorization: () => "Bearer a.b.c", reason: "ERR_TOKEN_MALFORMED" },
  { name: "header that is JSON but not an object", authorization: () => `Bearer ${b64url("[1,2]")}.${b64url("{}")}.c2ln`, reason: "ERR_TOKEN_MALFORMED" },
  { name: "payload replaced by a JSON string", authorization: async (k) => bearer(swapPayload(await sign(validClaims(), k.keys.rsa), "not claims" as never)), reason: "ERR_SIGNATURE_INVALID" },
  { name: "JWE-shaped (five parts)", authorization: () => `Bearer ${b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`, reason: "ERR_TOKEN_MALFORMED" },
  { name: "empty credential", authorization: () => "", reason: "ERR_TOKEN_MISSING" },
  { name: "no credential at all", authorization: () => undefined, reason: "ERR_TOKEN_MISSING" },
  { name: "Bearer with no token", authorization: () => "Bearer ", reason: "ERR_TOKEN_MALFORMED" },
  { name: "wrong scheme (Basic)", authorization: () => "Basic dXNlcjpwYXNzd29yZA==", reason: "ERR_TOKEN_MALFORMED" },
  { name: "token without a scheme", authorization: async (k) => sign(validClaims(), k.keys.rsa), reason: "ERR_TOKEN_MALFORMED" },
  { name: "two tokens in one header", authorization: async (k) => `Bearer ${await sign(validClaims(), k.keys.rsa)} ${await sign(validClaims(), k.keys.rsa)}`, reason: "ERR_TOKEN_MALFORMED" },
  // the key set itself
  { name: "JWKS down (503)", authorization: (k) => valid(k), reason: "ERR_JWKS_UNAVAILABLE", jwks: "down", fetchReason: "ERR_JWKS_UNAVAILABLE" },
  { name: "JWKS unreachable (connection refused)", authorization: (k) => valid(k), reason: "ERR_JWKS_UNAVAILABLE", jwks: "unreachable", fetchReason: "ERR_JWKS_UNAVAILABLE" },
  { name: "JWKS oversized (declared length)", authorization: (k) => valid(k), reason: "ERR_JWKS_UNAVAILABLE", jwks: "oversized", fetchReason: "ERR_JWKS_TOO_LARGE" },
  { name: "JWKS oversized (chunked, no length)", authorization: (k) => valid(k), reason: "ERR_JWKS_UNAVAILABLE", jwks: "oversized-chunked", fetchReason: "ERR_JWKS_TOO_LARGE" },
  { name: "JWKS redirect", authorization: (k) => valid(k), reason: "ERR_JWKS_UNAVAILABLE", jwks: "redirect", fetchReason: "ERR_JWKS_UNAVAILABLE" },
  { name: "JWKS not JSON", authorization: (k) => valid(k), reason: "ERR_JWKS_UNAVAILABLE", jwks: "garbage", fetchReason: "ERR_JWKS_INVALID" },
];

const SHAPES: Shape[] = ["http-v2", "rest-token"];

describe("authorizer (built bundle): hostile tokens", () => {
  const logs = new LogCapture();
  const servers: JwksServer[] = [];
  const containers = new Map<string, AuthorizerFn>();
  let ctx: Ctx;
  let goodServer: JwksServer;

  beforeAll(async () => {
    await ensureHandlersBuilt();
    const keys = await makeTestKeys();
    ctx = { keys, ps256: await makeKey("PS256", "rsa-1"), rs384: await makeKey("RS384", "rsa-1") };
    goodServer = await startJwks(keys);
    servers.push(goodServer);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  frozenClockAndCapturedLogs(logs);

  async function containerFor(mode: HostileCase["jwks"]): Promise<AuthorizerFn> {
    const key = mode ?? "ok";
    const existing = containers.get(key);
    if (existing !== undefined) return existing;
    let uri = goodServer.uri;
    if (mode === "unreachable") {
      const closed = await startJwks(ctx.keys);
      uri = closed.uri;
      await closed.close();
    } else if (mode !== undefined) {
      const server = await startJwks(ctx.keys);
      server.mode = mode;
      servers.push(server);
      uri = server.uri;
    }
    const container = loadAuthorizer(uri);
    containers.set(key, container);
    return container;
  }

  test("there are at least 25 hostile cases, each with a distinct name", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  test("control: the valid token every case is derived from is accepted", async () => {
    const authorizer = await containerFor(undefined);
    const token = await sign(validClaims(), ctx.keys.rsa);
    expect(await authorizer({ version: "2.0", type: "REQUEST", headers: { authorization: `Bearer ${token}` }, requestContext: { requestId: "r" } })).toMatchObject({ isAuthorized: true });
  });

  describe.each(SHAPES)("%s shape", (shape) => {
    test.each(CASES.map((c) => [c.name, c] as const))("rejects: %s", async (_name, hostile) => {
      const authorizer = await containerFor(hostile.jwks);
      const authorization = await hostile.authorization(ctx);
      logs.clear();
      await expectRejected(authorizer, shape, authorization);
      expect(lastDenialReason(logs)).toBe(hostile.reason);
      if (hostile.fetchReason !== undefined) {
        const fetchFailures = logs.where((line) => line.event === "jwks_fetch_failed");
        // The first shape's request made the (failed) fetch; the second must not have fetched again.
        if (shape === SHAPES[0]) expect(fetchFailures.map((line) => line.reason)).toEqual([hostile.fetchReason]);
        else expect(fetchFailures).toEqual([]);
      }
      if (authorization !== undefined && authorization.length > 20) {
        const token = authorization.replace(/^\s*\S+\s+/, "");
        expect(logs.text()).not.toContain(token.slice(0, 40));
      }
    });
  });
});
