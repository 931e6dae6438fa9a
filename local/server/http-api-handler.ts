// One HTTP API stage: CORS preflight, route selection, route throttling, authorization (JWT, Lambda,
// AWS_IAM), the integration, and the configured CORS headers on whatever is answered.
import type { JwtAuthorizers } from "../auth/jwt-authorizer.js";
import { claimStrings } from "../auth/jwt-authorizer.js";
import type { LambdaAuthorizers } from "../auth/lambda-authorizers.js";
import type { LambdaRunner } from "../functions/lambda-runner.js";
import { httpAuthorizerEventV1, httpAuthorizerEventV2, executeApiArn, proxyEventV1, proxyEventV2, type EventContext } from "../integrations/proxy-events.js";
import type { IntegrationOutcome, IntegrationResponse } from "../integrations/responses.js";
import { runHttpProxy, runLambda } from "../integrations/run-integration.js";
import type { HttpApiModel, HttpStageModel } from "../model/http-api-model.js";
import { selectHttpRoute } from "../routing/http-routes.js";
import type { Buckets } from "../throttle/token-bucket.js";
import { isPreflight, preflightResponse, withCorsHeaders } from "./cors.js";
import { httpApiError } from "./gateway-errors.js";
import { header, identityValue, type GatewayRequest } from "./gateway-request.js";
import type { RequestRecord } from "./request-log.js";

export interface HandlerDeps {
  readonly runner: LambdaRunner;
  readonly lambdaAuthorizers: LambdaAuthorizers;
  readonly jwt: JwtAuthorizers;
  readonly buckets: Buckets;
  readonly region: string;
}

export const IAM_NOT_CHECKED = "AWS_IAM authorization: the local gateway does not check SigV4 signatures; this route answers 403 locally";

export class HttpApiStageHandler {
  constructor(
    readonly api: HttpApiModel,
    readonly stage: HttpStageModel,
    private readonly deps: HandlerDeps,
  ) {}

  async handle(request: GatewayRequest, record: RequestRecord): Promise<IntegrationResponse> {
    const response = await this.answer(request, record);
    const withCors = withCorsHeaders(this.api.cors, request, response);
    return { ...withCors, headers: { ...withCors.headers, "apigw-requestid": [request.requestId] } };
  }

  private async answer(request: GatewayRequest, record: RequestRecord): Promise<IntegrationResponse> {
    const { api, stage, deps } = this;
    if (api.cors && isPreflight(request)) {
      record.route = "CORS preflight";
      return preflightResponse(api.cors, request);
    }
    const match = selectHttpRoute(api.routes, request.method, request.path);
    if (!match) return httpApiError(404, "Not Found");
    const { route, pathParameters } = match;
    record.route = route.routeKey;
    const limits = stage.routeThrottles.get(route.routeKey) ?? stage.defaultThrottle;
    if (limits && !deps.buckets.take(`${api.address}/${stage.name}/${route.routeKey}`, limits)) return httpApiError(429, "Too Many Requests");

    const context: EventContext = {
      apiId: api.id,
      region: deps.region,
      stage: stage.name,
      stageVariables: stage.variables,
      pathParameters,
      routeKey: route.routeKey,
      resourcePath: route.path,
      domainName: header(request, "host") ?? "127.0.0.1",
    };
    let authorizerContext: Record<string, unknown> | undefined;
    const authorizer = route.authorizer;
    if (route.authorizationType === "AWS_IAM") {
      record.authorizer = "AWS_IAM not checked";
      return httpApiError(403, IAM_NOT_CHECKED);
    }
    if (authorizer?.kind === "jwt" && route.authorizationType === "JWT") {
      const source = authorizer.identitySources[0] ?? "$request.header.Authorization";
      const decision = await deps.jwt.verify(identityValue(request, source, stage.variables), authorizer.issuer, authorizer.audiences, route.scopes);
      record.authorizer = decision.ok ? "jwt allow" : `jwt deny (${decision.reason})`;
      if (!decision.ok) return httpApiError(decision.status, decision.status === 401 ? "Unauthorized" : "Forbidden");
      authorizerContext = { jwt: { claims: claimStrings(decision.claims), scopes: decision.scopes.length > 0 ? decision.scopes : null } };
    } else if (authorizer?.kind === "lambda" && route.authorizationType === "CUSTOM") {
      const identity = authorizer.identitySources.map((source) => identityValue(request, source, stage.variables));
      const present = identity.filter((v): v is string => v !== undefined);
      const outcome = await deps.lambdaAuthorizers.http(authorizer, identity, executeApiArn(context, request.method, request.path), () =>
        authorizer.payloadVersion === "2.0" ? httpAuthorizerEventV2(request, context, present) : httpAuthorizerEventV1(request, context, present),
      );
      record.authorizer = outcome.allow ? "lambda allow" : `lambda deny ${outcome.status} (${outcome.detail})`;
      record.cacheHit = outcome.cacheHit;
      if (!outcome.allow) return httpApiError(outcome.status, outcome.status === 500 ? "Internal Server Error" : (outcome.message ?? ""));
      authorizerContext = outcome.context;
    }

    const integration = route.integration;
    let outcome: IntegrationOutcome;
    if (integration.kind === "lambda") {
      record.integration = `lambda:${integration.fn?.functionName ?? integration.uri}`;
      const event = integration.payloadVersion === "2.0" ? proxyEventV2(request, context, authorizerContext) : proxyEventV1(request, context, authorizerContext);
      const result = await withTimeout(runLambda(deps.runner, integration, event), integration.timeoutMs);
      if (result === "timeout") return httpApiError(503, "Service Unavailable");
      if (result.coldStart) record.integration += " (cold)";
      outcome = result;
    } else if (integration.kind === "http-proxy") {
      record.integration = `http:${integration.uri}`;
      outcome = await runHttpProxy(integration, request, pathParameters);
    } else {
      record.integration = integration.kind === "unsupported" ? integration.description : integration.kind;
      return httpApiError(501, `Not Implemented: ${record.integration} does not run locally`);
    }
    if (outcome.ok) return outcome.response;
    record.integration += ` failed: ${outcome.detail}`;
    if (outcome.failure === "unsupported") return httpApiError(501, `Not Implemented: ${outcome.detail}`);
    if (outcome.failure === "timeout" && integration.kind === "http-proxy") return httpApiError(504, "Gateway Timeout");
    return httpApiError(500, "Internal Server Error");
  }
}

/** The integration's own timeout, as API Gateway enforces it. */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
