import { contentHash } from "../common/content-hash.js";
import type { ModuleModel } from "../model.js";
import type { RestApiModel, RestGatewayResponseModel, RestGatewayResponseType } from "./rest-model.js";

/**
 * The answers API Gateway makes itself, with the bodies the API contract documents: `{"message": ...}`, the
 * same shape as API Gateway's defaults, with fixed text where the contract fixes it (401, 403, 429).
 */
export const REST_GATEWAY_RESPONSES: Readonly<Record<RestGatewayResponseType, { readonly statusCode?: string; readonly body: string }>> = {
  DEFAULT_4XX: { body: '{"message":$context.error.messageString}' },
  DEFAULT_5XX: { body: '{"message":$context.error.messageString}' },
  UNAUTHORIZED: { statusCode: "401", body: '{"message":"Unauthorized"}' },
  ACCESS_DENIED: { statusCode: "403", body: '{"message":"Forbidden"}' },
  THROTTLED: { statusCode: "429", body: '{"message":"Too Many Requests"}' },
  QUOTA_EXCEEDED: { statusCode: "429", body: '{"message":"Too Many Requests"}' },
};

const TYPES = Object.keys(REST_GATEWAY_RESPONSES).sort() as RestGatewayResponseType[];

/** A static gateway response header value: API Gateway takes it between single quotes. */
const staticValue = (value: string) => `'${value}'`;

function secured(api: RestApiModel, headers: Readonly<Record<string, string>>): RestApiModel {
  if (api.definition.kind !== "methods") return api;
  // The CORS headers (the same on every type) come from the CORS gateway responses the normalizer made.
  const cors = api.definition.gatewayResponses.find((g) => g.type === "DEFAULT_4XX")?.parameters ?? {};
  const security = Object.fromEntries(Object.entries(headers).map(([name, value]) => [`gatewayresponse.header.${name}`, staticValue(value)]));
  const parameters = Object.fromEntries(Object.entries({ ...security, ...cors }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const gatewayResponses: RestGatewayResponseModel[] = TYPES.map((type) => ({
    type,
    statusCode: REST_GATEWAY_RESPONSES[type].statusCode,
    parameters,
    templates: { "application/json": REST_GATEWAY_RESPONSES[type].body },
  }));
  // Gateway responses take effect with a deployment: a change of them redeploys.
  return { ...api, definition: { ...api.definition, gatewayResponses }, deploymentTrigger: contentHash([api.deploymentTrigger, gatewayResponses]) };
}

/**
 * The model with every REST API defined by `methods` answering its gateway responses (DEFAULT_4XX, DEFAULT_5XX,
 * UNAUTHORIZED, ACCESS_DENIED, THROTTLED, QUOTA_EXCEEDED) with `headers` and the API's CORS headers. An API
 * defined by an OpenAPI body keeps the gateway responses its body declares.
 */
export function withGatewayResponseHeaders(model: ModuleModel, headers: Readonly<Record<string, string>>): ModuleModel {
  return { ...model, restApis: model.restApis.map((api) => secured(api, headers)) };
}
