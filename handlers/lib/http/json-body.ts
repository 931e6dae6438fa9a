// Reading a JSON object body: size cap first, then syntax, then shape. Field checks belong to the caller.
import { PayloadTooLargeError, ValidationError } from "../errors.js";
import type { ApiRequest } from "./api-request.js";

export const MAX_BODY_BYTES = 16 * 1024;

export function jsonObjectBody(request: ApiRequest): Record<string, unknown> {
  if (request.bodyBytes > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  if (request.body === undefined || request.body.trim() === "") {
    throw new ValidationError("body", "Missing required field: body");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    throw new ValidationError("body", "Validation failed: body must be valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ValidationError("body", "Validation failed: body must be a JSON object");
  }
  return parsed as Record<string, unknown>;
}
