// AWS SDK errors are translated here, at the boundary, and nowhere else: a failed condition becomes a
// domain answer chosen by the repository method that expected it; throttling and transient service faults
// become ServiceUnavailableError (503, retryable); anything else is rethrown untouched (500, logged).
import { ServiceUnavailableError } from "../errors.js";

const RETRYABLE = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
  "TimeoutError",
]);

export function isConditionalCheckFailed(error: unknown): boolean {
  return errorName(error) === "ConditionalCheckFailedException";
}

export function translateSdkError(error: unknown): never {
  if (RETRYABLE.has(errorName(error) ?? "")) throw new ServiceUnavailableError({ cause: error });
  throw error;
}

function errorName(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "name" in error && typeof error.name === "string" ? error.name : undefined;
}
