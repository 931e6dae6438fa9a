// One request as the gateway sees it once the API and stage are known.
import { randomUUID } from "node:crypto";

export interface GatewayRequest {
  readonly method: string;
  /** Path inside the stage, `/orders/o-1` (percent-encoded as received). */
  readonly path: string;
  /** Path as API Gateway reports it in events: with the stage for a named stage. */
  readonly stagePath: string;
  readonly rawQueryString: string;
  /** Lower-case names, every value as sent. */
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly requestId: string;
  readonly timeEpoch: number;
}

export function newRequestId(): string {
  return randomUUID();
}

export function header(request: GatewayRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()]?.[0];
}

/** name -> values of the query string (values decoded as API Gateway decodes them). */
export function queryParameters(rawQueryString: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) (out[name] ??= []).push(value);
  return out;
}

/** `$request.header.X`/`method.request.header.X`, `...querystring.X`, `$context.X`, `$stageVariables.X`. */
export function identityValue(request: GatewayRequest, source: string, stageVariables: Readonly<Record<string, string>>, context: Readonly<Record<string, string>> = {}): string | undefined {
  const match = /^(?:\$request|method\.request)\.(header|querystring)\.(.+)$/.exec(source);
  if (match) {
    const value = match[1] === "header" ? request.headers[match[2]!.toLowerCase()]?.join(",") : queryParameters(request.rawQueryString)[match[2]!]?.join(",");
    return value === undefined || value === "" ? undefined : value;
  }
  const stage = /^\$?stageVariables\.(.+)$/.exec(source);
  if (stage) return stageVariables[stage[1]!] || undefined;
  const ctx = /^\$?context\.(.+)$/.exec(source);
  if (ctx) return context[ctx[1]!] || undefined;
  return undefined;
}
