// The HTTP APIs (API Gateway v2) of the synthesized stack: routes, authorizers, integrations, CORS and stage
// throttling, read from the aws_apigatewayv2_* resources.
import type { LocalFunction } from "../functions/local-functions.js";
import type { StackResources } from "../stack/stack-resources.js";
import { block, blocks, keyOfAddress, numberOr, referencedAddress, text, texts } from "./fields.js";
import { lambdaIntegration, type IntegrationModel } from "./integration-model.js";

export interface CorsModel {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAge: number | undefined;
  readonly allowCredentials: boolean;
}

export interface ThrottleModel {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export type HttpAuthorizerModel =
  | { readonly kind: "jwt"; readonly address: string; readonly issuer: string; readonly audiences: readonly string[]; readonly identitySources: readonly string[] }
  | {
      readonly kind: "lambda";
      readonly address: string;
      readonly fn: LocalFunction | undefined;
      readonly uri: string;
      readonly payloadVersion: "1.0" | "2.0";
      readonly simpleResponses: boolean;
      readonly ttlSeconds: number;
      readonly identitySources: readonly string[];
    };

export interface HttpRouteModel {
  readonly address: string;
  /** `GET /orders/{orderId}`, `ANY /{proxy+}` or `$default`. */
  readonly routeKey: string;
  readonly method: string;
  readonly path: string;
  readonly authorizationType: string;
  readonly authorizer: HttpAuthorizerModel | undefined;
  readonly scopes: readonly string[];
  readonly integration: IntegrationModel;
}

export interface HttpStageModel {
  readonly name: string;
  readonly defaultThrottle: ThrottleModel | undefined;
  /** By route key. */
  readonly routeThrottles: ReadonlyMap<string, ThrottleModel>;
  readonly variables: Readonly<Record<string, string>>;
}

export interface HttpApiModel {
  readonly kind: "http";
  readonly address: string;
  readonly key: string;
  readonly id: string;
  readonly cors: CorsModel | undefined;
  readonly routes: readonly HttpRouteModel[];
  readonly stages: readonly HttpStageModel[];
}

function throttleOf(settings: Record<string, any> | undefined): ThrottleModel | undefined {
  if (!settings || (settings.throttling_rate_limit === undefined && settings.throttling_burst_limit === undefined)) return undefined;
  // AWS's account defaults (10,000 requests/s, burst 5,000) where the stage leaves one out.
  return { rateLimit: numberOr(settings.throttling_rate_limit, 10_000), burstLimit: numberOr(settings.throttling_burst_limit, 5_000) };
}

export function httpApiModels(stack: StackResources, functions: ReadonlyMap<string, LocalFunction>): HttpApiModel[] {
  const belongsTo = (body: Record<string, any>, api: string) => referencedAddress(body.api_id) === `aws_apigatewayv2_api.${api}`;
  const authorizers = new Map<string, HttpAuthorizerModel>();
  for (const [name, body] of stack.all("aws_apigatewayv2_authorizer")) {
    const address = `aws_apigatewayv2_authorizer.${name}`;
    const identitySources = texts(stack, body.identity_sources);
    if (body.authorizer_type === "JWT") {
      const jwt = block(body.jwt_configuration) ?? {};
      authorizers.set(address, { kind: "jwt", address, issuer: text(stack, jwt.issuer) ?? "", audiences: texts(stack, jwt.audience), identitySources });
    } else {
      const fn = lambdaIntegration(stack, functions, body.authorizer_uri, "2.0", 10_000);
      authorizers.set(address, {
        kind: "lambda",
        address,
        fn: fn.kind === "lambda" ? fn.fn : undefined,
        uri: fn.kind === "lambda" ? fn.uri : "",
        payloadVersion: body.authorizer_payload_format_version === "1.0" ? "1.0" : "2.0",
        simpleResponses: body.enable_simple_responses === true,
        ttlSeconds: numberOr(body.authorizer_result_ttl_in_seconds, 0),
        identitySources,
      });
    }
  }
  const integrations = new Map<string, IntegrationModel>();
  for (const [name, body] of stack.all("aws_apigatewayv2_integration")) {
    const timeoutMs = numberOr(body.timeout_milliseconds, 30_000);
    const type = String(body.integration_type);
    let integration: IntegrationModel;
    if (type === "AWS_PROXY" && (body.integration_subtype === undefined || body.integration_subtype === null)) {
      integration = lambdaIntegration(stack, functions, body.integration_uri, body.payload_format_version === "1.0" ? "1.0" : "2.0", timeoutMs);
    } else if (type === "HTTP_PROXY" && body.connection_type !== "VPC_LINK") {
      integration = { kind: "http-proxy", uri: text(stack, body.integration_uri) ?? "", method: text(stack, body.integration_method) ?? "ANY", timeoutMs };
    } else {
      integration = { kind: "unsupported", description: `aws_apigatewayv2_integration.${name} (${type}${body.connection_type === "VPC_LINK" ? " over VPC_LINK" : ""}${body.integration_subtype ? ` ${body.integration_subtype}` : ""})` };
    }
    integrations.set(`aws_apigatewayv2_integration.${name}`, integration);
  }

  const apis: HttpApiModel[] = [];
  for (const [name, api] of stack.all("aws_apigatewayv2_api")) {
    if (api.protocol_type !== "HTTP") continue;
    const cors = block(api.cors_configuration);
    const routes: HttpRouteModel[] = [];
    for (const [routeName, body] of stack.all("aws_apigatewayv2_route")) {
      if (!belongsTo(body, name)) continue;
      const routeKey = text(stack, body.route_key) ?? "";
      const [method, path] = routeKey === "$default" ? ["ANY", ""] : (routeKey.split(" ", 2) as [string, string]);
      const targetAddress = typeof body.target === "string" ? referencedAddress(body.target.replace(/^integrations\//, "")) : undefined;
      const integration: IntegrationModel = (targetAddress ? integrations.get(targetAddress) : undefined) ?? {
        kind: "unsupported",
        description: `aws_apigatewayv2_route.${routeName} has no integration target`,
      };
      const authorizerAddress = referencedAddress(body.authorizer_id);
      routes.push({
        address: `aws_apigatewayv2_route.${routeName}`,
        routeKey,
        method,
        path,
        authorizationType: String(body.authorization_type ?? "NONE"),
        authorizer: authorizerAddress ? authorizers.get(authorizerAddress) : undefined,
        scopes: texts(stack, body.authorization_scopes),
        integration,
      });
    }
    const stages: HttpStageModel[] = [];
    for (const [, body] of stack.all("aws_apigatewayv2_stage")) {
      if (!belongsTo(body, name)) continue;
      const routeThrottles = new Map<string, ThrottleModel>();
      for (const settings of blocks(body.route_settings)) {
        const throttle = throttleOf(settings);
        if (throttle) routeThrottles.set(text(stack, settings.route_key) ?? "", throttle);
      }
      const variables = Object.fromEntries(Object.entries((body.stage_variables ?? {}) as Record<string, unknown>).map(([k, v]) => [k, text(stack, v) ?? ""]));
      stages.push({ name: text(stack, body.name) ?? "$default", defaultThrottle: throttleOf(block(body.default_route_settings)), routeThrottles, variables });
    }
    apis.push({
      kind: "http",
      address: `aws_apigatewayv2_api.${name}`,
      key: keyOfAddress(name),
      id: stack.localId("aws_apigatewayv2_api", name),
      cors: cors
        ? {
            allowOrigins: texts(stack, cors.allow_origins),
            allowMethods: texts(stack, cors.allow_methods).map((m) => m.toUpperCase()),
            allowHeaders: texts(stack, cors.allow_headers).map((h) => h.toLowerCase()),
            exposeHeaders: texts(stack, cors.expose_headers).map((h) => h.toLowerCase()),
            maxAge: cors.max_age === undefined ? undefined : numberOr(cors.max_age, 0),
            allowCredentials: cors.allow_credentials === true,
          }
        : undefined,
      routes,
      stages,
    });
  }
  return apis;
}
