// The gateway's own answers. HTTP APIs send fixed `{"message": ...}` bodies; REST APIs send gateway
// responses, which the stack may customise (status, headers, body template) per response type, falling back
// to DEFAULT_4XX / DEFAULT_5XX.
import type { IntegrationResponse } from "../integrations/responses.js";
import type { GatewayResponseModel } from "../model/rest-api-model.js";
import { mappedHeaders, type MappingContext } from "./parameter-mapping.js";

export function httpApiError(status: number, message: string): IntegrationResponse {
  return { status, headers: { "content-type": ["application/json"] }, body: Buffer.from(JSON.stringify({ message })) };
}

export type RestResponseType =
  | "MISSING_AUTHENTICATION_TOKEN"
  | "UNAUTHORIZED"
  | "ACCESS_DENIED"
  | "INVALID_API_KEY"
  | "THROTTLED"
  | "QUOTA_EXCEEDED"
  | "AUTHORIZER_CONFIGURATION_ERROR"
  | "INTEGRATION_FAILURE"
  | "INTEGRATION_TIMEOUT"
  | "API_CONFIGURATION_ERROR"
  | "DEFAULT_5XX";

const REST_DEFAULTS: Record<RestResponseType, { status: number; message: string | null; errorType: string }> = {
  MISSING_AUTHENTICATION_TOKEN: { status: 403, message: "Missing Authentication Token", errorType: "MissingAuthenticationTokenException" },
  UNAUTHORIZED: { status: 401, message: "Unauthorized", errorType: "UnauthorizedException" },
  ACCESS_DENIED: { status: 403, message: "User is not authorized to access this resource", errorType: "AccessDeniedException" },
  INVALID_API_KEY: { status: 403, message: "Forbidden", errorType: "ForbiddenException" },
  THROTTLED: { status: 429, message: "Too Many Requests", errorType: "TooManyRequestsException" },
  QUOTA_EXCEEDED: { status: 429, message: "Limit Exceeded", errorType: "LimitExceededException" },
  AUTHORIZER_CONFIGURATION_ERROR: { status: 500, message: null, errorType: "AuthorizerConfigurationException" },
  INTEGRATION_FAILURE: { status: 502, message: "Internal server error", errorType: "InternalServerErrorException" },
  INTEGRATION_TIMEOUT: { status: 504, message: "Endpoint request timed out", errorType: "InternalServerErrorException" },
  API_CONFIGURATION_ERROR: { status: 500, message: "Internal server error", errorType: "InternalServerErrorException" },
  DEFAULT_5XX: { status: 500, message: "Internal server error", errorType: "InternalServerErrorException" },
};

export function restApiError(
  type: RestResponseType,
  responses: ReadonlyMap<string, GatewayResponseModel>,
  context: { requestId: string; message?: string | null; status?: number; mapping?: MappingContext },
): IntegrationResponse {
  const defaults = REST_DEFAULTS[type];
  const message = context.message !== undefined ? context.message : defaults.message;
  const baseStatus = context.status ?? defaults.status;
  const custom = responses.get(type) ?? responses.get(baseStatus >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
  const status = custom?.statusCode ?? baseStatus;
  const headers: Record<string, string[]> = { "content-type": ["application/json"], "x-amzn-errortype": [defaults.errorType], "x-amzn-requestid": [context.requestId] };
  Object.assign(headers, mappedHeaders(custom?.parameters ?? {}, "gatewayresponse", context.mapping));
  const template = custom?.templates["application/json"];
  const body =
    template === undefined
      ? JSON.stringify({ message })
      : template
          .replaceAll("$context.error.messageString", JSON.stringify(message))
          .replaceAll("$context.error.message", message ?? "")
          .replaceAll("$context.error.responseType", type)
          .replaceAll("$context.requestId", context.requestId);
  return { status, headers, body: Buffer.from(body) };
}
