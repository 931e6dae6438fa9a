// The two bodies of the catalog/orders API contract and the proxy-integration response both API Gateway flavours accept
// (`{ statusCode, headers, body, isBase64Encoded }` is valid for REST proxy 1.0 and HTTP API 2.0 alike).
import { AppError, ERROR_STATUS, MethodNotAllowedError, RateLimitedError, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS, ServiceUnavailableError } from "../errors.js";
import { SECURITY_HEADERS } from "./security-headers.js";

export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** `{ statusCode, data, tenantId, requestId }` (the catalog/orders API contract success envelope). */
export function successResponse(data: unknown, tenantId: string, requestId: string, extra?: Record<string, unknown>): ApiResponse {
  const envelope: Record<string, unknown> = { statusCode: 200, data, tenantId, requestId };
  if (extra !== undefined) for (const key of Object.keys(extra)) envelope[key] = extra[key];
  return jsonResponse(200, envelope);
}

/** `{ statusCode, error, message, tenantId, requestId, timestamp }` (the catalog/orders API contract error body). */
export function errorResponse(error: AppError, tenantId: string | null, requestId: string, now: Date = new Date()): ApiResponse {
  const { status, error: name } = ERROR_STATUS[error.code];
  const headers: Record<string, string> = {};
  if (error instanceof RateLimitedError) headers["Retry-After"] = String(error.retryAfterSeconds);
  // Every 503 says when to come back, whichever error produced it.
  if (status === 503) headers["Retry-After"] = String(error instanceof ServiceUnavailableError ? error.retryAfterSeconds : SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS);
  if (error instanceof MethodNotAllowedError) headers.Allow = error.allowed.join(", ");
  return jsonResponse(
    status,
    { statusCode: status, error: name, message: error.message, tenantId, requestId, timestamp: isoSeconds(now) },
    headers,
  );
}

export function jsonResponse(statusCode: number, body: unknown, extraHeaders?: Record<string, string>): ApiResponse {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  for (const name of Object.keys(SECURITY_HEADERS)) headers[name] = SECURITY_HEADERS[name]!;
  if (extraHeaders !== undefined) for (const name of Object.keys(extraHeaders)) headers[name] = extraHeaders[name]!;
  return { statusCode, headers, body: JSON.stringify(body), isBase64Encoded: false };
}

/** `2024-01-15T14:30:00Z`, as the catalog/orders API contract prints timestamps. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
