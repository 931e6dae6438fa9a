// HTTP API CORS as API Gateway applies it: the gateway answers preflights itself (whatever the routes), adds
// the configured headers to every response to a request with an allowed Origin, and drops CORS headers the
// integration sent.
import type { CorsModel } from "../model/http-api-model.js";
import type { IntegrationResponse } from "../integrations/responses.js";
import { header, type GatewayRequest } from "./gateway-request.js";

function originPattern(allowed: string): RegExp {
  return new RegExp(`^${allowed.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`, "i");
}

/** The Access-Control-Allow-Origin value for `origin`, or undefined when it is not allowed. */
export function allowOrigin(cors: CorsModel, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  if (cors.allowOrigins.includes("*")) return cors.allowCredentials ? origin : "*";
  return cors.allowOrigins.some((allowed) => originPattern(allowed).test(origin)) ? origin : undefined;
}

export function isPreflight(request: GatewayRequest): boolean {
  return request.method === "OPTIONS" && header(request, "origin") !== undefined && header(request, "access-control-request-method") !== undefined;
}

export function preflightResponse(cors: CorsModel, request: GatewayRequest): IntegrationResponse {
  const headers: Record<string, string[]> = {};
  const origin = allowOrigin(cors, header(request, "origin"));
  const requested = (header(request, "access-control-request-method") ?? "").toUpperCase();
  const methodAllowed = cors.allowMethods.includes("*") || cors.allowMethods.includes(requested);
  if (origin && methodAllowed) {
    headers["access-control-allow-origin"] = [origin];
    headers["access-control-allow-methods"] = [cors.allowMethods.join(",")];
    if (cors.allowHeaders.length > 0) {
      headers["access-control-allow-headers"] = [cors.allowHeaders.includes("*") ? (header(request, "access-control-request-headers") ?? "*") : cors.allowHeaders.join(",")];
    }
    if (cors.maxAge !== undefined) headers["access-control-max-age"] = [String(cors.maxAge)];
    if (cors.allowCredentials) headers["access-control-allow-credentials"] = ["true"];
    if (cors.exposeHeaders.length > 0) headers["access-control-expose-headers"] = [cors.exposeHeaders.join(",")];
  }
  return { status: 204, headers, body: Buffer.alloc(0) };
}

/** The configured CORS headers on a (non-preflight) response, replacing any the integration set. */
export function withCorsHeaders(cors: CorsModel | undefined, request: GatewayRequest, response: IntegrationResponse): IntegrationResponse {
  if (!cors || isPreflight(request)) return response;
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !name.startsWith("access-control-")));
  const origin = allowOrigin(cors, header(request, "origin"));
  if (origin) {
    headers["access-control-allow-origin"] = [origin];
    if (cors.allowCredentials) headers["access-control-allow-credentials"] = ["true"];
    if (cors.exposeHeaders.length > 0) headers["access-control-expose-headers"] = [cors.exposeHeaders.join(",")];
    if (origin !== "*") headers.vary = [...(headers.vary ?? []), "Origin"];
  }
  return { ...response, headers };
}
