import type { CorsConfiguration } from "../config/common.js";
import type { NormalizeContext } from "../validation/context.js";
import { joinPath } from "../validation/problems.js";
import { REST_HTTP_METHODS } from "./method-path.js";
import type { RestGatewayResponseModel, RestHttpMethod, RestMethodModel, RestResponseModel } from "./rest-model.js";

/** The CORS answer of a REST API, checked: what the gateway puts in preflight, error and non-proxy responses. */
export interface RestCorsPolicy {
  readonly origins: readonly string[];
  readonly allowHeaders: string;
  /** Methods the config allows; undefined: the methods each resource has. */
  readonly allowMethods?: readonly string[];
  readonly allowCredentials: boolean;
  readonly maxAge?: number;
  readonly exposeHeaders?: string;
}

/** The headers browsers need by default on API Gateway requests (signed, keyed or token-authorized). */
const DEFAULT_ALLOW_HEADERS = "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token";

export function normalizeRestCors(cors: CorsConfiguration | undefined, path: string, ctx: NormalizeContext): RestCorsPolicy | undefined {
  if (!cors) return undefined;
  const at = joinPath(path, "cors_configuration");
  const origins = cors.allow_origins ?? [];
  if (origins.length === 0) {
    ctx.problems.error(joinPath(at, "allow_origins"), "is required for a REST API's CORS answers", 'list the origins browsers call from, e.g. ["https://app.example.com"], or ["*"]');
  }
  if (cors.allow_credentials && origins.includes("*")) {
    ctx.problems.error(joinPath(at, "allow_origins"), 'browsers refuse "*" when allow_credentials is true', "list the origins explicitly, or set allow_credentials = false");
  }
  if (origins.includes("*") && origins.length > 1) {
    ctx.problems.error(joinPath(at, "allow_origins"), '"*" already allows every origin', 'give ["*"] alone, or list the origins');
  }
  return {
    origins,
    allowHeaders: cors.allow_headers?.join(",") ?? DEFAULT_ALLOW_HEADERS,
    allowMethods: cors.allow_methods,
    allowCredentials: cors.allow_credentials ?? false,
    maxAge: cors.max_age,
    exposeHeaders: cors.expose_headers?.join(","),
  };
}

const quoted = (value: string) => `'${value.replace(/'/g, "")}'`;

/**
 * VTL that answers with the request's `Origin` when it is one of several allowed origins (a static header can
 * name only one). Runs in integration response templates, where `$context.responseOverride` sets headers.
 */
export function originOverrideTemplate(origins: readonly string[]): string {
  const test = origins.map((o) => `$origin == "${o.replace(/"/g, "")}"`).join(" || ");
  return [
    '#set($origin = $input.params().header.get("Origin"))',
    '#if("$!origin" == "")#set($origin = $input.params().header.get("origin"))#end',
    `#if(${test})#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)#end`,
    "",
  ].join("\n");
}

/** Headers every CORS answer carries: the origin (the first one when several; the template picks the caller's). */
function originHeaders(policy: RestCorsPolicy): Record<string, string> {
  const headers: Record<string, string> = { "Access-Control-Allow-Origin": quoted(policy.origins[0] ?? "*") };
  if (policy.allowCredentials) headers["Access-Control-Allow-Credentials"] = quoted("true");
  if (policy.origins.length > 1) headers.Vary = quoted("Origin");
  return headers;
}

function allowedMethods(policy: RestCorsPolicy, methods: readonly RestHttpMethod[]): string {
  if (policy.allowMethods) return policy.allowMethods.join(",");
  const expanded = new Set<string>(["OPTIONS"]);
  for (const method of methods) {
    if (method !== "ANY") expanded.add(method);
    else for (const m of REST_HTTP_METHODS) if (m !== "ANY") expanded.add(m);
  }
  return [...expanded].sort().join(",");
}

const sortedRecord = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The `OPTIONS` MOCK method that answers preflights on one resource, without authorization or API key. */
export function preflightMethod(policy: RestCorsPolicy, resource: { id?: string; path: string }, methods: readonly RestHttpMethod[]): RestMethodModel {
  const headers: Record<string, string> = {
    ...originHeaders(policy),
    "Access-Control-Allow-Headers": quoted(policy.allowHeaders),
    "Access-Control-Allow-Methods": quoted(allowedMethods(policy, methods)),
  };
  if (policy.maxAge !== undefined) headers["Access-Control-Max-Age"] = quoted(String(policy.maxAge));
  const names = Object.keys(headers).sort();
  return {
    id: resource.id === undefined ? "cors" : `cors__${resource.id}`,
    resourceId: resource.id,
    path: resource.path,
    httpMethod: "OPTIONS",
    authorization: "NONE",
    apiKeyRequired: false,
    requestModels: {},
    requestParameters: {},
    integration: {
      type: "MOCK",
      requestTemplates: { "application/json": '{"statusCode": 200}' },
      requestParameters: {},
      passthroughBehavior: "WHEN_NO_MATCH",
      cacheKeyParameters: [],
    },
    responses: [
      {
        statusCode: "200",
        parameters: Object.fromEntries(names.map((n) => [`method.response.header.${n}`, true])),
        models: { "application/json": { builtIn: "Empty" } },
        integrationResponse: {
          parameters: Object.fromEntries(names.map((n) => [`method.response.header.${n}`, headers[n]!])),
          templates: policy.origins.length > 1 ? { "application/json": originOverrideTemplate(policy.origins) } : {},
        },
      },
    ],
  };
}

/**
 * A non-proxy method's response with the CORS headers added: API Gateway builds that response, so it must add
 * them (a proxy integration's backend adds its own).
 */
export function withCorsHeaders(response: RestResponseModel, policy: RestCorsPolicy): RestResponseModel {
  if (!response.integrationResponse) return response;
  const headers = originHeaders(policy);
  if (policy.exposeHeaders) headers["Access-Control-Expose-Headers"] = quoted(policy.exposeHeaders);
  const parameters = { ...response.parameters };
  const mapped = { ...response.integrationResponse.parameters };
  for (const [name, value] of Object.entries(headers)) {
    parameters[`method.response.header.${name}`] ??= true;
    mapped[`method.response.header.${name}`] ??= value;
  }
  let templates = response.integrationResponse.templates;
  if (policy.origins.length > 1) {
    const override = originOverrideTemplate(policy.origins);
    const bodies = Object.keys(templates).length > 0 ? templates : { "application/json": "$input.body" };
    templates = Object.fromEntries(Object.entries(bodies).map(([type, body]) => [type, `${override}${body}`]));
  }
  return { ...response, parameters: sortedRecord(parameters), integrationResponse: { ...response.integrationResponse, parameters: sortedRecord(mapped), templates: sortedRecord(templates) } };
}

/** `DEFAULT_4XX` and `DEFAULT_5XX` with the CORS headers, so that browsers see errors, not CORS failures. */
export function corsGatewayResponses(policy: RestCorsPolicy): RestGatewayResponseModel[] {
  const headers: Record<string, string> = originHeaders(policy);
  // A gateway response cannot run VTL; with several origins it echoes the caller's Origin. Its body is
  // API Gateway's own error message, never backend data.
  if (policy.origins.length > 1) headers["Access-Control-Allow-Origin"] = "method.request.header.Origin";
  headers["Access-Control-Allow-Headers"] = quoted(policy.allowHeaders);
  if (policy.exposeHeaders) headers["Access-Control-Expose-Headers"] = quoted(policy.exposeHeaders);
  const parameters = sortedRecord(Object.fromEntries(Object.entries(headers).map(([n, v]) => [`gatewayresponse.header.${n}`, v])));
  const templates = { "application/json": '{"message":$context.error.messageString}' };
  return (["DEFAULT_4XX", "DEFAULT_5XX"] as const).map((type) => ({ type, parameters, templates }));
}
