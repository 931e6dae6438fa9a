// The events API Gateway sends to Lambda: proxy payload 2.0 (HTTP APIs) and 1.0 (REST APIs, and HTTP APIs
// set to 1.0), and the authorizer events built from the same request.
import { LOCAL_ACCOUNT } from "../stack/stack-resources.js";
import { header, queryParameters, type GatewayRequest } from "../server/gateway-request.js";

export interface EventContext {
  readonly apiId: string;
  readonly region: string;
  readonly stage: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly pathParameters: Readonly<Record<string, string>>;
  /** v2: the route key; v1: the resource path (`/orders/{orderId}`). */
  readonly routeKey: string;
  readonly resourcePath: string;
  readonly domainName: string;
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;

function bodyOf(request: GatewayRequest): { body: string | null; isBase64Encoded: boolean } {
  if (request.body.length === 0) return { body: null, isBase64Encoded: false };
  const type = header(request, "content-type") ?? "";
  return TEXT_TYPES.test(type) || type === "" ? { body: request.body.toString("utf8"), isBase64Encoded: false } : { body: request.body.toString("base64"), isBase64Encoded: true };
}

function orNull<T extends object>(record: T): T | null {
  return Object.keys(record).length === 0 ? null : record;
}

export function executeApiArn(context: EventContext, method: string, path: string): string {
  return `arn:aws:execute-api:${context.region}:${LOCAL_ACCOUNT}:${context.apiId}/${context.stage}/${method}${path}`;
}

function requestTime(epoch: number): string {
  const d = new Date(epoch);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function v2Common(request: GatewayRequest, context: EventContext) {
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(request.headers)) if (name !== "cookie") headers[name] = values.join(",");
  const cookies = (request.headers.cookie ?? []).flatMap((c) => c.split(/;\s*/)).filter(Boolean);
  const query = Object.fromEntries(Object.entries(queryParameters(request.rawQueryString)).map(([k, v]) => [k, v.join(",")]));
  return {
    routeKey: context.routeKey,
    rawPath: request.stagePath,
    rawQueryString: request.rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT,
      apiId: context.apiId,
      domainName: context.domainName,
      domainPrefix: context.domainName.split(".")[0],
      http: { method: request.method, path: request.stagePath, protocol: "HTTP/1.1", sourceIp: request.sourceIp, userAgent: header(request, "user-agent") ?? "" },
      requestId: request.requestId,
      routeKey: context.routeKey,
      stage: context.stage,
      time: requestTime(request.timeEpoch),
      timeEpoch: request.timeEpoch,
    } as Record<string, unknown>,
    ...(Object.keys(context.pathParameters).length > 0 ? { pathParameters: { ...context.pathParameters } } : {}),
    ...(Object.keys(context.stageVariables).length > 0 ? { stageVariables: { ...context.stageVariables } } : {}),
  };
}

export function proxyEventV2(request: GatewayRequest, context: EventContext, authorizer: Record<string, unknown> | undefined) {
  const common = v2Common(request, context);
  const { body, isBase64Encoded } = bodyOf(request);
  return {
    version: "2.0",
    ...common,
    requestContext: { ...common.requestContext, ...(authorizer ? { authorizer } : {}) },
    ...(body !== null ? { body } : {}),
    isBase64Encoded,
  };
}

function v1Common(request: GatewayRequest, context: EventContext, identity: Record<string, unknown>) {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(request.headers)) {
    headers[name] = values[values.length - 1]!;
    multiValueHeaders[name] = [...values];
  }
  const multiQuery = queryParameters(request.rawQueryString);
  const query = Object.fromEntries(Object.entries(multiQuery).map(([k, v]) => [k, v[v.length - 1]!]));
  return {
    resource: context.resourcePath,
    path: request.path,
    httpMethod: request.method,
    headers: orNull(headers),
    multiValueHeaders: orNull(multiValueHeaders),
    queryStringParameters: orNull(query),
    multiValueQueryStringParameters: orNull(multiQuery),
    pathParameters: orNull({ ...context.pathParameters }),
    stageVariables: orNull({ ...context.stageVariables }),
    requestContext: {
      accountId: LOCAL_ACCOUNT,
      apiId: context.apiId,
      domainName: context.domainName,
      domainPrefix: context.domainName.split(".")[0],
      extendedRequestId: request.requestId,
      httpMethod: request.method,
      identity: { sourceIp: request.sourceIp, userAgent: header(request, "user-agent") ?? null, ...identity },
      path: request.stagePath,
      protocol: "HTTP/1.1",
      requestId: request.requestId,
      requestTime: requestTime(request.timeEpoch),
      requestTimeEpoch: request.timeEpoch,
      resourceId: context.resourcePath,
      resourcePath: context.resourcePath,
      stage: context.stage,
    } as Record<string, unknown>,
  };
}

export function proxyEventV1(request: GatewayRequest, context: EventContext, authorizer: Record<string, unknown> | undefined, identity: Record<string, unknown> = {}) {
  const common = v1Common(request, context, identity);
  const { body, isBase64Encoded } = bodyOf(request);
  return { ...common, requestContext: { ...common.requestContext, ...(authorizer ? { authorizer } : {}) }, body, isBase64Encoded };
}

/** HTTP API Lambda authorizer event, payload 2.0. */
export function httpAuthorizerEventV2(request: GatewayRequest, context: EventContext, identitySource: readonly string[]) {
  const common = v2Common(request, context);
  return { version: "2.0", type: "REQUEST", routeArn: executeApiArn(context, request.method, request.path), identitySource: [...identitySource], ...common };
}

/** HTTP API Lambda authorizer event, payload 1.0 (a REST REQUEST event with `version` and `identitySource`). */
export function httpAuthorizerEventV1(request: GatewayRequest, context: EventContext, identitySource: readonly string[]) {
  return { version: "1.0", type: "REQUEST", methodArn: executeApiArn(context, request.method, request.path), identitySource: identitySource.join(","), ...v1Common(request, context, {}) };
}

export function restTokenAuthorizerEvent(token: string, methodArn: string) {
  return { type: "TOKEN", authorizationToken: token, methodArn };
}

export function restRequestAuthorizerEvent(request: GatewayRequest, context: EventContext, methodArn: string) {
  return { type: "REQUEST", methodArn, ...v1Common(request, context, {}) };
}
