// The authorizer refuses to start (init error naming the variable) on configuration a security reviewer
// would not sign: no issuer, no audience, a JWKS over plain http to a non-loopback host, credentials in
// the URL, a clock tolerance above a minute.
import { beforeAll, describe, expect, test } from "vitest";
import "../support/environment.js";
import { ensureHandlersBuilt } from "../support/build.js";
import { authorizerEnv } from "../support/authorizer-harness.js";
import { loadHandler } from "../support/build.js";

const load = (overrides: Record<string, string | undefined>) => () => loadHandler("authorizer", authorizerEnv("https://issuer.example/.well-known/jwks.json", overrides));

describe("authorizer (built bundle): configuration", () => {
  beforeAll(ensureHandlersBuilt);

  test("a sound configuration loads", () => {
    expect(load({})).not.toThrow();
    expect(load({ JWKS_URI: "http://127.0.0.1:8080/jwks.json" })).not.toThrow();
    expect(load({ JWKS_URI: "http://[::1]:8080/jwks.json" })).not.toThrow();
    expect(load({ LOG_LEVEL: "WARN" })).not.toThrow();
  });

  test.each([
    [{ JWT_ISSUER: undefined }, /JWT_ISSUER: is required/],
    [{ JWT_AUDIENCE: undefined }, /JWT_AUDIENCE: is required/],
    [{ JWT_AUDIENCE: " , " }, /JWT_AUDIENCE: must list at least one audience/],
    [{ JWKS_URI: "http://issuer.example/jwks.json" }, /JWKS_URI: the JWKS URL must be https/],
    [{ JWKS_URI: "http://localhost:8080/jwks.json" }, /JWKS_URI: the JWKS URL must be https/],
    [{ JWKS_URI: "https://user:secret@issuer.example/jwks.json" }, /JWKS_URI: the JWKS URL must not carry credentials/],
    [{ JWKS_URI: "ftp://issuer.example/jwks.json" }, /JWKS_URI/],
    [{ JWKS_URI: "not a url" }, /JWKS_URI: does not give a valid JWKS URL/],
    [{ JWKS_URI: undefined, JWT_ISSUER: "http://issuer.example" }, /JWT_ISSUER: the JWKS URL must be https/],
    [{ JWT_CLOCK_TOLERANCE_SECONDS: "61" }, /JWT_CLOCK_TOLERANCE_SECONDS: must be between 0 and 60/],
    [{ JWT_MAX_TOKEN_AGE_SECONDS: "forever" }, /JWT_MAX_TOKEN_AGE_SECONDS: must be a whole number/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL: must be one of/],
  ])("refuses %j", (overrides, message) => {
    expect(load(overrides)).toThrow(message);
  });
});
