// The application's error vocabulary. Every error a handler answers with is an AppError whose `code` comes
// from the closed union below (callers switch on `code`, never on message text); its HTTP status and the
// The catalog/orders API contract's `error` name are looked up from the code in one table. Messages are written for the client:
// they never carry SDK, table or stack details (those go to the log through `cause`).

export type AppErrorCode =
  | "ERR_BAD_REQUEST"
  | "ERR_UNAUTHORIZED"
  | "ERR_FORBIDDEN"
  | "ERR_NOT_FOUND"
  | "ERR_METHOD_NOT_ALLOWED"
  | "ERR_CONFLICT"
  | "ERR_PAYLOAD_TOO_LARGE"
  | "ERR_UNSUPPORTED_MEDIA_TYPE"
  | "ERR_IDEMPOTENCY_KEY_REUSED"
  | "ERR_RATE_LIMITED"
  | "ERR_INTERNAL"
  | "ERR_SERVICE_UNAVAILABLE";

export const ERROR_STATUS: Readonly<Record<AppErrorCode, { status: number; error: string }>> = {
  ERR_BAD_REQUEST: { status: 400, error: "BadRequest" },
  ERR_UNAUTHORIZED: { status: 401, error: "Unauthorized" },
  ERR_FORBIDDEN: { status: 403, error: "Forbidden" },
  ERR_NOT_FOUND: { status: 404, error: "NotFound" },
  ERR_METHOD_NOT_ALLOWED: { status: 405, error: "MethodNotAllowed" },
  ERR_CONFLICT: { status: 409, error: "Conflict" },
  ERR_PAYLOAD_TOO_LARGE: { status: 413, error: "PayloadTooLarge" },
  ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, error: "UnsupportedMediaType" },
  ERR_IDEMPOTENCY_KEY_REUSED: { status: 422, error: "UnprocessableEntity" },
  ERR_RATE_LIMITED: { status: 429, error: "TooManyRequests" },
  ERR_INTERNAL: { status: 500, error: "InternalServerError" },
  ERR_SERVICE_UNAVAILABLE: { status: 503, error: "ServiceUnavailable" },
};

export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get status(): number {
    return ERROR_STATUS[this.code].status;
  }
}

/** 400 naming the offending field. */
export class ValidationError extends AppError {
  static readonly code = "ERR_BAD_REQUEST";
  override name = "ValidationError";

  constructor(
    readonly field: string,
    message: string,
  ) {
    super("ERR_BAD_REQUEST", message);
  }
}

export class UnauthorizedError extends AppError {
  static readonly code = "ERR_UNAUTHORIZED";
  override name = "UnauthorizedError";

  constructor(message = "Unauthorized") {
    super("ERR_UNAUTHORIZED", message);
  }
}

export class ForbiddenError extends AppError {
  static readonly code = "ERR_FORBIDDEN";
  override name = "ForbiddenError";

  constructor(message = "Insufficient permissions") {
    super("ERR_FORBIDDEN", message);
  }
}

export type ResourceType = "product" | "order" | "route";

export class NotFoundError extends AppError {
  static readonly code = "ERR_NOT_FOUND";
  override name = "NotFoundError";

  constructor(
    readonly resourceType: ResourceType,
    readonly resourceId: string,
  ) {
    super("ERR_NOT_FOUND", resourceType === "route" ? "Route not found" : `${capitalize(resourceType)} ${resourceId} not found`);
  }
}

export class MethodNotAllowedError extends AppError {
  static readonly code = "ERR_METHOD_NOT_ALLOWED";
  override name = "MethodNotAllowedError";

  constructor(readonly allowed: readonly string[]) {
    super("ERR_METHOD_NOT_ALLOWED", "Method not allowed");
  }
}

export class ConflictError extends AppError {
  static readonly code = "ERR_CONFLICT";
  override name = "ConflictError";

  constructor(message: string) {
    super("ERR_CONFLICT", message);
  }
}

export class PayloadTooLargeError extends AppError {
  static readonly code = "ERR_PAYLOAD_TOO_LARGE";
  override name = "PayloadTooLargeError";

  constructor(limitBytes: number) {
    super("ERR_PAYLOAD_TOO_LARGE", `Request body exceeds ${limitBytes} bytes`);
  }
}

/** A request body sent as anything but `application/json`. */
export class UnsupportedMediaTypeError extends AppError {
  static readonly code = "ERR_UNSUPPORTED_MEDIA_TYPE";
  override name = "UnsupportedMediaTypeError";

  constructor() {
    super("ERR_UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
  }
}

export class IdempotencyKeyReusedError extends AppError {
  static readonly code = "ERR_IDEMPOTENCY_KEY_REUSED";
  override name = "IdempotencyKeyReusedError";

  constructor() {
    super("ERR_IDEMPOTENCY_KEY_REUSED", "Idempotency-Key was already used with a different request body");
  }
}

export class RateLimitedError extends AppError {
  static readonly code = "ERR_RATE_LIMITED";
  override name = "RateLimitedError";

  constructor(
    readonly retryAfterSeconds: number,
    message = "Rate limit exceeded",
  ) {
    super("ERR_RATE_LIMITED", message);
  }
}

/** Seconds a 503 asks the client to wait before retrying (`Retry-After`). */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

/**
 * The data store throttled us, failed, is unreachable or did not answer in time: the client may retry
 * after `retryAfterSeconds` (sent as `Retry-After`; every 503 carries it).
 */
export class ServiceUnavailableError extends AppError {
  static readonly code = "ERR_SERVICE_UNAVAILABLE";
  override name = "ServiceUnavailableError";

  constructor(
    options?: { cause?: unknown },
    readonly retryAfterSeconds: number = SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
  ) {
    super("ERR_SERVICE_UNAVAILABLE", "Service temporarily unavailable", options);
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
