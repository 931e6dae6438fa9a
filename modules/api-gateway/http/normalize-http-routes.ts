import type { HttpApiConfig, HttpRouteConfig } from "../config/http-api.js";
import type { HttpRouteModel } from "../model.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { suggestion } from "../validation/did-you-mean.js";
import { joinPath, listOrNone, quote } from "../validation/problems.js";
import { routeKeyProblem } from "./route-key.js";

type AuthorizationType = HttpRouteModel["authorizationType"];

/** Resolves a route's authorizer: `authorizer_id` must name an authorizer of the kind `authorization_type` says. */
function authorizationOf(api: HttpApiConfig, route: HttpRouteConfig, at: string, ctx: NormalizeContext): { type: AuthorizationType; authorizerKey?: string } {
  const jwtKeys = Object.keys(api.jwt_authorizers ?? {});
  const lambdaKeys = Object.keys(api.lambda_authorizers ?? {});
  const id = route.authorizer_id;
  const kindOf = (key: string): AuthorizationType | undefined => (jwtKeys.includes(key) ? "JWT" : lambdaKeys.includes(key) ? "CUSTOM" : undefined);
  const type = route.authorization_type ?? (id !== undefined ? kindOf(id) ?? "NONE" : "NONE");
  const idPath = joinPath(at, "authorizer_id");

  if (type === "NONE" || type === "AWS_IAM") {
    if (id !== undefined && route.authorization_type !== undefined) {
      ctx.problems.error(idPath, `is set but authorization_type is ${quote(type)}`, 'remove authorizer_id, or set authorization_type to "JWT" or "CUSTOM"');
    } else if (id !== undefined) {
      ctx.problems.error(idPath, `${quote(id)} is not defined`, suggestion(id, [...jwtKeys, ...lambdaKeys]));
    }
    return { type };
  }
  const wanted = type === "JWT" ? { keys: jwtKeys, map: "jwt_authorizers" } : { keys: lambdaKeys, map: "lambda_authorizers" };
  if (id === undefined) {
    ctx.problems.error(idPath, `is required when authorization_type is ${quote(type)}`, `name one of ${wanted.map}: ${listOrNone(wanted.keys)}`);
    return { type };
  }
  const actual = kindOf(id);
  if (actual === undefined) {
    ctx.problems.error(idPath, `${quote(id)} is not defined`, suggestion(id, [...jwtKeys, ...lambdaKeys]));
  } else if (actual !== type) {
    const other = actual === "JWT" ? "jwt_authorizers" : "lambda_authorizers";
    ctx.problems.error(idPath, `${quote(id)} is a ${other} key, but authorization_type is ${quote(type)}`, `set authorization_type = ${quote(actual)}, or name one of ${wanted.map}: ${listOrNone(wanted.keys)}`);
  }
  return { type, authorizerKey: id };
}

/** Routes of an HTTP API, with targets and authorizers resolved to keys of the same API. */
export function normalizeHttpRoutes(apiKey: string, api: HttpApiConfig, path: string, ctx: NormalizeContext): HttpRouteModel[] {
  const integrationKeys = Object.keys(api.integrations ?? {});
  const seen = new Map<string, string>();
  return sortedEntries(api.routes).map(([key, route]): HttpRouteModel => {
    const at = joinPath(path, "routes", key);
    const keyProblem = routeKeyProblem(route.route_key);
    if (keyProblem) ctx.problems.error(joinPath(at, "route_key"), keyProblem.split("; ")[0]!, keyProblem.split("; ")[1] ?? 'write "METHOD /path" or "$default"');
    const duplicateOf = seen.get(route.route_key);
    if (duplicateOf !== undefined) {
      ctx.problems.error(joinPath(at, "route_key"), `${quote(route.route_key)} is also the route key of http_apis.${apiKey}.routes.${duplicateOf}`, "route keys must be unique within an API");
    }
    seen.set(route.route_key, key);

    let integrationKey: string | undefined;
    if (route.target !== undefined) {
      const match = /^integrations\/(.+)$/.exec(route.target);
      const ref = match?.[1] ?? route.target;
      if (!match && !integrationKeys.includes(ref)) {
        ctx.problems.error(joinPath(at, "target"), `${quote(route.target)} is not of the form "integrations/<key>"`, `write "integrations/<key>" with a key of integrations: ${listOrNone(integrationKeys)}`);
      } else if (!match) {
        ctx.problems.error(joinPath(at, "target"), `${quote(route.target)} is not of the form "integrations/<key>"`, `write "integrations/${ref}"`);
      } else if (!integrationKeys.includes(ref)) {
        ctx.problems.error(joinPath(at, "target"), `integration ${quote(ref)} is not defined`, suggestion(ref, integrationKeys));
      } else {
        integrationKey = ref;
      }
    }
    const authorization = authorizationOf(api, route, at, ctx);
    if (route.authorization_scopes !== undefined && authorization.type !== "JWT") {
      ctx.problems.error(joinPath(at, "authorization_scopes"), `apply to JWT authorizers only, and authorization_type is ${quote(authorization.type)}`, "remove them, or use a JWT authorizer");
    }
    return {
      key,
      routeKey: route.route_key,
      integrationKey,
      authorizationType: authorization.type,
      authorizerKey: authorization.authorizerKey,
      authorizationScopes: route.authorization_scopes,
      operationName: route.operation_name,
    };
  });
}
