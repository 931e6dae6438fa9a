// What an integration gave back, before the gateway adds its own headers.
export interface IntegrationResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Record<string, string[]>;
  readonly body: Buffer;
}

export type IntegrationOutcome =
  | { readonly ok: true; readonly response: IntegrationResponse }
  | { readonly ok: false; readonly failure: "function-error" | "bad-response" | "not-built" | "timeout" | "unreachable" | "unsupported"; readonly detail: string };

function addHeader(headers: Record<string, string[]>, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  (headers[name.toLowerCase()] ??= []).push(String(value));
}

/**
 * A Lambda proxy result as API Gateway reads it. Payload 2.0 accepts a result without `statusCode` (a 200 with
 * the result as JSON); payload 1.0 requires `statusCode`, and anything else is a malformed response.
 */
export function lambdaProxyResponse(payload: any, version: "1.0" | "2.0"): IntegrationOutcome {
  const structured = payload !== null && typeof payload === "object" && !Array.isArray(payload) && "statusCode" in payload;
  if (!structured) {
    if (version === "1.0") return { ok: false, failure: "bad-response", detail: "Malformed Lambda proxy response: no statusCode" };
    const body = typeof payload === "string" ? payload : JSON.stringify(payload);
    return { ok: true, response: { status: 200, headers: { "content-type": ["application/json"] }, body: Buffer.from(body ?? "") } };
  }
  const status = Number(payload.statusCode);
  if (!Number.isInteger(status) || status < 100 || status > 599) return { ok: false, failure: "bad-response", detail: `Malformed Lambda proxy response: statusCode ${JSON.stringify(payload.statusCode)}` };
  if (payload.body !== undefined && payload.body !== null && typeof payload.body !== "string") {
    return { ok: false, failure: "bad-response", detail: "Malformed Lambda proxy response: body is not a string" };
  }
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries((payload.headers ?? {}) as Record<string, unknown>)) addHeader(headers, name, value);
  if (version === "1.0") {
    for (const [name, values] of Object.entries((payload.multiValueHeaders ?? {}) as Record<string, unknown>)) {
      headers[name.toLowerCase()] = [];
      for (const value of Array.isArray(values) ? values : [values]) addHeader(headers, name, value);
    }
  } else {
    for (const cookie of Array.isArray(payload.cookies) ? payload.cookies : []) addHeader(headers, "set-cookie", cookie);
  }
  const text = typeof payload.body === "string" ? payload.body : "";
  return { ok: true, response: { status, headers, body: payload.isBase64Encoded === true ? Buffer.from(text, "base64") : Buffer.from(text) } };
}
