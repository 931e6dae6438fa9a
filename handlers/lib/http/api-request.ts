// One request shape for both ways API Gateway invokes a Lambda proxy integration: HTTP API payload 2.0
// (`version: "2.0"`, `routeKey`, `rawPath`, `requestContext.http.method`, authorizer context under
// `requestContext.authorizer.lambda`) and REST API proxy 1.0 (`httpMethod`, `resource`, `path`, authorizer
// context flattened into `requestContext.authorizer`). The event is read defensively as `unknown`.
import { ValidationError } from "../errors.js";

export type PayloadVersion = "1.0" | "2.0";

export interface ApiRequest {
  readonly payloadVersion: PayloadVersion;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The route template API Gateway matched (`/orders/{orderId}`), when it is not a catch-all. */
  readonly routeTemplate: string | undefined;
  /** Path segments, percent-decoded. */
  readonly pathSegments: readonly string[];
  readonly pathParameters: Readonly<Record<string, string>>;
  readonly queryParameters: Readonly<Record<string, string>>;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** Size of the body in bytes, as received. */
  readonly bodyBytes: number;
  readonly requestId: string;
  /** The authorizer's context (never the token's claims): the only source of tenant and role. */
  readonly authorizerContext: Readonly<Record<string, unknown>> | undefined;
}

export interface LambdaContextLike {
  readonly awsRequestId?: string;
  /** Lambda's own clock for this invocation: what the request's deadline is derived from. */
  readonly getRemainingTimeInMillis?: () => number;
}

type Json = Record<string, unknown>;

export function parseApiEvent(event: unknown, context: LambdaContextLike | undefined): ApiRequest {
  const ev = asObject(event) ?? {};
  const requestContext = asObject(ev.requestContext) ?? {};
  const http = asObject(requestContext.http) ?? {};
  // The serverless gateway deployment's smoke test (`aws lambda invoke` with `{"rawPath":..., "requestContext":{"http":{"method":...}}}`)
  // sends the 2.0 shape without `version`.
  const isV2 = ev.version === "2.0" || (ev.httpMethod === undefined && typeof http.method === "string");
  const method = String((isV2 ? http.method : ev.httpMethod) ?? "").toUpperCase();
  const rawPath = String((isV2 ? (ev.rawPath ?? http.path) : ev.path) ?? "/");
  const template = isV2 ? templateOfRouteKey(ev.routeKey) : typeof ev.resource === "string" ? ev.resource : undefined;
  const authorizer = asObject(requestContext.authorizer);
  const authorizerContext = isV2 ? asObject(authorizer?.lambda) : (asObject(authorizer?.lambda) ?? authorizer);
  const rawBody = typeof ev.body === "string" ? ev.body : undefined;
  const body = rawBody !== undefined && ev.isBase64Encoded === true ? Buffer.from(rawBody, "base64").toString("utf8") : rawBody;
  return {
    payloadVersion: isV2 ? "2.0" : "1.0",
    method,
    routeTemplate: template !== undefined && !template.includes("+") && template !== "$default" ? template : undefined,
    pathSegments: splitPath(rawPath, isV2),
    pathParameters: stringRecord(ev.pathParameters),
    queryParameters: stringRecord(ev.queryStringParameters),
    headers: lowerCaseHeaders(ev.headers),
    body,
    bodyBytes: body === undefined ? 0 : Buffer.byteLength(body, "utf8"),
    requestId: firstString(requestContext.requestId, context?.awsRequestId) ?? "unknown",
    authorizerContext,
  };
}

function templateOfRouteKey(routeKey: unknown): string | undefined {
  if (typeof routeKey !== "string") return undefined;
  const space = routeKey.indexOf(" ");
  return space === -1 ? routeKey : routeKey.slice(space + 1);
}

/** HTTP API's rawPath is percent-encoded; REST's path is already decoded. */
function splitPath(path: string, encoded: boolean): string[] {
  return path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => {
      if (!encoded) return segment;
      try {
        return decodeURIComponent(segment);
      } catch {
        throw new ValidationError("path", "Validation failed: path is not valid percent-encoding");
      }
    });
}

function asObject(value: unknown): Json | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  const obj = asObject(value);
  if (obj === undefined) return out;
  for (const key of Object.keys(obj)) {
    const entry = obj[key];
    if (typeof entry === "string") out[key] = entry;
  }
  return out;
}

function lowerCaseHeaders(value: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  const obj = asObject(value);
  if (obj === undefined) return out;
  for (const key of Object.keys(obj)) {
    const entry = obj[key];
    if (typeof entry === "string") out[key.toLowerCase()] = entry;
  }
  return out;
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === "string" && value !== "") return value;
  return undefined;
}
