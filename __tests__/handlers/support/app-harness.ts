// Shared set-up of the application handler tests: dynalite with the app table, and containers of the
// built catalog / orders / health bundles pointed at it.
import { loadHandler, type HandlerName } from "./build.js";
import { createAppTable, startDynamo, type LocalDynamo } from "./dynamo.js";
import type { ApiHandler } from "./events.js";

export const TABLE = "app-table";

/** Generous limits so only the rate-limit tests ever see a 429 (the limiter still runs on every request). */
export const ROOMY_LIMITS = "10000/20000/100000000";

/**
 * What the handlers get as Lambda context unless a test passes its own: 15 minutes left (Lambda's longest
 * timeout), so the request budget is the API Gateway cap and no test depends on dynalite being fast.
 */
export const ROOMY_CONTEXT = Object.freeze({ awsRequestId: "test-invocation", getRemainingTimeInMillis: () => 900_000 });

/** A Lambda context with `ms` left, to give a request a budget it can exhaust. */
export function contextWithRemaining(ms: number) {
  return { awsRequestId: "test-invocation", getRemainingTimeInMillis: () => ms };
}

export interface AppWorld {
  readonly dynamo: LocalDynamo;
  load(name: Exclude<HandlerName, "authorizer">, env?: Record<string, string | undefined>): ApiHandler;
}

export async function startAppWorld(): Promise<AppWorld> {
  const dynamo = await startDynamo();
  await createAppTable(dynamo.client, TABLE);
  return {
    dynamo,
    load: (name, env = {}) => withContext(
      loadHandler<ApiHandler>(name, {
        TABLE_NAME: TABLE,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        LOG_LEVEL: "info",
        RATE_LIMIT_ENABLED: undefined,
        RATE_LIMIT_TABLE_NAME: undefined,
        RATE_LIMIT_DEFAULT_TIER: undefined,
        RATE_LIMIT_TENANT_TIERS: undefined,
        RATE_LIMIT_BASIC: ROOMY_LIMITS,
        RATE_LIMIT_STANDARD: undefined,
        RATE_LIMIT_PREMIUM: undefined,
        IDEMPOTENCY_TTL_SECONDS: undefined,
        IDEMPOTENCY_WAIT_MS: undefined,
        ENVIRONMENT: undefined,
        APP_VERSION: undefined,
        // A loaded machine must not make the limiter fail open in tests that count 429s.
        RATE_LIMIT_TIMEOUT_MS: "10000",
        ...env,
      }),
    ),
  };
}

function withContext(handler: ApiHandler): ApiHandler {
  return (event, context) => handler(event, context ?? ROOMY_CONTEXT);
}

/** The security headers list of the enterprise integration requirements, which every response must carry. */
export const APPENDIX_B_HEADERS: Record<string, string> = {
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "X-XSS-Protection": "1; mode=block",
  "Content-Security-Policy":
    "default-src 'self'; img-src 'self' data: https:; font-src 'self' https:; style-src 'self' 'unsafe-inline' https:; script-src 'self' https:",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

export const ERROR_BODY_KEYS = ["error", "message", "requestId", "statusCode", "tenantId", "timestamp"];
