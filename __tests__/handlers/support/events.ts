// API Gateway events as they reach the Lambdas: the three authorizer shapes and the two proxy payloads.

export const METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123def4/prod/GET/catalog";
export const STAGE_WILDCARD = "arn:aws:execute-api:us-east-1:123456789012:abc123def4/prod/*/*";

let counter = 0;
const nextRequestId = () => `req-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export function httpAuthorizerEvent(authorization: string | undefined) {
  return {
    version: "2.0",
    type: "REQUEST",
    routeArn: METHOD_ARN,
    identitySource: authorization === undefined ? [] : [authorization],
    routeKey: "GET /catalog",
    rawPath: "/catalog",
    rawQueryString: "",
    headers: authorization === undefined ? {} : { authorization },
    requestContext: { requestId: nextRequestId(), http: { method: "GET", path: "/catalog" } },
  };
}

export function restTokenEvent(authorization: string | undefined) {
  return { type: "TOKEN", authorizationToken: authorization, methodArn: METHOD_ARN };
}

export function restRequestEvent(authorization: string | undefined, headerName = "Authorization") {
  return {
    type: "REQUEST",
    methodArn: METHOD_ARN,
    resource: "/catalog",
    path: "/catalog",
    httpMethod: "GET",
    headers: authorization === undefined ? {} : { [headerName]: authorization },
    multiValueHeaders: authorization === undefined ? {} : { [headerName]: [authorization] },
    requestContext: { requestId: nextRequestId() },
  };
}

export interface CallerContext {
  tenantId: string;
  role?: string;
  sub?: string;
  scope?: string;
}

export interface ApiCall {
  method: string;
  /** Concrete path, e.g. /orders/order-1 */
  path: string;
  /** Route template as configured, e.g. /orders/{orderId}; omit for a catch-all route. */
  template?: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  caller?: CallerContext | null;
}

/** The authorizer's context. No `role` key means "user"; `role: undefined` leaves the role out entirely. */
function contextOf(caller: CallerContext): Record<string, string> {
  const context: Record<string, string> = { tenantId: caller.tenantId, sub: caller.sub ?? "user-1", scope: caller.scope ?? "api/read api/write" };
  if (!Object.hasOwn(caller, "role")) context.role = "user";
  else if (caller.role !== undefined) context.role = caller.role;
  return context;
}

function bodyOf(body: unknown): string | undefined {
  return body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
}

/** HTTP API, payload format 2.0, behind our Lambda authorizer. */
export function httpApiEvent(call: ApiCall) {
  const requestId = nextRequestId();
  return {
    version: "2.0",
    routeKey: call.template === undefined ? "$default" : `${call.method} ${call.template}`,
    rawPath: call.path,
    rawQueryString: new URLSearchParams(call.query ?? {}).toString(),
    headers: { "content-type": "application/json", ...Object.fromEntries(Object.entries(call.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])) },
    queryStringParameters: call.query,
    pathParameters: call.pathParameters,
    body: bodyOf(call.body),
    isBase64Encoded: false,
    requestContext: {
      requestId,
      http: { method: call.method, path: call.path },
      ...(call.caller === null || call.caller === undefined ? {} : { authorizer: { lambda: contextOf(call.caller) } }),
    },
  };
}

/** REST API proxy integration (payload 1.0) behind our Lambda authorizer. */
export function restApiEvent(call: ApiCall) {
  const requestId = nextRequestId();
  return {
    resource: call.template ?? "/{proxy+}",
    path: call.path,
    httpMethod: call.method,
    headers: { "Content-Type": "application/json", ...(call.headers ?? {}) },
    queryStringParameters: call.query ?? null,
    pathParameters: call.template === undefined ? { proxy: call.path.replace(/^\//, "") } : (call.pathParameters ?? null),
    body: bodyOf(call.body) ?? null,
    isBase64Encoded: false,
    requestContext: {
      requestId,
      stage: "prod",
      ...(call.caller === null || call.caller === undefined ? {} : { authorizer: { ...contextOf(call.caller), principalId: call.caller.sub ?? "user-1", integrationLatency: 12 } }),
    },
  };
}

export interface LambdaResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type ApiHandler = (event: unknown, context?: unknown) => Promise<LambdaResponse>;

export function json(response: LambdaResponse): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>;
}
