/** HTTP methods an HTTP API route key may name. */
export const HTTP_ROUTE_METHODS = ["ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"] as const;

const LITERAL_SEGMENT = /^[A-Za-z0-9._~:@!$&'()*,;=-]+$/;
const PARAMETER_SEGMENT = /^\{[A-Za-z_][A-Za-z0-9_.-]*\+?\}$/;

/**
 * Checks an HTTP API route key: `$default`, or `METHOD /path` whose segments are literals or `{param}`, with
 * a greedy `{param+}` only as the last segment. Returns what is wrong, or undefined when AWS takes it.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html
 */
export function routeKeyProblem(routeKey: string): string | undefined {
  if (routeKey === "$default") return undefined;
  const match = /^(\S+) (\S+)$/.exec(routeKey);
  if (!match) return `${JSON.stringify(routeKey)} is not a route key; write "METHOD /path" (e.g. "GET /users/{id}") or "$default"`;
  const [, method, path] = match as unknown as [string, string, string];
  if (!(HTTP_ROUTE_METHODS as readonly string[]).includes(method)) {
    return `${JSON.stringify(method)} is not an HTTP method; use one of ${HTTP_ROUTE_METHODS.join(", ")}`;
  }
  if (!path.startsWith("/")) return `path ${JSON.stringify(path)} must start with "/"`;
  if (path === "/") return undefined;
  if (path.endsWith("/")) return `path ${JSON.stringify(path)} must not end with "/"; write ${JSON.stringify(path.slice(0, -1))}`;
  const segments = path.slice(1).split("/");
  for (const [i, segment] of segments.entries()) {
    if (segment === "") return `path ${JSON.stringify(path)} has an empty segment ("//")`;
    if (PARAMETER_SEGMENT.test(segment)) {
      if (segment.endsWith("+}") && i !== segments.length - 1) {
        return `greedy parameter ${segment} must be the last segment of ${JSON.stringify(path)}`;
      }
      continue;
    }
    if (!LITERAL_SEGMENT.test(segment)) return `path segment ${JSON.stringify(segment)} has characters AWS does not allow in a route`;
  }
  return undefined;
}
