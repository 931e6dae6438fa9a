/** HTTP verbs a REST API method may use (`ANY` matches all). */
export const REST_HTTP_METHODS = ["ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"] as const;

const LITERAL_SEGMENT = /^[A-Za-z0-9._-]+$/;
const PARAMETER_SEGMENT = /^\{[A-Za-z0-9._-]+\+?\}$/;

/** `/users/{id}` → `["users", "{id}"]`; `/` → `[]`. Assumes a path `restPathProblem` accepted. */
export function pathSegments(path: string): string[] {
  return path === "/" ? [] : path.slice(1).split("/");
}

/** Whether a segment is a path parameter (`{id}`, `{proxy+}`). */
export function isParameterSegment(segment: string): boolean {
  return segment.startsWith("{");
}

/**
 * Checks a REST resource path: `/`, or `/`-separated segments that are literals (letters, digits, `.`, `_`, `-`)
 * or `{param}`, with a greedy `{param+}` only as the last segment. Returns what is wrong and how to fix it, or
 * undefined when AWS takes it.
 * @see https://docs.aws.amazon.com/apigateway/latest/api/API_CreateResource.html
 */
export function restPathProblem(path: string): { message: string; fix: string } | undefined {
  if (path === "/") return undefined;
  if (!path.startsWith("/")) return { message: `${JSON.stringify(path)} must start with "/"`, fix: `write ${JSON.stringify(`/${path}`)}` };
  if (path.endsWith("/")) return { message: `${JSON.stringify(path)} must not end with "/"`, fix: `write ${JSON.stringify(path.replace(/\/+$/, "") || "/")}` };
  const segments = pathSegments(path);
  for (const [i, segment] of segments.entries()) {
    if (segment === "") return { message: `${JSON.stringify(path)} has an empty segment ("//")`, fix: "remove the extra /" };
    if (PARAMETER_SEGMENT.test(segment)) {
      if (segment.endsWith("+}") && i !== segments.length - 1) {
        return { message: `greedy parameter ${segment} must be the last segment of ${JSON.stringify(path)}`, fix: "move it to the end, or drop the +" };
      }
      continue;
    }
    if (!LITERAL_SEGMENT.test(segment)) {
      return { message: `segment ${JSON.stringify(segment)} of ${JSON.stringify(path)} has characters AWS does not allow`, fix: "use letters, digits, . _ - or a {parameter}" };
    }
  }
  return undefined;
}
