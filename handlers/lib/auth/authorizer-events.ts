// The three authorizer invocations, told apart by the event itself:
// - HTTP API, payload format 2.0 (`version: "2.0"`): token in the `authorization` header (or the first
//   identity source); answered with a simple response.
// - REST API TOKEN authorizer (`type: "TOKEN"`): token in `authorizationToken`; answered with a policy.
// - REST API REQUEST authorizer (`type: "REQUEST"` with a `methodArn`; also HTTP API payload 1.0): token
//   in the Authorization header, any case; answered with a policy.
// Anything else is not an authorizer event this function serves.

export type AuthorizerEvent =
  | { readonly shape: "http-v2"; readonly authorization: unknown; readonly ambiguous: boolean; readonly requestId: string | undefined }
  | { readonly shape: "rest-token"; readonly authorization: unknown; readonly ambiguous: false; readonly methodArn: string; readonly requestId: undefined }
  | { readonly shape: "rest-request"; readonly authorization: unknown; readonly ambiguous: boolean; readonly methodArn: string; readonly requestId: string | undefined };

type Json = Record<string, unknown>;

export function readAuthorizerEvent(event: unknown): AuthorizerEvent | undefined {
  if (!isObject(event)) return undefined;
  const requestId = isObject(event.requestContext) && typeof event.requestContext.requestId === "string" ? event.requestContext.requestId : undefined;
  if (event.version === "2.0") {
    const headers = isObject(event.headers) ? event.headers : {};
    const identity = Array.isArray(event.identitySource) ? event.identitySource[0] : undefined;
    return { shape: "http-v2", authorization: headers.authorization ?? identity, ambiguous: false, requestId };
  }
  if (typeof event.methodArn !== "string") return undefined;
  if (event.type === "TOKEN") return { shape: "rest-token", authorization: event.authorizationToken, ambiguous: false, methodArn: event.methodArn, requestId: undefined };
  if (event.type === "REQUEST") {
    const { value, count } = headerValue(event.headers, event.multiValueHeaders, "authorization");
    return { shape: "rest-request", authorization: value, ambiguous: count > 1, methodArn: event.methodArn, requestId };
  }
  return undefined;
}

/** Case-insensitive header lookup; `count` > 1 when the header was sent more than once. */
function headerValue(headers: unknown, multiValueHeaders: unknown, name: string): { value: unknown; count: number } {
  let value: unknown;
  let count = 0;
  if (isObject(headers)) {
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() !== name) continue;
      value = headers[key];
      count += 1;
    }
  }
  if (isObject(multiValueHeaders)) {
    for (const key of Object.keys(multiValueHeaders)) {
      const values = multiValueHeaders[key];
      if (key.toLowerCase() === name && Array.isArray(values)) count = Math.max(count, values.length);
    }
  }
  return { value, count };
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
