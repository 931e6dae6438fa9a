import { lambdaPermissionsFor } from "../common/lambda-permissions.js";
import { mergeTags } from "../common/tags.js";
import type { HttpApiConfig } from "../config/http-api.js";
import type { CorsModel, HttpApiModel } from "../model.js";
import type { NormalizeContext } from "../validation/context.js";
import { joinPath, quote } from "../validation/problems.js";
import { normalizeHttpAuthorizers } from "./normalize-http-authorizers.js";
import { normalizeHttpIntegrations } from "./normalize-http-integrations.js";
import { normalizeHttpRoutes } from "./normalize-http-routes.js";
import { normalizeHttpStages } from "./normalize-http-stages.js";

const ROUTE_SELECTION = "$request.method $request.path";

function corsOf(api: HttpApiConfig, path: string, ctx: NormalizeContext): CorsModel | undefined {
  const cors = api.cors_configuration;
  if (!cors) return undefined;
  if (cors.allow_credentials && cors.allow_origins?.includes("*")) {
    ctx.problems.error(joinPath(path, "cors_configuration", "allow_origins"), 'AWS refuses "*" when allow_credentials is true', "list the origins explicitly, or set allow_credentials = false");
  }
  return {
    allowCredentials: cors.allow_credentials,
    allowHeaders: cors.allow_headers,
    allowMethods: cors.allow_methods,
    allowOrigins: cors.allow_origins,
    exposeHeaders: cors.expose_headers,
    maxAge: cors.max_age,
  };
}

/** Checks one `http_apis` entry against AWS's rules and returns its defaulted model. */
export function normalizeHttpApi(key: string, api: HttpApiConfig, ctx: NormalizeContext): HttpApiModel {
  const path = joinPath("http_apis", key);
  const name = `${ctx.namePrefix}-${key}`;
  if (name.length > 128) ctx.problems.error(path, `API name ${quote(name)} has ${name.length} characters`, "shorten name_prefix or the key to at most 128 in all");
  if (api.waf_acl_arn !== undefined) {
    ctx.problems.error(
      joinPath(path, "waf_acl_arn"),
      "WAF web ACLs cannot be associated with HTTP APIs (AWS attaches WAF to REST API stages, ALBs and CloudFront only)",
      "remove waf_acl_arn, or serve the API through CloudFront with the ACL, or make it a rest_apis entry",
    );
  }
  if (api.route_selection_expression !== undefined && api.route_selection_expression !== ROUTE_SELECTION) {
    ctx.problems.error(joinPath(path, "route_selection_expression"), `HTTP APIs take only ${quote(ROUTE_SELECTION)}`, "remove it");
  }
  const stages = normalizeHttpStages(key, name, api, path, ctx);
  const { authorizers, functions: authorizerFunctions } = normalizeHttpAuthorizers(api, path, ctx);
  const { integrations, functions: integrationFunctions } = normalizeHttpIntegrations(api, path, ctx);
  const routes = normalizeHttpRoutes(key, api, path, ctx);
  return {
    key,
    name,
    description: api.description,
    version: api.version,
    cors: corsOf(api, path, ctx),
    disableExecuteApiEndpoint: api.disable_execute_api_endpoint ?? false,
    apiKeySelectionExpression: api.api_key_selection_expression,
    routeSelectionExpression: api.route_selection_expression,
    tags: mergeTags(ctx.commonTags, api.tags),
    stages,
    authorizers,
    integrations,
    routes,
    lambdaPermissions: lambdaPermissionsFor([...integrationFunctions, ...authorizerFunctions], `AllowApiGateway-${name}`),
  };
}
