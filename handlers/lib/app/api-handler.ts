// The request pipeline shared by the catalog and orders handlers:
//   parse the event (either payload format) -> caller from the authorizer context -> per-tenant rate limit
//   -> route -> the route's handler -> the catalog/orders API contract envelope, or the catalog/orders API contract error body.
// The whole pipeline runs under the request's deadline (request-deadline.ts): every DynamoDB call it makes
// ends by then, and if the work as a whole is not done by then the answer is 503 + Retry-After anyway.
// Exactly one `request completed` log line per request (requestId, tenantId, userId, route, status, duration in
// ms, version): the field names the documented Logs Insights queries use.
// Unexpected errors are logged in full and answered with a 500 that says nothing about them.
import { AppError, ERROR_STATUS, ServiceUnavailableError } from "../errors.js";
import type { Logger } from "../logger.js";
import { parseApiEvent, type ApiRequest, type LambdaContextLike } from "../http/api-request.js";
import { errorResponse, successResponse, type ApiResponse } from "../http/responses.js";
import { matchRoute, type RouteSpec } from "../http/router.js";
import type { RateLimiter } from "../rate-limit/rate-limiter.js";
import { Deadline, requestBudgetMs, withDeadline } from "../request-deadline.js";
import { callerFromAuthorizerContext, type Caller } from "../tenant/caller.js";
import { configureTracing, traceRequest, type RequestAnnotations } from "../tracing.js";
import { BUILD_VERSION } from "../version.js";

export interface RouteInput {
  readonly request: ApiRequest;
  readonly caller: Caller;
  readonly params: Readonly<Record<string, string>>;
  readonly logger: Logger;
}

export interface RouteOutput {
  readonly data: unknown;
  /** Extra top-level envelope fields (e.g. `nextToken`). */
  readonly extra?: Record<string, unknown>;
}

export type RouteHandler = (input: RouteInput) => Promise<RouteOutput>;

export interface ApiHandlerDeps {
  readonly routes: readonly RouteSpec<RouteHandler>[];
  readonly logger: Logger;
  readonly rateLimiter: RateLimiter | undefined;
}

export type ApiHandler = (event: unknown, context?: LambdaContextLike) => Promise<ApiResponse>;

export function createApiHandler(deps: ApiHandlerDeps): ApiHandler {
  const { logger } = deps;
  configureTracing(logger);
  return (event, context) => traceRequest((annotate) => handle(event, context, annotate));
  async function handle(event: unknown, context: LambdaContextLike | undefined, annotate: (a: RequestAnnotations) => void): Promise<ApiResponse> {
    const started = performance.now();
    const deadline = Deadline.after(requestBudgetMs(context?.getRemainingTimeInMillis?.()));
    let requestId = context?.awsRequestId ?? "unknown";
    let tenantId: string | null = null;
    let userId: string | null = null;
    let route = "unmatched";
    let response: ApiResponse;
    let errorCode: string | undefined;
    try {
      const request = parseApiEvent(event, context);
      requestId = request.requestId;
      const caller = callerFromAuthorizerContext(request.authorizerContext);
      tenantId = caller.tenantId;
      userId = caller.sub;
      const work = withDeadline(deadline, async () => {
        await deps.rateLimiter?.consume(caller.tenantId);
        const match = matchRoute(deps.routes, request);
        route = match.name;
        return match.route.handler({ request, caller, params: match.params, logger });
      });
      const output = await deadline.race(work, () => new ServiceUnavailableError({ cause: new Error("request deadline passed") }));
      response = successResponse(output.data, caller.tenantId, requestId, output.extra);
    } catch (error) {
      const appError = asAppError(error);
      errorCode = appError.code;
      if (appError.status >= 500) logger.error({ err: error, requestId, tenantId, route }, "request failed");
      response = errorResponse(appError, tenantId, requestId);
    }
    logger.info(
      { requestId, tenantId, userId, route, status: response.statusCode, duration: Math.round((performance.now() - started) * 100) / 100, version: BUILD_VERSION, errorCode },
      "request completed",
    );
    annotate({ tenantId, requestId, route });
    return response;
  }
}

function asAppError(error: unknown): AppError {
  if (error instanceof AppError && error.code in ERROR_STATUS) return error;
  return new AppError("ERR_INTERNAL", "Internal server error", { cause: error });
}
