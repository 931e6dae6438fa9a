// The secrets of one container, read on first use and then kept for the container's life:
// - nothing is fetched at cold start; a secret is read when handler code first asks for it, so a function
//   whose requests never need it makes no call at all;
// - each secret is fetched at most once per container: concurrent first uses share one in-flight request;
// - every read is bounded (secret-reader.ts: 5 s, or the deadline of the request that started it); a read
//   that runs out of time is a ServiceUnavailableError (503);
// - a failed fetch is not remembered: the callers waiting on it get the error, and the next get() tries
//   again (at most one attempt in flight at a time, each with the SDK's own 3 tries);
// - a rotated secret reaches new containers only; keep the previous value valid while old ones drain.
// Values are never logged: the log lines below carry the NAME, ARN, source and timing only.
import { ServiceUnavailableError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { SecretRef, SecretSource } from "./secret-arns.js";
import { SecretReadError, type ReadSecret } from "./secret-reader.js";

export interface Secrets {
  /**
   * The value of the secret APP_SECRET_ARNS names `name`. Rejects with an UnknownSecretError for a name it
   * does not list (a programming or deployment error), a ServiceUnavailableError (503) when the service
   * throttled or failed, a SecretReadError (500) otherwise.
   */
  get(name: string): Promise<string>;
  /** The names APP_SECRET_ARNS lists. */
  readonly names: readonly string[];
}

/** Handler code asked for a secret that APP_SECRET_ARNS does not list. */
export class UnknownSecretError extends Error {
  override name = "UnknownSecretError";

  constructor(name: string, known: readonly string[]) {
    super(`unknown secret ${JSON.stringify(name)}: APP_SECRET_ARNS names ${known.length === 0 ? "none" : known.join(", ")}`);
  }
}

export class SecretStore implements Secrets {
  readonly names: readonly string[];
  private readonly values = new Map<string, Promise<string>>();

  constructor(
    private readonly refs: ReadonlyMap<string, SecretRef>,
    private readonly readers: Readonly<Record<SecretSource, ReadSecret>>,
    private readonly logger: Logger,
  ) {
    this.names = Object.freeze([...refs.keys()]);
  }

  get(name: string): Promise<string> {
    const cached = this.values.get(name);
    if (cached !== undefined) return cached;
    const ref = this.refs.get(name);
    if (ref === undefined) return Promise.reject(new UnknownSecretError(name, this.names));
    // The catch callback always runs after set() below, so a failure (even a synchronous one) is forgotten.
    const pending = this.load(ref).catch((error: unknown) => {
      this.values.delete(name);
      throw error;
    });
    this.values.set(name, pending);
    return pending;
  }

  private async load(ref: SecretRef): Promise<string> {
    const started = performance.now();
    const fields = { event: "secret_read", secret: ref.name, source: ref.source, arn: ref.arn };
    try {
      const value = await this.readers[ref.source](ref);
      this.logger.info({ ...fields, durationMs: elapsed(started) }, "secret read");
      return value;
    } catch (error) {
      const failure = secretFailure(ref, error);
      this.logger.error({ ...fields, event: "secret_read_failed", durationMs: elapsed(started), err: failure }, "secret read failed");
      throw failure;
    }
  }
}

const RETRYABLE_NAMES = new Set(["ThrottlingException", "TooManyUpdates", "InternalServerError", "InternalServiceError", "InternalFailure", "ServiceUnavailable", "TimeoutError", "RequestTimeout", "AbortError"]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND"]);

interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
}

/**
 * Throttling, server faults and network failures: 503 (retry later); anything else: a SecretReadError (500).
 * The SDK error itself is never kept as a cause (it would be logged): a failed deserialisation carries the
 * raw response body (`$responseBodyText`), and JSON parse messages quote it, i.e. possibly the secret.
 */
function secretFailure(ref: SecretRef, error: unknown): Error {
  if (error instanceof SecretReadError) return error;
  const e: SdkErrorLike = typeof error === "object" && error !== null ? (error as SdkErrorLike) : {};
  const status = typeof e.$metadata?.httpStatusCode === "number" ? e.$metadata.httpStatusCode : undefined;
  const retryable =
    RETRYABLE_NAMES.has(String(e.name)) || NETWORK_CODES.has(String(e.code)) || e.$fault === "server" || status === 429 || (status !== undefined && status >= 500);
  const failure = new SecretReadError(ref, `could not be read: ${describe(e, status)}`);
  return retryable ? new ServiceUnavailableError({ cause: failure }) : failure;
}

/** Name, code, HTTP status and request id; the message only when an error response of the service sent it. */
function describe(e: SdkErrorLike, status: number | undefined): string {
  const parts = [typeof e.name === "string" ? e.name : "Error"];
  if (typeof e.code === "string") parts.push(e.code);
  if (status !== undefined) parts.push(`HTTP ${status}`);
  if (typeof e.$metadata?.requestId === "string") parts.push(`request id ${e.$metadata.requestId}`);
  const fromService = status !== undefined && status >= 400 && typeof e.message === "string" && e.message !== "" && e.message !== "UnknownError";
  return fromService ? `${parts.join(", ")}: ${e.message as string}` : parts.join(", ");
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
