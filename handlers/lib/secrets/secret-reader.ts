// What the secret store needs from a secrets service: read one secret's current value, or fail. One
// reader per service (SSM Parameter Store, Secrets Manager); neither caches, the store does.
import { callSignal } from "../request-deadline.js";
import type { SecretRef } from "./secret-arns.js";

export type ReadSecret = (ref: SecretRef) => Promise<string>;

/** The services' SDK classes, loaded on a container's first secret read (secrets-sdk.ts). */
export type SecretsSdk = typeof import("./secrets-sdk.js");

/**
 * SDK client settings shared by both readers (as for DynamoDB, see data/dynamodb-client.ts: an attempt that
 * gets no answer is ended and retried; `requestTimeout` without `throwOnRequestTimeout` would only warn).
 */
export const SECRET_CLIENT_SETTINGS = {
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
} as const;

/** One read, retries included; the deadline of the request that started it may end it sooner. */
export const SECRET_CALL_TIMEOUT_MS = 5_000;

/** Send options bounding one read (see request-deadline.ts). */
export function secretCallOptions(): { abortSignal: AbortSignal } {
  return { abortSignal: callSignal(SECRET_CALL_TIMEOUT_MS) };
}

/**
 * A secret that cannot be used: not found, access denied, wrong type, empty. The message names the secret and
 * its ARN, never its value. Retrying soon will not help (unlike throttling, which is a ServiceUnavailableError).
 */
export class SecretReadError extends Error {
  override name = "SecretReadError";

  constructor(ref: SecretRef, problem: string) {
    super(`secret ${ref.name} (${ref.arn}) ${problem}`);
  }
}

/** A per-region client cache: the client reading a secret is created on first use, in the ARN's region. */
export function perRegion<C>(create: (region: string) => C): (region: string) => C {
  const clients = new Map<string, C>();
  return (region) => {
    let client = clients.get(region);
    if (client === undefined) {
      client = create(region);
      clients.set(region, client);
    }
    return client;
  };
}
