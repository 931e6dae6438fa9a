// The JWKS cache: one fetch serves many tokens; an outage, an unknown kid or an oversized response never
// turns requests into fetches; a failing endpoint is retried with a short capped backoff, so recovery takes
// seconds; stale keys bridge an outage for a bounded time; rotation works after the cooldown. Clocks are
// frozen and moved by hand.
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import "../support/environment.js";
import { ensureHandlersBuilt } from "../support/build.js";
import { eventFor, expectRejected, lastDenialReason, loadAuthorizer, startJwks } from "../support/authorizer-harness.js";
import type { JwksServer } from "../support/jwks-server.js";
import { LogCapture } from "../support/logs.js";
import { makeKey, makeTestKeys, NOW_SECONDS, sign, validClaims, type TestKeys } from "../support/tokens.js";

describe("authorizer (built bundle): JWKS cache", () => {
  const logs = new LogCapture();
  let keys: TestKeys;
  let jwks: JwksServer;
  let now: number;

  beforeAll(async () => {
    await ensureHandlersBuilt();
    keys = await makeTestKeys();
  });
  beforeEach(async () => {
    now = NOW_SECONDS * 1000;
    vi.useFakeTimers({ toFake: ["Date"], now });
    logs.start();
    jwks = await startJwks(keys);
  });
  afterEach(async () => {
    logs.stop();
    vi.useRealTimers();
    await jwks.close();
  });

  const advance = (ms: number) => {
    now += ms;
    vi.setSystemTime(now);
  };
  // Tokens valid at whatever the frozen clock says.
  const token = (overrides: Record<string, unknown> = {}, key = keys.rsa) => {
    const t = Math.floor(now / 1000);
    return sign(validClaims({ iat: t - 10, exp: t + 600, ...overrides }), key).then((jwt) => `Bearer ${jwt}`);
  };

  test("50 distinct tokens, one JWKS fetch", async () => {
    const authorizer = loadAuthorizer(jwks.uri);
    for (let i = 0; i < 50; i++) expect(await authorizer(eventFor("http-v2", await token({ sub: `user-${i}` })))).toMatchObject({ isAuthorized: true });
    expect(jwks.hits).toBe(1);
  });

  test("concurrent cold requests share one fetch", async () => {
    const authorizer = loadAuthorizer(jwks.uri);
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => token({ sub: `user-${i}` })));
    const results = await Promise.all(tokens.map((t) => authorizer(eventFor("rest-token", t))));
    expect(results.every((r) => (r as { principalId?: string }).principalId !== undefined)).toBe(true);
    expect(jwks.hits).toBe(1);
  });

  test("JWKS down: requests fail closed without a fetch each; retries back off 0.5 s, 1 s, 2 s, then every 4 s", async () => {
    jwks.mode = "down";
    const authorizer = loadAuthorizer(jwks.uri);
    for (let i = 0; i < 40; i++) await expectRejected(authorizer, i % 2 === 0 ? "http-v2" : "rest-token", await token());
    expect(jwks.hits).toBe(1);
    expect(lastDenialReason(logs)).toBe("ERR_JWKS_UNAVAILABLE");
    // Two minutes of outage, a request every 250 ms: record when each fetch happened.
    const fetchedAt = [now];
    for (let elapsed = 250; elapsed <= 120_000; elapsed += 250) {
      advance(250);
      const hits = jwks.hits;
      await expectRejected(authorizer, "http-v2", await token());
      if (jwks.hits > hits) fetchedAt.push(now);
    }
    const gaps = fetchedAt.slice(1).map((at, i) => at - fetchedAt[i]!);
    expect(gaps.slice(0, 4)).toEqual([500, 1_000, 2_000, 4_000]);
    expect(new Set(gaps.slice(4))).toEqual(new Set([4_000]));
    expect(jwks.hits).toBe(fetchedAt.length);
  });

  test("the authorizer verifies again within 4 s of the JWKS endpoint coming back, after any outage", async () => {
    jwks.mode = "down";
    const authorizer = loadAuthorizer(jwks.uri);
    await expectRejected(authorizer, "http-v2", await token());
    for (let i = 0; i < 30; i++) {
      advance(2_000);
      await expectRejected(authorizer, "rest-token", await token());
    }
    jwks.mode = "ok";
    advance(4_000);
    expect(await authorizer(eventFor("http-v2", await token()))).toMatchObject({ isAuthorized: true });
    expect(await authorizer(eventFor("rest-token", await token()))).toMatchObject({ principalId: "user-uuid-1" });
  });

  test("an unknown-kid storm costs at most one refetch per cooldown", async () => {
    const authorizer = loadAuthorizer(jwks.uri);
    expect(await authorizer(eventFor("http-v2", await token()))).toMatchObject({ isAuthorized: true });
    for (let i = 0; i < 30; i++) {
      const stranger = await makeKey("RS256", `random-${i}`);
      await expectRejected(authorizer, "http-v2", await token({}, stranger));
      expect(lastDenialReason(logs)).toBe("ERR_KEY_NOT_FOUND");
    }
    expect(jwks.hits).toBe(1);
    advance(31_000);
    await expectRejected(authorizer, "http-v2", await token({}, await makeKey("RS256", "random-x")));
    expect(jwks.hits).toBe(2);
  });

  test("key rotation: a new kid is picked up by a refetch once the cooldown has passed", async () => {
    const authorizer = loadAuthorizer(jwks.uri);
    expect(await authorizer(eventFor("http-v2", await token()))).toMatchObject({ isAuthorized: true });
    const rotated = await makeKey("RS256", "rsa-2");
    jwks.jwks = { keys: [...jwks.jwks.keys, rotated.publicJwk] };
    await expectRejected(authorizer, "http-v2", await token({}, rotated));
    advance(31_000);
    expect(await authorizer(eventFor("http-v2", await token({}, rotated)))).toMatchObject({ isAuthorized: true });
    expect(jwks.hits).toBe(2);
  });

  test("stale keys bridge an outage (up to 6 h past the 10 min max age), then fail closed", async () => {
    const authorizer = loadAuthorizer(jwks.uri);
    expect(await authorizer(eventFor("http-v2", await token()))).toMatchObject({ isAuthorized: true });
    jwks.mode = "down";
    advance(11 * 60_000);
    expect(await authorizer(eventFor("http-v2", await token()))).toMatchObject({ isAuthorized: true });
    expect(jwks.hits).toBe(2);
    expect(logs.where((line) => line.event === "jwks_fetch_failed")).toHaveLength(1);
    advance(6 * 3_600_000);
    await expectRejected(authorizer, "rest-token", await token());
    expect(lastDenialReason(logs)).toBe("ERR_JWKS_UNAVAILABLE");
  });

  test.each(["oversized", "oversized-chunked"] as const)("a %s JWKS holding the right keys is refused; served normally, the same token passes", async (mode) => {
    jwks.mode = mode;
    const authorizer = loadAuthorizer(jwks.uri);
    const authorization = await token();
    await expectRejected(authorizer, "http-v2", authorization);
    expect(logs.where((line) => line.event === "jwks_fetch_failed").map((line) => line.reason)).toEqual(["ERR_JWKS_TOO_LARGE"]);
    jwks.mode = "ok";
    advance(31_000);
    expect(await authorizer(eventFor("http-v2", await token()))).toMatchObject({ isAuthorized: true });
  });

  test("JWKS entries that are private, symmetric, for encryption, mis-labelled or ambiguous are never used", async () => {
    const priv = await makeKey("RS256", "priv-1");
    const enc = await makeKey("RS256", "enc-1");
    const mislabelled = await makeKey("RS256", "label-1");
    const twinA = await makeKey("RS256", "twin");
    const twinB = await makeKey("RS256", "twin");
    const { exportJWK } = await import("jose");
    jwks.jwks = {
      keys: [
        ...jwks.jwks.keys,
        { ...(await exportJWK(priv.privateKey)), kid: "priv-1", alg: "RS256" },
        { kty: "oct", k: Buffer.from("shared-secret").toString("base64url"), kid: "oct-1", alg: "HS256" },
        { ...enc.publicJwk, use: "enc" },
        { ...mislabelled.publicJwk, alg: "RS512" },
        twinA.publicJwk,
        twinB.publicJwk,
      ],
    };
    const authorizer = loadAuthorizer(jwks.uri);
    expect(await authorizer(eventFor("http-v2", await token()))).toMatchObject({ isAuthorized: true });
    for (const key of [priv, enc, mislabelled, twinA, twinB]) {
      await expectRejected(authorizer, "http-v2", await token({}, key));
      expect(lastDenialReason(logs)).toBe("ERR_KEY_NOT_FOUND");
    }
    expect(jwks.hits).toBe(1);
  });

  test("the default JWKS URI is <issuer>/.well-known/jwks.json", async () => {
    const authorizer = loadAuthorizer("", { JWT_ISSUER: jwks.origin, JWKS_URI: undefined });
    expect(await authorizer(eventFor("http-v2", await token({ iss: jwks.origin })))).toMatchObject({ isAuthorized: true });
    expect(jwks.hits).toBe(1);
  });
});
