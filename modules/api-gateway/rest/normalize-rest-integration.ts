import { isToken, type LambdaFunctionRef } from "../common/lambda-arn.js";
import { resolveLambdaUri } from "../common/lambda-uri.js";
import type { RestIntegrationConfig, RestMethodConfig } from "../config/rest-api.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { suggestion } from "../validation/did-you-mean.js";
import { joinPath, quote } from "../validation/problems.js";
import type { RestConnectionModel, RestIntegrationModel } from "./rest-model.js";

const AWS_SERVICE_URI = /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:[a-z0-9.-]+:(path|action)\/.+$/;
const LAMBDA_SERVICE_URI = /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path\//;
const HTTP_URL = /^https?:\/\/[^\s/]+/;
const VPC_LINK_ID = /^[a-z0-9]{6,12}$/;

/** Resolves `connection_id` of a REST `VPC_LINK` integration: a REST-style (v1, NLB) `vpc_links` key or a link id. */
function connectionOf(id: string | undefined, at: string, ctx: NormalizeContext): RestConnectionModel | undefined {
  const path = joinPath(at, "connection_id");
  if (id === undefined) {
    ctx.problems.error(path, 'is required when connection_type is "VPC_LINK"', "name a REST-style vpc_links key (target_arns) or an existing v1 VPC link id");
    return undefined;
  }
  const kind = ctx.vpcLinkKinds.get(id);
  if (kind === "rest") return { vpcLinkKey: id };
  if (kind === "http") {
    ctx.problems.error(
      path,
      `vpc_links.${id} is an HTTP-style link (subnet_ids, security_group_ids: API Gateway v2); REST integrations need a v1 VPC link to a Network Load Balancer, and the AWS provider 5.100 cannot point a REST integration at a v2 link`,
      `add a REST-style vpc_links entry with target_arns = [<NLB ARN>] and name it in connection_id`,
    );
    return undefined;
  }
  if (isToken(id) || VPC_LINK_ID.test(id)) return { connectionId: id };
  const restKeys = [...ctx.vpcLinkKinds].filter(([, k]) => k === "rest").map(([key]) => key);
  ctx.problems.error(path, `${quote(id)} is neither a vpc_links key nor a VPC link id`, `${suggestion(id, restKeys, "REST-style vpc_links keys")}; or use an existing v1 link's id`);
  return undefined;
}

/**
 * The integration of one REST method, with a Lambda function ARN turned into its invoke URI (`fn`: the function
 * to grant invoke permission on, when no `credentials` role is given).
 */
export function normalizeRestIntegration(method: RestMethodConfig, at: string, ctx: NormalizeContext): { integration: RestIntegrationModel; fn?: LambdaFunctionRef } {
  const integration: RestIntegrationConfig = method.integration;
  const common = {
    requestTemplates: Object.fromEntries(sortedEntries(integration.request_templates)),
    requestParameters: Object.fromEntries(sortedEntries(integration.request_parameters)),
    passthroughBehavior: integration.passthrough_behavior,
    contentHandling: integration.content_handling,
    cacheKeyParameters: [...(integration.cache_key_parameters ?? [])].sort(),
    timeoutMilliseconds: integration.timeout_milliseconds,
  };
  const declared = method.request_parameters ?? {};
  for (const [i, parameter] of (integration.cache_key_parameters ?? []).entries()) {
    if (!(parameter in declared)) {
      ctx.problems.error(
        joinPath(at, "cache_key_parameters", String(i)),
        `${quote(parameter)} is not declared in the method's request_parameters, and AWS keys the cache on declared parameters only`,
        `add ${quote(parameter)} to request_parameters (true if required, false if optional)`,
      );
    }
  }
  const connectionType = integration.connection_type ?? "INTERNET";
  const isHttp = integration.type === "HTTP" || integration.type === "HTTP_PROXY";
  if (connectionType === "VPC_LINK" && !isHttp) {
    ctx.problems.error(joinPath(at, "connection_type"), `VPC_LINK applies to HTTP and HTTP_PROXY integrations, and this one is ${integration.type}`, 'remove connection_type, or use type = "HTTP_PROXY"');
  } else if (connectionType !== "VPC_LINK" && integration.connection_id !== undefined) {
    ctx.problems.error(joinPath(at, "connection_id"), 'is set but connection_type is not "VPC_LINK"', 'set connection_type = "VPC_LINK", or remove connection_id');
  }

  if (integration.type === "MOCK") {
    for (const field of ["uri", "http_method", "credentials"] as const) {
      if (integration[field] !== undefined) ctx.problems.error(joinPath(at, field), "is not used by a MOCK integration (API Gateway answers itself)", "remove it, or pick another type");
    }
    const requestTemplates = Object.keys(common.requestTemplates).length > 0 ? common.requestTemplates : { "application/json": '{"statusCode": 200}' };
    return { integration: { ...common, type: "MOCK", requestTemplates } };
  }

  const uriPath = joinPath(at, "uri");
  let uri = integration.uri ?? "";
  let fn: LambdaFunctionRef | undefined;
  let lambda = false;
  if (integration.uri === undefined) {
    ctx.problems.error(uriPath, `is required for a ${integration.type} integration`, isHttp ? "give the backend URL" : "give the Lambda function ARN");
  } else if (isHttp) {
    if (!isToken(uri) && !HTTP_URL.test(uri)) ctx.problems.error(uriPath, `${quote(uri)} is not an http(s) URL`, "use https://host/path (with VPC_LINK, the URL the Network Load Balancer serves)");
  } else if (integration.type === "AWS" && !isToken(uri) && AWS_SERVICE_URI.test(uri) && !LAMBDA_SERVICE_URI.test(uri)) {
    if (integration.credentials === undefined) {
      ctx.problems.error(joinPath(at, "credentials"), "is required for an AWS service integration", "give the ARN of a role API Gateway can assume to call the service");
    }
  } else {
    lambda = !isToken(uri);
    const resolved = resolveLambdaUri(uri, uriPath, ctx.problems);
    uri = resolved.uri;
    if (resolved.fn && integration.credentials === undefined) fn = resolved.fn;
  }
  if (lambda && integration.http_method !== undefined && integration.http_method !== "POST") {
    ctx.problems.error(joinPath(at, "http_method"), `${quote(integration.http_method)}: Lambda functions are invoked with POST`, 'set http_method = "POST" or leave it out');
  }
  const httpMethod = integration.http_method ?? (isHttp ? method.http_method : "POST");
  const connection = connectionType === "VPC_LINK" && isHttp ? connectionOf(integration.connection_id, at, ctx) : undefined;
  return { integration: { ...common, type: integration.type, uri, httpMethod, connection, credentials: integration.credentials }, fn };
}
