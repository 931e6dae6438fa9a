// AWS SDK errors are translated here, at the boundary, and nowhere else: a failed condition becomes a
// domain answer chosen by the repository method that expected it; throttling, server faults, network
// failures and calls ended by their deadline become ServiceUnavailableError (503 + Retry-After: the
// client may retry); anything else is rethrown untouched (500, logged).
import { ServiceUnavailableError } from "../errors.js";

const RETRYABLE_NAMES = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  // The call's AbortSignal fired: the request's deadline (or the call's own) passed.
  "AbortError",
]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN", "ENOTFOUND", "ECONNABORTED"]);

interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return fields(error).name === "ConditionalCheckFailedException";
}

export function translateSdkError(error: unknown): never {
  if (isTransient(error)) throw new ServiceUnavailableError({ cause: error });
  throw error;
}

function isTransient(error: unknown): boolean {
  const e = fields(error);
  const status = typeof e.$metadata?.httpStatusCode === "number" ? e.$metadata.httpStatusCode : undefined;
  return (
    RETRYABLE_NAMES.has(String(e.name)) ||
    NETWORK_CODES.has(String(e.code)) ||
    e.$fault === "server" ||
    (status !== undefined && status >= 500)
  );
}

function fields(error: unknown): SdkErrorLike {
  return typeof error === "object" && error !== null ? (error as SdkErrorLike) : {};
}
