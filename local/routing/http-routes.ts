// HTTP API route selection: the most specific matching route key, a method route before `ANY` on the same
// path, and `$default` when nothing else matches.
import type { HttpRouteModel } from "../model/http-api-model.js";
import { compareRanks, matchTemplate, requestSegments } from "./path-templates.js";

export interface HttpRouteMatch {
  readonly route: HttpRouteModel;
  readonly pathParameters: Record<string, string>;
}

export function selectHttpRoute(routes: readonly HttpRouteModel[], method: string, path: string): HttpRouteMatch | undefined {
  const segments = requestSegments(path);
  let best: { route: HttpRouteModel; params: Record<string, string>; rank: readonly number[] } | undefined;
  for (const route of routes) {
    if (route.routeKey === "$default" || (route.method !== method && route.method !== "ANY")) continue;
    const match = matchTemplate(route.path, segments);
    if (!match) continue;
    const order = best ? compareRanks(match.rank, best.rank) : -1;
    if (order < 0 || (order === 0 && best!.route.method === "ANY" && route.method !== "ANY")) best = { route, params: match.params, rank: match.rank };
  }
  if (best) return { route: best.route, pathParameters: best.params };
  const fallback = routes.find((route) => route.routeKey === "$default");
  return fallback ? { route: fallback, pathParameters: {} } : undefined;
}
