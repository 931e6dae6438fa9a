// Shared set-up of the authorizer tests: keys, a JWKS server, containers of the built authorizer, and
// helpers that invoke a shape and report what came back and why (the logged reason code).
import { afterEach, beforeEach, expect, vi } from "vitest";
import type { JSONWebKeySet } from "jose";
import { loadHandler } from "./build.js";
import { httpAuthorizerEvent, restRequestEvent, restTokenEvent } from "./events.js";
import { JwksServer } from "./jwks-server.js";
import type { LogCapture } from "./logs.js";
import { AUDIENCE, ISSUER, NOW_SECONDS, OTHER_AUDIENCE, type TestKeys } from "./tokens.js";

export type AuthorizerFn = (event: unknown) => Promise<unknown>;
export type Shape = "http-v2" | "rest-token" | "rest-request";

export function authorizerEnv(jwksUri: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: `${AUDIENCE}, ${OTHER_AUDIENCE}`,
    JWKS_URI: jwksUri,
    TENANT_CLAIM: undefined,
    ROLE_CLAIM: undefined,
    JWT_MAX_TOKEN_AGE_SECONDS: undefined,
    JWT_CLOCK_TOLERANCE_SECONDS: undefined,
    LOG_LEVEL: "info",
    ...extra,
  };
}

export function loadAuthorizer(jwksUri: string, extra: Record<string, string | undefined> = {}): AuthorizerFn {
  return loadHandler<AuthorizerFn>("authorizer", authorizerEnv(jwksUri, extra));
}

export function publicJwks(keys: TestKeys): JSONWebKeySet {
  return { keys: [keys.rsa.publicJwk, keys.ec.publicJwk] };
}

export async function startJwks(keys: TestKeys): Promise<JwksServer> {
  return JwksServer.start(publicJwks(keys));
}

export function eventFor(shape: Shape, authorization: string | undefined): unknown {
  return shape === "http-v2" ? httpAuthorizerEvent(authorization) : shape === "rest-token" ? restTokenEvent(authorization) : restRequestEvent(authorization);
}

/** Invokes the authorizer and asserts the rejection is exactly what API Gateway needs for the shape. */
export async function expectRejected(authorizer: AuthorizerFn, shape: Shape, authorization: string | undefined): Promise<void> {
  if (shape === "http-v2") {
    expect(await authorizer(eventFor(shape, authorization))).toStrictEqual({ isAuthorized: false });
    return;
  }
  const error = await authorizer(eventFor(shape, authorization)).then(
    (value) => ({ resolvedWith: value }),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
  expect((error as Error).message).toBe("Unauthorized");
}

/** The reason code of the last denial logged. */
export function lastDenialReason(logs: LogCapture): unknown {
  const denials = logs.where((line) => line.event === "authorization_denied");
  return denials.at(-1)?.reason;
}

/** Around each test of the calling suite: Date frozen at NOW_SECONDS (the test tokens' times are relative to it), and the handlers' log lines captured. */
export function frozenClockAndCapturedLogs(logs: LogCapture): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW_SECONDS * 1000 });
    logs.start();
  });
  afterEach(() => {
    logs.stop();
    vi.useRealTimers();
  });
}
