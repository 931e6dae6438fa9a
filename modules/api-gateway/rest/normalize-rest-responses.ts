import type { RestApiConfig, RestMethodConfig, RestMethodResponseConfig } from "../config/rest-api.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { joinPath, quote } from "../validation/problems.js";
import { modelRefOf } from "./normalize-rest-models.js";
import { withCorsHeaders, type RestCorsPolicy } from "./rest-cors.js";
import type { RestIntegrationModel, RestModelRef, RestResponseModel } from "./rest-model.js";

const STATUS_CODE = /^[1-5]\d\d$/;
const RESPONSE_HEADER = /^method\.response\.header\.[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** A non-proxy integration with no `responses` answers 200 with the backend's body. */
const DEFAULT_RESPONSES: Record<string, RestMethodResponseConfig> = { "200": {} };

/**
 * Method responses of a method, and for non-proxy integrations the integration responses that produce them
 * (proxy integrations pass the backend's response through). With CORS, non-proxy responses get its headers.
 */
export function normalizeRestResponses(
  api: RestApiConfig,
  method: RestMethodConfig,
  type: RestIntegrationModel["type"],
  cors: RestCorsPolicy | undefined,
  at: string,
  ctx: NormalizeContext,
): RestResponseModel[] {
  const proxy = type === "AWS_PROXY" || type === "HTTP_PROXY";
  const configured = method.responses ?? (proxy ? {} : DEFAULT_RESPONSES);
  const defaults: string[] = [];
  const responses = sortedEntries(configured).map(([statusCode, response]): RestResponseModel => {
    const responseAt = joinPath(at, statusCode);
    if (!STATUS_CODE.test(statusCode)) ctx.problems.error(responseAt, `${quote(statusCode)} is not an HTTP status code`, 'key responses by status code, e.g. "200" or "404"');
    for (const name of Object.keys(response.response_parameters ?? {})) {
      if (!RESPONSE_HEADER.test(name)) ctx.problems.error(joinPath(responseAt, "response_parameters", name), "is not a method response header", "use method.response.header.<Name>");
    }
    const models: Record<string, RestModelRef> = {};
    const modelNames = response.response_models ?? (proxy ? {} : { "application/json": "Empty" });
    for (const [contentType, name] of sortedEntries(modelNames)) {
      const ref = modelRefOf(api, name, joinPath(responseAt, "response_models", contentType), ctx);
      if (ref) models[contentType] = ref;
    }
    const integration = response.integration_response;
    if (proxy && integration !== undefined) {
      ctx.problems.error(joinPath(responseAt, "integration_response"), `is not used by a ${type} integration, which passes the backend's response through`, "remove it, or use a non-proxy integration type (AWS, HTTP)");
    }
    const model: RestResponseModel = {
      statusCode,
      parameters: Object.fromEntries(sortedEntries(response.response_parameters)),
      models,
      integrationResponse: proxy
        ? undefined
        : {
            selectionPattern: integration?.selection_pattern,
            parameters: Object.fromEntries(sortedEntries(integration?.response_parameters)),
            templates: Object.fromEntries(sortedEntries(integration?.response_templates)),
            contentHandling: integration?.content_handling,
          },
    };
    if (!proxy && integration?.selection_pattern === undefined) defaults.push(statusCode);
    return cors ? withCorsHeaders(model, cors) : model;
  });
  if (defaults.length > 1) {
    ctx.problems.error(at, `${defaults.join(" and ")} are all default integration responses (no selection_pattern)`, "give all but one an integration_response.selection_pattern");
  }
  return responses;
}
