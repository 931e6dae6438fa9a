// GET /health (the serverless gateway deployment): `{"status":"healthy","environment":"<ENVIRONMENT>","version":"<APP_VERSION>"}`.
// No authorizer, no data store: it answers whether the function runs, cheaply enough to poll.
//
//   ENVIRONMENT  optional  default "dev"
//   APP_VERSION  optional  default: package.json "version" at build time
//   LOG_LEVEL    optional  default info
import { optionalString, type Env } from "../env.js";
import { AppError, MethodNotAllowedError } from "../errors.js";
import { createLogger, logLevelFromEnv } from "../logger.js";
import { parseApiEvent, type LambdaContextLike } from "../http/api-request.js";
import { errorResponse, jsonResponse, type ApiResponse } from "../http/responses.js";
import { BUILD_VERSION } from "../version.js";

export function createHealthHandler(env: Env): (event: unknown, context?: LambdaContextLike) => Promise<ApiResponse> {
  const logger = createLogger("health", logLevelFromEnv(env));
  const body = { status: "healthy", environment: optionalString(env, "ENVIRONMENT") ?? "dev", version: optionalString(env, "APP_VERSION") ?? BUILD_VERSION };
  return async (event, context) => {
    const started = performance.now();
    let requestId = context?.awsRequestId ?? "unknown";
    let response: ApiResponse;
    try {
      const request = parseApiEvent(event, context);
      requestId = request.requestId;
      if (request.method !== "GET" && request.method !== "HEAD") throw new MethodNotAllowedError(["GET"]);
      response = jsonResponse(200, body);
    } catch (error) {
      response = errorResponse(error instanceof AppError ? error : new AppError("ERR_INTERNAL", "Internal server error"), null, requestId);
    }
    logger.info(
      { requestId, tenantId: null, userId: null, route: "GET /health", status: response.statusCode, duration: Math.round((performance.now() - started) * 100) / 100, version: BUILD_VERSION },
      "request completed",
    );
    return response;
  };
}
