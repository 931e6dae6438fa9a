import { parse as parseYaml } from "yaml";
import { canonicalJson } from "../common/content-hash.js";
import { invokeUriOf, isToken, lambdaFunctionOf, looksLikeLambda, type LambdaFunctionRef } from "../common/lambda-arn.js";
import type { NormalizeContext } from "../validation/context.js";
import { quote } from "../validation/problems.js";
import { corsGatewayResponses, preflightMethod, type RestCorsPolicy } from "./rest-cors.js";
import type { RestHttpMethod, RestMethodFacts } from "./rest-model.js";

type Json = Record<string, any>;

/** OpenAPI operation keys and the HTTP method each is. */
const OPERATIONS: Record<string, RestHttpMethod> = {
  get: "GET",
  put: "PUT",
  post: "POST",
  delete: "DELETE",
  options: "OPTIONS",
  head: "HEAD",
  patch: "PATCH",
  "x-amazon-apigateway-any-method": "ANY",
};

export interface OpenApiDefinition {
  /** The definition as canonical JSON: Lambda ARNs turned into invoke URIs, CORS added when asked. */
  readonly body: string;
  readonly functions: LambdaFunctionRef[];
  readonly facts: RestMethodFacts;
  /** Every resource path the definition makes (path prefixes included). */
  readonly resourcePaths: string[];
}

const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

function parseSpec(spec: string | Record<string, unknown>, at: string, ctx: NormalizeContext): Json | undefined {
  if (typeof spec !== "string") return structuredClone(spec) as Json;
  let parsed: unknown;
  try {
    parsed = JSON.parse(spec);
  } catch {
    try {
      parsed = parseYaml(spec);
    } catch (error) {
      ctx.problems.error(at, `is neither JSON nor YAML (${(error as Error).message.split("\n")[0]})`, "give the definition as jsonencode({...}), file(\"openapi.yaml\"), or an object");
      return undefined;
    }
  }
  if (!isObject(parsed)) {
    ctx.problems.error(at, "is not an OpenAPI document (an object)", "give an OpenAPI 3 or Swagger 2 definition");
    return undefined;
  }
  return parsed;
}

/** Rewrites a Lambda function ARN to its invoke URI in place; returns the function, or reports a malformed ARN. */
function lambdaUri(holder: Json, field: string, where: string, at: string, ctx: NormalizeContext): LambdaFunctionRef | undefined {
  const uri = holder[field];
  if (typeof uri !== "string" || isToken(uri)) return undefined;
  const fn = lambdaFunctionOf(uri);
  if (fn) {
    holder[field] = invokeUriOf(fn);
    return fn;
  }
  if (looksLikeLambda(uri)) ctx.problems.error(at, `${where}: ${quote(uri)} is not a valid Lambda function ARN`, "use arn:aws:lambda:<region>:<12-digit account>:function:<name>[:alias]");
  return undefined;
}

/** The preflight operation CORS adds to a path, in OpenAPI form, from the same model the methods form uses. */
function preflightOperation(policy: RestCorsPolicy, path: string, verbs: RestHttpMethod[], openapi3: boolean): Json {
  const response = preflightMethod(policy, { path }, verbs).responses[0]!;
  const names = Object.keys(response.parameters).map((p) => p.replace("method.response.header.", ""));
  const integration = response.integrationResponse!;
  return {
    summary: "CORS preflight",
    security: [],
    responses: {
      "200": { description: "CORS preflight", headers: Object.fromEntries(names.map((n) => [n, openapi3 ? { schema: { type: "string" } } : { type: "string" }])) },
    },
    "x-amazon-apigateway-integration": {
      type: "mock",
      requestTemplates: { "application/json": '{"statusCode": 200}' },
      passthroughBehavior: "when_no_match",
      responses: {
        default: {
          statusCode: "200",
          responseParameters: integration.parameters,
          ...(Object.keys(integration.templates).length > 0 ? { responseTemplates: integration.templates } : {}),
        },
      },
    },
  };
}

/** Whether an operation needs the caller to authenticate: a security requirement naming an API Gateway authorizer or auth type. */
function requiresAuth(operation: Json, root: Json, schemes: Json): boolean {
  const requirements: unknown = operation.security ?? root.security;
  if (!Array.isArray(requirements)) return false;
  return requirements.some(
    (requirement) =>
      isObject(requirement) &&
      Object.keys(requirement).some((name) => {
        const scheme = schemes[name];
        return isObject(scheme) && (scheme["x-amazon-apigateway-authorizer"] !== undefined || scheme["x-amazon-apigateway-authtype"] !== undefined);
      }),
  );
}

/**
 * An `openapi_spec` as the API's `body`: parsed (JSON or YAML), Lambda function ARNs in
 * `x-amazon-apigateway-integration` URIs and authorizer URIs turned into invoke URIs (and collected for their
 * permissions), and with CORS the preflight operations and gateway responses added.
 */
export function normalizeOpenApiSpec(spec: string | Record<string, unknown>, cors: RestCorsPolicy | undefined, at: string, ctx: NormalizeContext): OpenApiDefinition | undefined {
  const doc = parseSpec(spec, at, ctx);
  if (!doc) return undefined;
  const openapi3 = typeof doc.openapi === "string";
  if (!openapi3 && doc.swagger !== "2.0") {
    ctx.problems.error(at, 'has no "openapi" (3.x) or "swagger": "2.0" version', "give an OpenAPI 3 or Swagger 2 definition");
    return undefined;
  }
  const paths: Json = isObject(doc.paths) ? doc.paths : {};
  const schemes: Json = (openapi3 ? doc.components?.securitySchemes : doc.securityDefinitions) ?? {};
  const functions: LambdaFunctionRef[] = [];
  const unauthenticated: string[] = [];
  const resourcePaths = new Set<string>();
  let total = 0;
  let apiKeyRequired = 0;

  for (const [name, scheme] of Object.entries(schemes)) {
    const authorizer = isObject(scheme) ? scheme["x-amazon-apigateway-authorizer"] : undefined;
    if (!isObject(authorizer)) continue;
    const fn = lambdaUri(authorizer, "authorizerUri", `security scheme ${name} authorizerUri`, at, ctx);
    if (fn && authorizer.authorizerCredentials === undefined) functions.push(fn);
  }
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const segments = path.split("/").filter(Boolean);
    for (let i = 1; i <= segments.length; i++) resourcePaths.add(`/${segments.slice(0, i).join("/")}`);
    const verbs: RestHttpMethod[] = [];
    for (const [key, operation] of Object.entries(item)) {
      const verb = OPERATIONS[key];
      if (!verb || !isObject(operation)) continue;
      verbs.push(verb);
      total++;
      if (!requiresAuth(operation, doc, schemes) && verb !== "OPTIONS") unauthenticated.push(`${verb} ${path}`);
      const security = operation.security ?? doc.security;
      if (Array.isArray(security) && security.some((r) => isObject(r) && Object.keys(r).some((n) => schemes[n]?.type === "apiKey" && !schemes[n]["x-amazon-apigateway-authorizer"]))) apiKeyRequired++;
      const integration = operation["x-amazon-apigateway-integration"];
      if (!isObject(integration) || !["aws", "aws_proxy"].includes(String(integration.type).toLowerCase())) continue;
      const fn = lambdaUri(integration, "uri", `paths[${quote(path)}].${key} x-amazon-apigateway-integration uri`, at, ctx);
      if (fn && integration.credentials === undefined) functions.push(fn);
    }
    if (cors && !verbs.includes("OPTIONS") && verbs.length > 0) item.options = preflightOperation(cors, path, verbs, openapi3);
  }
  if (total === 0) {
    ctx.problems.error(at, "defines no operations, and AWS refuses to deploy a REST API without methods", "add paths with operations and x-amazon-apigateway-integration");
    return undefined;
  }
  if (cors) {
    const existing: Json = isObject(doc["x-amazon-apigateway-gateway-responses"]) ? doc["x-amazon-apigateway-gateway-responses"] : {};
    const added = Object.fromEntries(corsGatewayResponses(cors).map((r) => [r.type, { responseParameters: r.parameters, responseTemplates: r.templates }]));
    doc["x-amazon-apigateway-gateway-responses"] = { ...added, ...existing };
  }
  return {
    body: canonicalJson(doc),
    functions,
    facts: { unauthenticated: unauthenticated.sort(), total, apiKeyRequired },
    resourcePaths: [...resourcePaths].sort(),
  };
}
