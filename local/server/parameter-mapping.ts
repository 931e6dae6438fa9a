// REST parameter mappings (`'literal'`, `method.request.header.Origin`, `stageVariables.x`, `context.requestId`),
// the right-hand sides of integration response and gateway response header mappings.
import { header, queryParameters, type GatewayRequest } from "./gateway-request.js";

export interface MappingContext {
  readonly request: GatewayRequest;
  readonly pathParameters?: Readonly<Record<string, string>>;
  readonly stageVariables?: Readonly<Record<string, string>>;
}

export function mappedValue(source: string, context: MappingContext | undefined): string | undefined {
  const literal = /^'(.*)'$/s.exec(source);
  if (literal) return literal[1];
  if (!context) return undefined;
  const requestValue = /^method\.request\.(header|querystring|path)\.(.+)$/.exec(source);
  if (requestValue) {
    const [, where, name] = requestValue as unknown as [string, string, string];
    if (where === "header") return header(context.request, name);
    if (where === "querystring") return queryParameters(context.request.rawQueryString)[name]?.at(-1);
    return context.pathParameters?.[name];
  }
  const stage = /^stageVariables\.(.+)$/.exec(source);
  if (stage) return context.stageVariables?.[stage[1]!];
  if (source === "context.requestId") return context.request.requestId;
  return undefined;
}

/** `{ "<prefix>.header.X": source }` mappings as response headers. */
export function mappedHeaders(parameters: Readonly<Record<string, string>>, prefix: string, context: MappingContext | undefined): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const [target, source] of Object.entries(parameters)) {
    const name = target.startsWith(`${prefix}.header.`) ? target.slice(prefix.length + ".header.".length) : undefined;
    const value = name === undefined ? undefined : mappedValue(source, context);
    if (name !== undefined && value !== undefined) headers[name.toLowerCase()] = [value];
  }
  return headers;
}
