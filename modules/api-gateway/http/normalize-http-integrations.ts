import { isToken, type LambdaFunctionRef } from "../common/lambda-arn.js";
import { resolveLambdaUri } from "../common/lambda-uri.js";
import type { HttpApiConfig, HttpIntegrationConfig } from "../config/http-api.js";
import type { HttpIntegrationModel } from "../model.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { suggestion } from "../validation/did-you-mean.js";
import { joinPath, quote } from "../validation/problems.js";

const LISTENER_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/(app|net)\/[^/]+\/[0-9a-f]+\/[0-9a-f]+$/;
const CLOUD_MAP_SERVICE_ARN = /^arn:aws[a-z-]*:servicediscovery:[a-z0-9-]+:\d{12}:service\/srv-[a-z0-9]+$/;
const VPC_LINK_ID = /^[a-z0-9]{6,12}$/;

/** Resolves `connection_id`: a `vpc_links` key of an HTTP-style link, or an existing link id. */
function connectionOf(integration: HttpIntegrationConfig, at: string, ctx: NormalizeContext): Pick<HttpIntegrationModel, "vpcLinkKey" | "connectionId"> {
  const id = integration.connection_id;
  const path = joinPath(at, "connection_id");
  if (id === undefined) {
    ctx.problems.error(path, 'is required when connection_type is "VPC_LINK"', "name a vpc_links key or an existing VPC link id");
    return {};
  }
  const kind = ctx.vpcLinkKinds.get(id);
  if (kind === "http") return { vpcLinkKey: id };
  if (kind === "rest") {
    ctx.problems.error(
      path,
      `vpc_links.${id} is a REST-style link (target_arns, an NLB), which HTTP APIs cannot use`,
      `give vpc_links.${id} subnet_ids and security_group_ids instead of target_arns (an HTTP-style link)`,
    );
    return {};
  }
  if (isToken(id) || VPC_LINK_ID.test(id)) return { connectionId: id };
  const keys = [...ctx.vpcLinkKinds.keys()];
  ctx.problems.error(path, `${quote(id)} is neither a vpc_links key nor a VPC link id`, `${suggestion(id, keys, "vpc_links keys")}; or use an existing link's id (e.g. "abc123")`);
  return {};
}

function checkVpcLinkUri(uri: string | undefined, path: string, ctx: NormalizeContext): void {
  if (uri !== undefined && (isToken(uri) || LISTENER_ARN.test(uri) || CLOUD_MAP_SERVICE_ARN.test(uri))) return;
  ctx.problems.error(
    path,
    uri === undefined ? "is required for a VPC_LINK integration" : `${quote(uri)} is not a load balancer listener ARN or Cloud Map service ARN, which AWS requires for a VPC_LINK integration`,
    "use arn:aws:elasticloadbalancing:<region>:<account>:listener/app|net/<lb>/<id>/<id> or arn:aws:servicediscovery:<region>:<account>:service/srv-<id>",
  );
}

/** Integrations of an HTTP API, with Lambda ARNs turned into invoke URIs and the functions to permit. */
export function normalizeHttpIntegrations(api: HttpApiConfig, path: string, ctx: NormalizeContext): { integrations: HttpIntegrationModel[]; functions: LambdaFunctionRef[] } {
  const functions: LambdaFunctionRef[] = [];
  const integrations = sortedEntries(api.integrations).map(([key, integration]): HttpIntegrationModel => {
    const at = joinPath(path, "integrations", key);
    const connectionType = integration.connection_type ?? "INTERNET";
    const isLambda = integration.integration_type === "AWS_PROXY" && integration.integration_subtype === undefined;
    let uri = integration.integration_uri;
    let method = integration.integration_method;
    let connection: Pick<HttpIntegrationModel, "vpcLinkKey" | "connectionId"> = {};

    if (connectionType === "VPC_LINK") {
      connection = connectionOf(integration, at, ctx);
      checkVpcLinkUri(uri, joinPath(at, "integration_uri"), ctx);
    } else if (integration.connection_id !== undefined) {
      ctx.problems.error(joinPath(at, "connection_id"), 'is set but connection_type is not "VPC_LINK"', 'set connection_type = "VPC_LINK", or remove connection_id');
    }
    if (integration.tls_config !== undefined && connectionType !== "VPC_LINK") {
      ctx.problems.error(joinPath(at, "tls_config"), "applies to private (VPC_LINK) integrations only", "remove it, or make the integration a VPC_LINK one");
    }

    if (isLambda) {
      if (uri === undefined) {
        ctx.problems.error(joinPath(at, "integration_uri"), "is required for a Lambda (AWS_PROXY) integration", "give the function ARN");
      } else {
        const resolved = resolveLambdaUri(uri, joinPath(at, "integration_uri"), ctx.problems);
        uri = resolved.uri;
        if (resolved.fn && integration.credentials_arn === undefined) functions.push(resolved.fn);
      }
      if (method !== undefined && method !== "POST") {
        ctx.problems.error(joinPath(at, "integration_method"), `${quote(method)}: Lambda functions are invoked with POST`, 'set integration_method = "POST" or leave it out');
      }
      method = "POST";
    } else if (integration.integration_type === "AWS_PROXY") {
      if (integration.credentials_arn === undefined) {
        ctx.problems.error(joinPath(at, "credentials_arn"), `is required for an AWS service integration (${integration.integration_subtype})`, "give the ARN of a role API Gateway can assume");
      }
    } else {
      if (uri === undefined) {
        ctx.problems.error(joinPath(at, "integration_uri"), "is required for an HTTP_PROXY integration", "give the backend URL");
      } else if (connectionType === "INTERNET" && !isToken(uri) && !/^https?:\/\/[^\s/]+/.test(uri)) {
        ctx.problems.error(joinPath(at, "integration_uri"), `${quote(uri)} is not an http(s) URL`, "use https://host/path");
      }
      if (integration.payload_format_version === "2.0") {
        ctx.problems.error(joinPath(at, "payload_format_version"), "HTTP_PROXY integrations take payload format 1.0 only", 'set "1.0" or leave it out');
      }
      method ??= "ANY";
    }

    return {
      key,
      type: integration.integration_type,
      subtype: integration.integration_subtype,
      method,
      uri,
      payloadFormatVersion: integration.payload_format_version ?? (isLambda ? "2.0" : "1.0"),
      timeoutMilliseconds: integration.timeout_milliseconds,
      connectionType,
      ...connection,
      credentialsArn: integration.credentials_arn,
      description: integration.description,
      requestParameters: Object.fromEntries(sortedEntries(integration.request_parameters)),
      tlsServerNameToVerify: integration.tls_config?.server_name_to_verify,
    };
  });
  return { integrations, functions };
}
