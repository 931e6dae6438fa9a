import { terraformSafe } from "../common/addresses.js";
import type { LambdaFunctionRef } from "../common/lambda-arn.js";
import type { RestApiConfig, RestMethodConfig } from "../config/rest-api.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { suggestion } from "../validation/did-you-mean.js";
import { joinPath, listOrNone, quote } from "../validation/problems.js";
import { restPathProblem } from "./method-path.js";
import { normalizeRestIntegration } from "./normalize-rest-integration.js";
import { normalizeRestResponses } from "./normalize-rest-responses.js";
import { modelRefOf } from "./normalize-rest-models.js";
import { resourceIdOf, resourceTreeOf } from "./resource-tree.js";
import { preflightMethod, type RestCorsPolicy } from "./rest-cors.js";
import type { RestAuthorization, RestMethodFacts, RestMethodModel, RestModelRef, RestResourceModel } from "./rest-model.js";

const REQUEST_PARAMETER = /^method\.request\.(path|querystring|header|multivalueheader|multivaluequerystring)\.[^\s.][^\s]*$/;

type AuthorizerType = "TOKEN" | "REQUEST" | "COGNITO_USER_POOLS";

/** The authorization a method's `authorizer_id` implies, by the authorizer's type. */
const authorizationFor = (type: AuthorizerType): RestAuthorization => (type === "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM");

/**
 * Resolves a method's authorizer: `authorizer_id` must name an authorizer of the type `authorization` says. Types
 * come from the config, so that an authorizer with problems of its own does not make its methods' checks fail too.
 */
function authorizationOf(method: RestMethodConfig, types: ReadonlyMap<string, AuthorizerType>, at: string, ctx: NormalizeContext) {
  const id = method.authorizer_id;
  const found = id === undefined ? undefined : types.get(id);
  const authorization: RestAuthorization = method.authorization ?? (found ? authorizationFor(found) : "NONE");
  const idPath = joinPath(at, "authorizer_id");
  const ofType = (wanted: RestAuthorization) => [...types].filter(([, t]) => authorizationFor(t) === wanted).map(([key]) => key);

  if (id !== undefined && found === undefined) {
    ctx.problems.error(idPath, `${quote(id)} is not defined`, suggestion(id, [...types.keys()]));
    return { authorization };
  }
  if (authorization === "NONE" || authorization === "AWS_IAM") {
    if (id !== undefined) ctx.problems.error(idPath, `is set but authorization is ${quote(authorization)}`, 'remove authorizer_id, or set authorization to "CUSTOM" or "COGNITO_USER_POOLS"');
    return { authorization };
  }
  const kind = authorization === "CUSTOM" ? "a TOKEN or REQUEST authorizer" : "a COGNITO_USER_POOLS authorizer";
  if (id === undefined || found === undefined) {
    ctx.problems.error(idPath, `is required when authorization is ${quote(authorization)}`, `name ${kind}: ${listOrNone(ofType(authorization))}`);
    return { authorization };
  }
  if (authorizationFor(found) !== authorization) {
    ctx.problems.error(
      idPath,
      `${quote(id)} is a ${found} authorizer, but authorization is ${quote(authorization)}`,
      `set authorization = ${quote(authorizationFor(found))}, or name ${kind}: ${listOrNone(ofType(authorization))}`,
    );
  }
  return { authorization, authorizerKey: id };
}

function modelRefs(api: RestApiConfig, models: Record<string, string> | undefined, at: string, ctx: NormalizeContext): Record<string, RestModelRef> {
  const refs: Record<string, RestModelRef> = {};
  for (const [contentType, name] of sortedEntries(models)) {
    const ref = modelRefOf(api, name, joinPath(at, contentType), ctx);
    if (ref) refs[contentType] = ref;
  }
  return refs;
}

export interface RestMethodsResult {
  readonly resources: RestResourceModel[];
  readonly methods: RestMethodModel[];
  readonly functions: LambdaFunctionRef[];
  readonly facts: RestMethodFacts;
}

/**
 * The methods of a REST API, the resource tree their paths make, and the CORS preflight methods: integrations
 * resolved, authorizers and models checked against the API's keys.
 */
export function normalizeRestMethods(
  api: RestApiConfig,
  path: string,
  cors: RestCorsPolicy | undefined,
  ctx: NormalizeContext,
): RestMethodsResult {
  const functions: LambdaFunctionRef[] = [];
  const authorizerTypes = new Map(sortedEntries(api.authorizers).map(([key, a]): [string, AuthorizerType] => [key, a.type ?? "TOKEN"]));
  const seen = new Map<string, string>();
  const entries = sortedEntries(api.methods);
  const methods = entries.map(([key, method]): RestMethodModel => {
    const at = joinPath(path, "methods", key);
    const pathProblem = restPathProblem(method.path);
    if (pathProblem) ctx.problems.error(joinPath(at, "path"), pathProblem.message, pathProblem.fix);
    const route = `${method.http_method} ${method.path}`;
    const duplicateOf = seen.get(route);
    if (duplicateOf !== undefined) ctx.problems.error(joinPath(at, "http_method"), `${route} is also methods.${duplicateOf}`, "a path takes each HTTP method once");
    seen.set(route, key);
    if (cors && method.http_method === "OPTIONS") {
      ctx.problems.error(
        joinPath(at, "http_method"),
        `OPTIONS ${method.path} is the preflight method cors_configuration adds`,
        "remove this method, or remove cors_configuration and answer preflights yourself",
      );
    }
    const { authorization, authorizerKey } = authorizationOf(method, authorizerTypes, at, ctx);
    if (method.authorization_scopes !== undefined && authorization !== "COGNITO_USER_POOLS") {
      ctx.problems.error(joinPath(at, "authorization_scopes"), `apply to COGNITO_USER_POOLS authorization only, and this method's is ${quote(authorization)}`, "remove them, or use a Cognito authorizer");
    }
    for (const name of Object.keys(method.request_parameters ?? {})) {
      if (!REQUEST_PARAMETER.test(name)) {
        ctx.problems.error(joinPath(at, "request_parameters", name), "is not a method request parameter", "use method.request.path|querystring|header.<name>");
      }
    }
    const { integration, fn } = normalizeRestIntegration(method, joinPath(at, "integration"), ctx);
    if (fn) functions.push(fn);
    const responses = normalizeRestResponses(api, method, integration.type, cors, joinPath(at, "responses"), ctx);
    return {
      id: key,
      configKey: key,
      resourceId: resourceIdOf(method.path),
      path: method.path,
      httpMethod: method.http_method,
      authorization,
      authorizerKey,
      authorizationScopes: method.authorization_scopes,
      apiKeyRequired: method.api_key_required ?? false,
      validatorKey: method.request_validator === undefined || method.request_validator === "NONE" ? undefined : method.request_validator,
      requestModels: modelRefs(api, method.request_models, joinPath(at, "request_models"), ctx),
      requestParameters: Object.fromEntries(sortedEntries(method.request_parameters)),
      operationName: method.operation_name,
      integration,
      responses,
    };
  });

  const validPaths = entries.filter(([key]) => !ctx.problems.hasErrorsUnder(joinPath(path, "methods", key, "path"))).map(([, m]) => m.path);
  const tree = resourceTreeOf(validPaths);
  for (const problem of tree.problems) {
    const culprit = entries.find(([, m]) => m.path === problem.path || m.path.startsWith(`${problem.path}/`));
    ctx.problems.error(joinPath(path, "methods", culprit?.[0] ?? "", "path"), problem.message, problem.fix);
  }

  const preflights: RestMethodModel[] = [];
  if (cors) {
    const verbsByPath = new Map<string, RestMethodModel["httpMethod"][]>();
    for (const method of methods) verbsByPath.set(method.path, [...(verbsByPath.get(method.path) ?? []), method.httpMethod]);
    for (const [resourcePath, verbs] of [...verbsByPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (!validPaths.includes(resourcePath)) continue;
      preflights.push(preflightMethod(cors, { id: resourceIdOf(resourcePath), path: resourcePath }, verbs));
    }
  }
  const ids = new Map<string, string>();
  for (const method of [...methods, ...preflights]) {
    const safe = terraformSafe(method.id);
    const earlier = ids.get(safe);
    const where = method.configKey !== undefined ? joinPath(path, "methods", method.configKey) : joinPath(path, "cors_configuration");
    if (earlier !== undefined) ctx.problems.error(where, `gets the same Terraform address as ${earlier} (${safe})`, "rename the methods key");
    ids.set(safe, method.configKey !== undefined ? `methods.${method.configKey}` : `the CORS preflight of ${method.path}`);
  }

  const facts: RestMethodFacts = {
    unauthenticated: methods.filter((m) => m.authorization === "NONE").map((m) => `${m.httpMethod} ${m.path}`).sort(),
    total: methods.length,
    apiKeyRequired: methods.filter((m) => m.apiKeyRequired).length,
  };
  return { resources: tree.resources, methods: [...methods, ...preflights], functions, facts };
}
