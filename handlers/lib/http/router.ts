// Route matching for handlers deployed behind either an explicit route (`GET /orders/{orderId}`, whose
// template API Gateway passes on) or a catch-all (`ANY /{proxy+}`, `$default`), possibly under a stage or
// base-path prefix. Templates are matched first; otherwise the path's trailing segments are matched.
import { MethodNotAllowedError, NotFoundError } from "../errors.js";
import type { ApiRequest } from "./api-request.js";

export interface RouteSpec<H> {
  readonly method: "GET" | "POST";
  /** `/orders/{orderId}` */
  readonly template: string;
  readonly handler: H;
}

export interface RouteMatch<H> {
  readonly route: RouteSpec<H>;
  /** `GET /orders/{orderId}`: the name logged for the request. */
  readonly name: string;
  readonly params: Readonly<Record<string, string>>;
}

export function matchRoute<H>(routes: readonly RouteSpec<H>[], request: ApiRequest): RouteMatch<H> {
  const candidates = routes
    .map((route) => ({ route, params: paramsFor(route.template, request) }))
    .filter((c): c is { route: RouteSpec<H>; params: Record<string, string> } => c.params !== undefined)
    .sort((a, b) => segmentsOf(b.route.template).length - segmentsOf(a.route.template).length);
  if (candidates.length === 0) throw new NotFoundError("route", request.pathSegments.join("/"));
  const method = request.method === "HEAD" ? "GET" : request.method;
  const longest = segmentsOf(candidates[0]!.route.template).length;
  const samePath = candidates.filter((c) => segmentsOf(c.route.template).length === longest);
  const hit = samePath.find((c) => c.route.method === method);
  if (hit === undefined) throw new MethodNotAllowedError(samePath.map((c) => c.route.method));
  return { route: hit.route, name: `${hit.route.method} ${hit.route.template}`, params: hit.params };
}

/**
 * The route's parameters if it matches: by the template API Gateway matched when there is one (its
 * trailing segments, so `/v1/orders/{orderId}` is `/orders/{orderId}` mounted under a prefix; values from
 * `pathParameters`), otherwise by the path's trailing segments.
 */
function paramsFor(template: string, request: ApiRequest): Record<string, string> | undefined {
  const pattern = segmentsOf(template);
  const params: Record<string, string> = Object.create(null);
  if (request.routeTemplate !== undefined) {
    const tail = trailing(segmentsOf(request.routeTemplate), pattern.length);
    if (tail === undefined) return undefined;
    for (let i = 0; i < pattern.length; i++) {
      const name = paramName(pattern[i]!);
      if (name === undefined) {
        if (pattern[i] !== tail[i]) return undefined;
        continue;
      }
      const value = tail[i] === pattern[i] ? request.pathParameters[name] : undefined;
      if (value === undefined) return undefined;
      params[name] = value;
    }
    return params;
  }
  const tail = trailing(request.pathSegments, pattern.length);
  if (tail === undefined) return undefined;
  for (let i = 0; i < pattern.length; i++) {
    const name = paramName(pattern[i]!);
    if (name !== undefined) params[name] = tail[i]!;
    else if (pattern[i] !== tail[i]) return undefined;
  }
  return params;
}

function trailing(segments: readonly string[], count: number): readonly string[] | undefined {
  return segments.length < count ? undefined : segments.slice(segments.length - count);
}

function segmentsOf(template: string): string[] {
  return template.split("/").filter((s) => s !== "");
}

function paramName(segment: string): string | undefined {
  return segment.startsWith("{") && segment.endsWith("}") ? segment.slice(1, -1) : undefined;
}
