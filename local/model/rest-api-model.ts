// The REST APIs (API Gateway v1) of the synthesized stack: the resource tree with its methods, authorizers,
// integrations (and MOCK responses), gateway responses, stages with method throttling, API keys and usage plans.
import type { LocalFunction } from "../functions/local-functions.js";
import type { StackResources } from "../stack/stack-resources.js";
import { block, blocks, keyOfAddress, numberOr, referencedAddress, text, texts } from "./fields.js";
import type { ThrottleModel } from "./http-api-model.js";
import { lambdaIntegration, type IntegrationModel, type MockResponse } from "./integration-model.js";

export type RestAuthorizerModel =
  | {
      readonly kind: "lambda";
      readonly address: string;
      readonly type: "TOKEN" | "REQUEST";
      readonly fn: LocalFunction | undefined;
      readonly uri: string;
      /** `method.request.header.Authorization`, ... */
      readonly identitySources: readonly string[];
      readonly validationExpression: string | undefined;
      readonly ttlSeconds: number;
    }
  | { readonly kind: "cognito"; readonly address: string; readonly issuers: readonly string[]; readonly identitySources: readonly string[] };

export interface RestMethodModel {
  readonly address: string;
  readonly httpMethod: string;
  readonly authorization: string;
  readonly authorizer: RestAuthorizerModel | undefined;
  readonly scopes: readonly string[];
  readonly apiKeyRequired: boolean;
  readonly integration: IntegrationModel;
}

export interface RestResourceModel {
  readonly pathPart: string;
  /** `/orders/{orderId}` */
  readonly path: string;
  readonly children: RestResourceModel[];
  readonly methods: Map<string, RestMethodModel>;
}

export interface GatewayResponseModel {
  readonly statusCode: number | undefined;
  readonly parameters: Readonly<Record<string, string>>;
  readonly templates: Readonly<Record<string, string>>;
}

export interface UsagePlanModel {
  readonly address: string;
  readonly name: string;
  /** Stage names of this API the plan covers. */
  readonly stages: readonly string[];
  readonly throttle: ThrottleModel | undefined;
  readonly quota: { readonly limit: number; readonly period: "DAY" | "WEEK" | "MONTH" } | undefined;
  readonly keyValues: readonly string[];
}

export interface RestStageModel {
  readonly name: string;
  /** By method path: `*\/*` or `orders/GET` (resource path without its leading slash). */
  readonly throttles: ReadonlyMap<string, ThrottleModel>;
  readonly variables: Readonly<Record<string, string>>;
}

export interface ApiKeyModel {
  readonly address: string;
  readonly name: string;
  readonly value: string;
  readonly enabled: boolean;
}

export interface RestApiModel {
  readonly kind: "rest";
  readonly address: string;
  readonly key: string;
  readonly id: string;
  /** Where a method's API key comes from: the `x-api-key` header, or the Lambda authorizer's `usageIdentifierKey`. */
  readonly apiKeySource: "HEADER" | "AUTHORIZER";
  readonly root: RestResourceModel;
  readonly stages: readonly RestStageModel[];
  readonly gatewayResponses: ReadonlyMap<string, GatewayResponseModel>;
  readonly usagePlans: readonly UsagePlanModel[];
  /** Undefined when the API is defined by an OpenAPI body, which is not served locally. */
  readonly unsupported: string | undefined;
}

/**
 * API key values Terraform leaves to AWS are made up here, once per run, and kept in `keys` (by address) so
 * that the command can print them and tests can read them.
 */
export function restApiModels(stack: StackResources, functions: ReadonlyMap<string, LocalFunction>, keys: Map<string, ApiKeyModel> = new Map()): RestApiModel[] {
  for (const [name, body] of stack.all("aws_api_gateway_api_key")) {
    const address = `aws_api_gateway_api_key.${name}`;
    if (keys.has(address)) continue;
    keys.set(address, {
      address,
      name: text(stack, body.name) ?? name,
      value: text(stack, body.value) ?? stack.standIn({ type: "aws_api_gateway_api_key", name, attribute: "value" }),
      enabled: body.enabled !== false,
    });
  }
  const authorizers = new Map<string, RestAuthorizerModel>();
  for (const [name, body] of stack.all("aws_api_gateway_authorizer")) {
    const address = `aws_api_gateway_authorizer.${name}`;
    const identitySources = (text(stack, body.identity_source) ?? "method.request.header.Authorization").split(",").map((s) => s.trim()).filter(Boolean);
    if (body.type === "COGNITO_USER_POOLS") {
      const issuers = texts(stack, body.provider_arns).map((arn) => {
        const match = /^arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):\d+:userpool\/(.+)$/.exec(arn);
        return match ? `https://cognito-idp.${match[1]}.amazonaws.com/${match[2]}` : arn;
      });
      authorizers.set(address, { kind: "cognito", address, issuers, identitySources });
      continue;
    }
    const fn = lambdaIntegration(stack, functions, body.authorizer_uri, "1.0", 29_000);
    authorizers.set(address, {
      kind: "lambda",
      address,
      type: body.type === "REQUEST" ? "REQUEST" : "TOKEN",
      fn: fn.kind === "lambda" ? fn.fn : undefined,
      uri: fn.kind === "lambda" ? fn.uri : "",
      identitySources,
      validationExpression: text(stack, body.identity_validation_expression),
      ttlSeconds: numberOr(body.authorizer_result_ttl_in_seconds, 300),
    });
  }

  const apis: RestApiModel[] = [];
  for (const [name, api] of stack.all("aws_api_gateway_rest_api")) {
    const apiAddress = `aws_api_gateway_rest_api.${name}`;
    const belongs = (body: Record<string, any>) => referencedAddress(body.rest_api_id) === apiAddress;
    const root: RestResourceModel = { pathPart: "", path: "/", children: [], methods: new Map() };
    const resources = new Map<string, RestResourceModel>([[`${apiAddress}.root_resource_id`, root]]);
    const pending = stack.all("aws_api_gateway_resource").filter(([, body]) => belongs(body));
    // Parents before children, whatever the order of the JSON.
    for (let progress = true; progress && pending.length > 0; ) {
      progress = false;
      for (let i = 0; i < pending.length; i++) {
        const [resourceName, body] = pending[i]!;
        const parentRef = typeof body.parent_id === "string" ? body.parent_id.slice(2, -1) : "";
        const parent = resources.get(parentRef.endsWith(".id") ? parentRef.slice(0, -3) : parentRef);
        if (!parent) continue;
        const pathPart = text(stack, body.path_part) ?? "";
        const node: RestResourceModel = { pathPart, path: `${parent.path === "/" ? "" : parent.path}/${pathPart}`, children: [], methods: new Map() };
        parent.children.push(node);
        resources.set(`aws_api_gateway_resource.${resourceName}`, node);
        pending.splice(i--, 1);
        progress = true;
      }
    }
    const resourceOf = (value: unknown) => {
      const ref = typeof value === "string" ? value.slice(2, -1) : "";
      return ref.endsWith(".root_resource_id") ? resources.get(ref) : resources.get(referencedAddress(value) ?? "");
    };
    const integrationResponses = stack.all("aws_api_gateway_integration_response").filter(([, body]) => belongs(body));
    const integrationOf = (resource: unknown, httpMethod: string): IntegrationModel => {
      const found = stack.all("aws_api_gateway_integration").find(([, body]) => belongs(body) && body.http_method === httpMethod && resourceOf(body.resource_id) === resourceOf(resource));
      if (!found) return { kind: "unsupported", description: `no aws_api_gateway_integration for ${httpMethod}` };
      const [integrationName, body] = found;
      const timeoutMs = numberOr(body.timeout_milliseconds, 29_000);
      const type = String(body.type);
      if (type === "AWS_PROXY") return lambdaIntegration(stack, functions, body.uri, "1.0", timeoutMs);
      if (type === "HTTP_PROXY" && body.connection_type !== "VPC_LINK") {
        return { kind: "http-proxy", uri: text(stack, body.uri) ?? "", method: text(stack, body.integration_http_method) ?? httpMethod, timeoutMs };
      }
      if (type === "MOCK") {
        const responses: MockResponse[] = integrationResponses
          .filter(([, r]) => r.http_method === httpMethod && resourceOf(r.resource_id) === resourceOf(resource))
          .map(([, r]) => ({
            statusCode: text(stack, r.status_code) ?? "200",
            selectionPattern: text(stack, r.selection_pattern),
            parameters: stringRecord(stack, r.response_parameters),
            templates: stringRecord(stack, r.response_templates),
          }));
        return { kind: "mock", requestTemplates: stringRecord(stack, body.request_templates), responses };
      }
      return { kind: "unsupported", description: `aws_api_gateway_integration.${integrationName} (${type}${body.connection_type === "VPC_LINK" ? " over VPC_LINK" : ""})` };
    };
    for (const [methodName, body] of stack.all("aws_api_gateway_method")) {
      if (!belongs(body)) continue;
      const resource = resourceOf(body.resource_id);
      if (!resource) continue;
      const httpMethod = String(body.http_method);
      resource.methods.set(httpMethod, {
        address: `aws_api_gateway_method.${methodName}`,
        httpMethod,
        authorization: String(body.authorization ?? "NONE"),
        authorizer: authorizers.get(referencedAddress(body.authorizer_id) ?? ""),
        scopes: texts(stack, body.authorization_scopes),
        apiKeyRequired: body.api_key_required === true,
        integration: integrationOf(body.resource_id, httpMethod),
      });
    }

    const stageNameOf = (value: unknown) => {
      const address = referencedAddress(value);
      if (address?.startsWith("aws_api_gateway_stage.")) return text(stack, stack.get("aws_api_gateway_stage", address.slice("aws_api_gateway_stage.".length))?.stage_name);
      return text(stack, value);
    };
    const stages: RestStageModel[] = [];
    for (const [, body] of stack.all("aws_api_gateway_stage")) {
      if (!belongs(body)) continue;
      const stageName = text(stack, body.stage_name) ?? "";
      const throttles = new Map<string, ThrottleModel>();
      for (const [, settings] of stack.all("aws_api_gateway_method_settings")) {
        if (!belongs(settings) || stageNameOf(settings.stage_name) !== stageName) continue;
        const s = block(settings.settings) ?? {};
        if (s.throttling_rate_limit === undefined && s.throttling_burst_limit === undefined) continue;
        throttles.set(text(stack, settings.method_path) ?? "*/*", { rateLimit: numberOr(s.throttling_rate_limit, 10_000), burstLimit: numberOr(s.throttling_burst_limit, 5_000) });
      }
      stages.push({ name: stageName, throttles, variables: stringRecord(stack, body.variables) });
    }

    const gatewayResponses = new Map<string, GatewayResponseModel>();
    for (const [, body] of stack.all("aws_api_gateway_gateway_response")) {
      if (!belongs(body)) continue;
      gatewayResponses.set(String(body.response_type), {
        statusCode: body.status_code === undefined ? undefined : numberOr(text(stack, body.status_code), 0) || undefined,
        parameters: stringRecord(stack, body.response_parameters),
        templates: stringRecord(stack, body.response_templates),
      });
    }

    const usagePlans: UsagePlanModel[] = [];
    for (const [planName, plan] of stack.all("aws_api_gateway_usage_plan")) {
      const planStages = blocks(plan.api_stages).filter((s) => referencedAddress(s.api_id) === apiAddress).map((s) => stageNameOf(s.stage) ?? "");
      if (planStages.length === 0) continue;
      const throttle = block(plan.throttle_settings);
      const quota = block(plan.quota_settings);
      const planAddress = `aws_api_gateway_usage_plan.${planName}`;
      const keyValues = stack
        .all("aws_api_gateway_usage_plan_key")
        .filter(([, k]) => referencedAddress(k.usage_plan_id) === planAddress)
        .map(([, k]) => keys.get(referencedAddress(k.key_id) ?? "")?.value)
        .filter((v): v is string => v !== undefined);
      usagePlans.push({
        address: planAddress,
        name: text(stack, plan.name) ?? planName,
        stages: planStages,
        throttle: throttle ? { rateLimit: numberOr(throttle.rate_limit, 10_000), burstLimit: numberOr(throttle.burst_limit, 5_000) } : undefined,
        quota: quota ? { limit: numberOr(quota.limit, Infinity), period: (["DAY", "WEEK", "MONTH"].includes(quota.period) ? quota.period : "DAY") as "DAY" | "WEEK" | "MONTH" } : undefined,
        keyValues,
      });
    }

    apis.push({
      kind: "rest",
      address: apiAddress,
      key: keyOfAddress(name),
      id: stack.localId("aws_api_gateway_rest_api", name),
      apiKeySource: api.api_key_source === "AUTHORIZER" ? "AUTHORIZER" : "HEADER",
      root,
      stages,
      gatewayResponses,
      usagePlans,
      unsupported: api.body !== undefined ? `${apiAddress} is defined by an OpenAPI body, which the local gateway does not serve` : undefined,
    });
  }
  return apis;
}

function stringRecord(stack: StackResources, value: unknown): Record<string, string> {
  const record = block(value) ?? {};
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [stack.render(k), text(stack, v) ?? ""]));
}
