// One REST API stage: method selection in the resource tree, method throttling, authorization (Lambda
// TOKEN/REQUEST, Cognito, AWS_IAM), API keys and usage plans, the integration, and gateway responses.
import type { LambdaAuthorizers } from "../auth/lambda-authorizers.js";
import { claimStrings } from "../auth/jwt-authorizer.js";
import { executeApiArn, proxyEventV1, restRequestAuthorizerEvent, restTokenAuthorizerEvent, type EventContext } from "../integrations/proxy-events.js";
import type { IntegrationOutcome, IntegrationResponse } from "../integrations/responses.js";
import { runHttpProxy, runLambda, runMock } from "../integrations/run-integration.js";
import type { RestApiModel, RestStageModel } from "../model/rest-api-model.js";
import { selectRestMethod } from "../routing/rest-resources.js";
import type { UsagePlans } from "../throttle/usage-plans.js";
import { restApiError, type RestResponseType } from "./gateway-errors.js";
import { header, identityValue, type GatewayRequest } from "./gateway-request.js";
import { IAM_NOT_CHECKED, withTimeout, type HandlerDeps } from "./http-api-handler.js";
import type { RequestRecord } from "./request-log.js";

export class RestApiStageHandler {
  constructor(
    readonly api: RestApiModel,
    readonly stage: RestStageModel,
    private readonly deps: HandlerDeps & { readonly usagePlans: UsagePlans; readonly lambdaAuthorizers: LambdaAuthorizers },
  ) {}

  private error(type: RestResponseType, request: GatewayRequest, message?: string | null, pathParameters?: Record<string, string>): IntegrationResponse {
    return restApiError(type, this.api.gatewayResponses, { requestId: request.requestId, message, mapping: { request, pathParameters, stageVariables: this.stage.variables } });
  }

  async handle(request: GatewayRequest, record: RequestRecord): Promise<IntegrationResponse> {
    const { api, stage, deps } = this;
    if (api.unsupported) {
      record.integration = api.unsupported;
      return { status: 501, headers: { "content-type": ["application/json"] }, body: Buffer.from(JSON.stringify({ message: `Not Implemented: ${api.unsupported}` })) };
    }
    const match = selectRestMethod(api.root, request.method, request.path);
    if (!match?.method) return this.error("MISSING_AUTHENTICATION_TOKEN", request);
    const { resource, method, pathParameters } = match;
    record.route = `${method.httpMethod} ${resource.path}`;
    const methodPath = `${resource.path.slice(1)}/${method.httpMethod}`;
    const limits = stage.throttles.get(methodPath) ?? stage.throttles.get("*/*");
    // Stage-wide (`*/*`) limits are per method, as method-level ones are.
    if (limits && !deps.buckets.take(`${api.address}/${stage.name}/${methodPath}`, limits)) return this.error("THROTTLED", request);

    const context: EventContext = {
      apiId: api.id,
      region: deps.region,
      stage: stage.name,
      stageVariables: stage.variables,
      pathParameters,
      routeKey: resource.path,
      resourcePath: resource.path,
      domainName: header(request, "host") ?? "127.0.0.1",
    };
    const methodArn = executeApiArn(context, request.method, request.path);
    let authorizerContext: Record<string, unknown> | undefined;
    let usageIdentifierKey: string | undefined;
    if (method.authorization === "AWS_IAM") {
      record.authorizer = "AWS_IAM not checked";
      return this.error("MISSING_AUTHENTICATION_TOKEN", request, IAM_NOT_CHECKED);
    }
    const authorizer = method.authorizer;
    if (authorizer?.kind === "lambda" && method.authorization === "CUSTOM") {
      const identity = authorizer.identitySources.map((source) => identityValue(request, source, stage.variables));
      const outcome = await deps.lambdaAuthorizers.rest(authorizer, identity, methodArn, () =>
        authorizer.type === "TOKEN" ? restTokenAuthorizerEvent(identity[0] ?? "", methodArn) : restRequestAuthorizerEvent(request, context, methodArn),
      );
      record.authorizer = outcome.allow ? "lambda allow" : `lambda deny ${outcome.status} (${outcome.detail})`;
      record.cacheHit = outcome.cacheHit;
      if (!outcome.allow) return this.error(outcome.responseType, request, outcome.message);
      authorizerContext = outcome.context;
      usageIdentifierKey = outcome.usageIdentifierKey;
    } else if (authorizer?.kind === "cognito" && method.authorization === "COGNITO_USER_POOLS") {
      const token = identityValue(request, authorizer.identitySources[0] ?? "method.request.header.Authorization", stage.variables);
      let decision: Awaited<ReturnType<typeof deps.jwt.verify>> | undefined;
      for (const issuer of authorizer.issuers) {
        decision = await deps.jwt.verify(token, issuer, undefined, method.scopes);
        if (decision.ok) break;
      }
      record.authorizer = decision?.ok ? "cognito allow" : "cognito deny";
      if (!decision?.ok) return this.error("UNAUTHORIZED", request);
      authorizerContext = { claims: claimStrings(decision.claims) };
    }

    let apiKey: { value: string; address: string } | undefined;
    if (method.apiKeyRequired) {
      const presented = api.apiKeySource === "AUTHORIZER" ? usageIdentifierKey : header(request, "x-api-key");
      const decision = deps.usagePlans.check(api.usagePlans, stage.name, presented);
      if (!decision.ok) {
        record.authorizer = `${record.authorizer === "none" ? "" : `${record.authorizer}, `}api key ${decision.reason}`;
        return this.error(decision.reason, request);
      }
      apiKey = decision.key;
    }

    const integration = method.integration;
    let outcome: IntegrationOutcome;
    if (integration.kind === "lambda") {
      record.integration = `lambda:${integration.fn?.functionName ?? integration.uri}`;
      const identity = apiKey ? { apiKey: apiKey.value, apiKeyId: apiKey.address } : {};
      const result = await withTimeout(runLambda(deps.runner, integration, proxyEventV1(request, context, authorizerContext, identity)), integration.timeoutMs);
      if (result === "timeout") return this.error("INTEGRATION_TIMEOUT", request);
      if (result.coldStart) record.integration += " (cold)";
      outcome = result;
    } else if (integration.kind === "http-proxy") {
      record.integration = `http:${integration.uri}`;
      outcome = await runHttpProxy(integration, request, pathParameters);
    } else if (integration.kind === "mock") {
      record.integration = "mock";
      outcome = runMock(integration, request, { request, pathParameters, stageVariables: stage.variables });
    } else {
      record.integration = integration.description;
      return { status: 501, headers: { "content-type": ["application/json"] }, body: Buffer.from(JSON.stringify({ message: `Not Implemented: ${integration.description} does not run locally` })) };
    }
    if (outcome.ok) return outcome.response;
    record.integration += ` failed: ${outcome.detail}`;
    if (outcome.failure === "not-built") return this.error("API_CONFIGURATION_ERROR", request);
    if (outcome.failure === "timeout") return this.error("INTEGRATION_TIMEOUT", request);
    if (outcome.failure === "unsupported") return { status: 501, headers: { "content-type": ["application/json"] }, body: Buffer.from(JSON.stringify({ message: `Not Implemented: ${outcome.detail}` })) };
    return this.error("INTEGRATION_FAILURE", request);
  }
}
