// Reading a JSON object body: media type first (only `application/json`, parameters such as
// `charset=utf-8` allowed), then the size cap, then syntax, then shape. Field checks belong to the caller.
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from "../errors.js";
import type { ApiRequest } from "./api-request.js";

export const MAX_BODY_BYTES = 16 * 1024;

export function jsonObjectBody(request: ApiRequest): Record<string, unknown> {
  if (request.body === undefined || request.body.trim() === "") {
    throw new ValidationError("body", "Missing required field: body");
  }
  if (!isJsonMediaType(request.headers["content-type"])) throw new UnsupportedMediaTypeError();
  if (request.bodyBytes > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
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

/**
 * `application/json`, any case, with or without parameters; a `charset`, if given, must be UTF-8 (the body
 * is decoded as UTF-8, as RFC 8259 requires). A missing header is not JSON.
 */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [mediaType, ...parameters] = contentType.split(";").map((part) => part.trim().toLowerCase());
  if (mediaType !== "application/json") return false;
  for (const parameter of parameters) {
    const [name, value] = parameter.split("=").map((part) => part.trim());
    if (name === "charset" && value?.replace(/^"(.*)"$/, "$1") !== "utf-8") return false;
  }
  return true;
}
