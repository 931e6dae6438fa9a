import { lambdaPermissionsFor } from "../common/lambda-permissions.js";
import { isToken } from "../common/lambda-arn.js";
import { mergeTags } from "../common/tags.js";
import type { RestApiConfig } from "../config/rest-api.js";
import type { VpcLinkModel } from "../model.js";
import type { NormalizeContext } from "../validation/context.js";
import { joinPath, quote } from "../validation/problems.js";
import { warnOnSharedCachedResponses } from "./cached-authorization.js";
import { restDeploymentTrigger } from "./deployment-trigger.js";
import { jsonDocumentOf } from "./json-document.js";
import { normalizeRestAuthorizers } from "./normalize-rest-authorizers.js";
import { normalizeRestMethods } from "./normalize-rest-methods.js";
import { normalizeRestModels, validatorsFor } from "./normalize-rest-models.js";
import { normalizeRestStages } from "./normalize-rest-stages.js";
import { normalizeRestApiKeys, normalizeRestUsagePlans } from "./normalize-rest-usage-plans.js";
import { normalizeOpenApiSpec } from "./openapi-spec.js";
import { corsGatewayResponses, normalizeRestCors } from "./rest-cors.js";
import type { RestApiModel, RestDefinitionModel, RestEndpointType, RestMethodFacts } from "./rest-model.js";

const MEDIA_TYPE = /^[^/\s]+\/[^/\s]+$/;
const NO_FACTS: RestMethodFacts = { unauthenticated: [], total: 0, apiKeyRequired: 0 };

function endpointOf(api: RestApiConfig, path: string, ctx: NormalizeContext): { type: RestEndpointType; vpcEndpointIds?: string[] } {
  const endpoint = api.endpoint_configuration;
  const types = endpoint?.types ?? ["REGIONAL"];
  const at = joinPath(path, "endpoint_configuration");
  if (types.length !== 1) ctx.problems.error(joinPath(at, "types"), `lists ${types.length} endpoint types; AWS takes exactly one`, 'give one of "EDGE", "REGIONAL", "PRIVATE"');
  const type = types[0] ?? "REGIONAL";
  if (endpoint?.vpc_endpoint_ids !== undefined && type !== "PRIVATE") {
    ctx.problems.error(joinPath(at, "vpc_endpoint_ids"), `apply to PRIVATE APIs only, and this one is ${type}`, 'set types = ["PRIVATE"], or remove vpc_endpoint_ids');
  }
  for (const [i, id] of (endpoint?.vpc_endpoint_ids ?? []).entries()) {
    if (!isToken(id) && !/^vpce-[0-9a-f]{8,17}$/.test(id)) ctx.problems.error(joinPath(at, "vpc_endpoint_ids", String(i)), `${quote(id)} is not a VPC endpoint id`, "use vpce-<8 or 17 hex digits>");
  }
  return { type, vpcEndpointIds: endpoint?.vpc_endpoint_ids };
}

const WAF_ACL_ARN = /^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:(regional|global)\/webacl\/[^/]+\/[0-9a-f-]+$/;

/** `aws_wafv2_web_acl_association` takes a WAFv2 web ACL of REGIONAL scope (CloudFront ACLs are `global`). */
function checkWafAcl(arn: string, path: string, ctx: NormalizeContext): void {
  if (isToken(arn)) return;
  const match = WAF_ACL_ARN.exec(arn);
  if (!match) {
    ctx.problems.error(path, `${quote(arn)} is not a WAFv2 web ACL ARN`, "use arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id> (WAF Classic ACLs cannot be associated by this module)");
  } else if (match[1] === "global") {
    ctx.problems.error(path, "is a CloudFront (global) web ACL; API Gateway stages take web ACLs of REGIONAL scope", "create the web ACL with scope REGIONAL in the API's region");
  }
}

/** Checks one `rest_apis` entry against AWS's rules and returns its defaulted model. */
export function normalizeRestApi(key: string, api: RestApiConfig, ctx: NormalizeContext, vpcLinks: readonly VpcLinkModel[]): RestApiModel {
  const path = joinPath("rest_apis", key);
  const name = `${ctx.namePrefix}-${key}`;
  if (name.length > 1024) ctx.problems.error(path, `API name ${quote(name)} has ${name.length} characters`, "shorten name_prefix or the key to at most 1024 in all");
  const endpoint = endpointOf(api, path, ctx);
  const policy = api.policy === undefined ? undefined : jsonDocumentOf(api.policy, joinPath(path, "policy"), ctx.problems, "resource policy");
  if (endpoint.type === "PRIVATE" && api.policy === undefined) {
    ctx.problems.error(
      joinPath(path, "policy"),
      "is required for a PRIVATE API: without a resource policy nobody can invoke it, and AWS refuses to deploy it",
      'add a policy that allows "execute-api:Invoke" from your VPC endpoints (condition aws:SourceVpce)',
    );
  }
  if (api.waf_acl_arn !== undefined) checkWafAcl(api.waf_acl_arn, joinPath(path, "waf_acl_arn"), ctx);
  for (const [i, type] of (api.binary_media_types ?? []).entries()) {
    if (!MEDIA_TYPE.test(type)) ctx.problems.error(joinPath(path, "binary_media_types", String(i)), `${quote(type)} is not a media type`, 'use type/subtype, e.g. "image/png" or "*/*"');
  }

  const cors = normalizeRestCors(api.cors_configuration, path, ctx);
  const { authorizers, functions: authorizerFunctions } = normalizeRestAuthorizers(api, path, ctx);
  const hasMethods = Object.keys(api.methods ?? {}).length > 0;
  let definition: RestDefinitionModel = { kind: "methods", resources: [], methods: [], models: [], validators: [], gatewayResponses: [] };
  let functions = [...authorizerFunctions];
  let facts = NO_FACTS;
  let resourcePaths: string[] | undefined;

  if (!hasMethods && api.openapi_spec === undefined) {
    ctx.problems.error(
      path,
      "has neither methods nor openapi_spec, and AWS refuses to deploy a REST API without methods (\"The REST API doesn't contain any methods\")",
      'add methods (e.g. methods = { health = { path = "/health", http_method = "GET", integration = { type = "MOCK" } } }), or give the API\'s OpenAPI definition as openapi_spec',
    );
  } else if (hasMethods && api.openapi_spec !== undefined) {
    ctx.problems.error(path, "has both methods and openapi_spec; the OpenAPI body would replace the methods on every apply", "keep one: move the methods into the OpenAPI definition, or remove openapi_spec");
  } else if (api.openapi_spec !== undefined) {
    for (const field of ["authorizers", "models"] as const) {
      if (api[field] !== undefined) {
        ctx.problems.error(joinPath(path, field), `cannot be combined with openapi_spec: importing the body replaces ${field} it does not define`, `define them in the OpenAPI document (${field === "authorizers" ? "securitySchemes with x-amazon-apigateway-authorizer" : "components.schemas"})`);
      }
    }
    const spec = normalizeOpenApiSpec(api.openapi_spec, cors, joinPath(path, "openapi_spec"), ctx);
    if (spec) {
      definition = { kind: "openapi", body: spec.body };
      functions = [...functions, ...spec.functions];
      facts = spec.facts;
      resourcePaths = spec.resourcePaths;
    }
  } else {
    const result = normalizeRestMethods(api, path, cors, ctx);
    definition = {
      kind: "methods",
      resources: result.resources,
      methods: result.methods,
      models: normalizeRestModels(api, path, ctx),
      validators: validatorsFor(result.methods.flatMap((m) => (m.validatorKey ? [m.validatorKey] : [])), name),
      gatewayResponses: cors ? corsGatewayResponses(cors) : [],
    };
    functions = [...functions, ...result.functions];
    facts = result.facts;
    resourcePaths = ["/", ...result.resources.map((r) => r.path)];
  }

  const stages = normalizeRestStages(name, api, path, ctx);
  if (definition.kind === "methods") warnOnSharedCachedResponses(stages, definition.methods, authorizers, path, ctx);
  const served = {
    definition,
    authorizers,
    policy,
    binaryMediaTypes: api.binary_media_types ?? [],
    minimumCompressionSize: api.minimum_compression_size,
    apiKeySource: api.api_key_source,
    disableExecuteApiEndpoint: api.disable_execute_api_endpoint ?? false,
  };
  return {
    key,
    name,
    description: api.description,
    endpointType: endpoint.type,
    vpcEndpointIds: endpoint.vpcEndpointIds,
    ...served,
    stages,
    apiKeys: normalizeRestApiKeys(name, api, path, ctx),
    usagePlans: normalizeRestUsagePlans(name, api, path, resourcePaths, ctx),
    cors: cors !== undefined,
    tags: mergeTags(ctx.commonTags, api.tags),
    lambdaPermissions: lambdaPermissionsFor(functions, `AllowApiGateway-${name}`),
    deploymentTrigger: restDeploymentTrigger({ ...served, vpcLinks }),
    methodFacts: facts,
  };
}
