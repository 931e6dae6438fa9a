import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api/index.js";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer/index.js";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration/index.js";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route/index.js";
import { Construct } from "constructs";
import { address } from "../common/addresses.js";
import { tagsArgument } from "../common/tags.js";
import { InvokePermissions } from "../common/invoke-permissions.js";
import type { HttpApiModel } from "../model.js";
import type { LogGroupFactory } from "../common/log-group-factory.js";
import { HttpStage } from "./http-stage.js";

export interface HttpApiProps {
  readonly model: HttpApiModel;
  /** Addresses of this API's resources start with this (the module's id). */
  readonly addressPrefix: string;
  /** Resolves a `vpc_links` key to the link's id. */
  readonly vpcLinkId: (key: string) => string;
  readonly logGroups: LogGroupFactory;
}

/** An HTTP API with its authorizers, integrations, routes, stages and Lambda permissions. */
export class HttpApi extends Construct {
  readonly api: Apigatewayv2Api;
  readonly authorizers = new Map<string, Apigatewayv2Authorizer>();
  readonly stages = new Map<string, HttpStage>();

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id);
    const { model } = props;
    const at = (...keys: string[]) => address(props.addressPrefix, model.key, ...keys);

    this.api = new Apigatewayv2Api(this, "api", {
      name: model.name,
      protocolType: "HTTP",
      description: model.description,
      version: model.version,
      disableExecuteApiEndpoint: model.disableExecuteApiEndpoint || undefined,
      apiKeySelectionExpression: model.apiKeySelectionExpression,
      routeSelectionExpression: model.routeSelectionExpression,
      corsConfiguration: model.cors && {
        allowCredentials: model.cors.allowCredentials,
        allowHeaders: model.cors.allowHeaders as string[] | undefined,
        allowMethods: model.cors.allowMethods as string[] | undefined,
        allowOrigins: model.cors.allowOrigins as string[] | undefined,
        exposeHeaders: model.cors.exposeHeaders as string[] | undefined,
        maxAge: model.cors.maxAge,
      },
      tags: tagsArgument(model.tags),
    });
    this.api.overrideLogicalId(at());
    // One token per attribute, reused: every attribute read creates a token and captures a stack trace.
    const apiId = this.api.id;

    for (const authorizer of model.authorizers) {
      const resource =
        authorizer.kind === "jwt"
          ? new Apigatewayv2Authorizer(this, `authorizer-${authorizer.key}`, {
              apiId,
              name: authorizer.name,
              authorizerType: "JWT",
              identitySources: [...authorizer.identitySources],
              jwtConfiguration: { audience: [...authorizer.audience], issuer: authorizer.issuer },
            })
          : new Apigatewayv2Authorizer(this, `authorizer-${authorizer.key}`, {
              apiId,
              name: authorizer.name,
              authorizerType: "REQUEST",
              authorizerUri: authorizer.uri,
              authorizerCredentialsArn: authorizer.credentialsArn,
              identitySources: [...authorizer.identitySources],
              authorizerPayloadFormatVersion: authorizer.payloadFormatVersion,
              authorizerResultTtlInSeconds: authorizer.resultTtlInSeconds,
              enableSimpleResponses: authorizer.payloadFormatVersion === "2.0" ? authorizer.enableSimpleResponses : undefined,
            });
      resource.overrideLogicalId(at(authorizer.key));
      this.authorizers.set(authorizer.key, resource);
    }

    const authorizerIds = new Map([...this.authorizers].map(([key, authorizer]) => [key, authorizer.id]));
    const integrationIds = new Map<string, string>();
    for (const integration of model.integrations) {
      const resource = new Apigatewayv2Integration(this, `integration-${integration.key}`, {
        apiId,
        integrationType: integration.type,
        integrationSubtype: integration.subtype,
        integrationMethod: integration.method,
        integrationUri: integration.uri,
        payloadFormatVersion: integration.payloadFormatVersion,
        timeoutMilliseconds: integration.timeoutMilliseconds,
        connectionType: integration.connectionType,
        connectionId: integration.vpcLinkKey !== undefined ? props.vpcLinkId(integration.vpcLinkKey) : integration.connectionId,
        credentialsArn: integration.credentialsArn,
        description: integration.description,
        requestParameters: Object.keys(integration.requestParameters).length > 0 ? integration.requestParameters : undefined,
        tlsConfig: integration.tlsServerNameToVerify !== undefined ? { serverNameToVerify: integration.tlsServerNameToVerify } : undefined,
      });
      resource.overrideLogicalId(at(integration.key));
      integrationIds.set(integration.key, resource.id);
    }

    const routes = model.routes.map((route) => {
      const resource = new Apigatewayv2Route(this, `route-${route.key}`, {
        apiId,
        routeKey: route.routeKey,
        target: route.integrationKey !== undefined ? `integrations/${integrationIds.get(route.integrationKey)!}` : undefined,
        authorizationType: route.authorizationType,
        authorizerId: route.authorizerKey !== undefined ? authorizerIds.get(route.authorizerKey) : undefined,
        authorizationScopes: route.authorizationScopes as string[] | undefined,
        operationName: route.operationName,
      });
      resource.overrideLogicalId(at(route.key));
      return resource;
    });

    new InvokePermissions(this, "permissions", { permissions: model.lambdaPermissions, executionArn: this.api.executionArn, address: at });

    for (const stage of model.stages) {
      this.stages.set(stage.key, new HttpStage(this, `stage-${stage.key}`, { apiId, apiModel: model, model: stage, routes, address: at, logGroups: props.logGroups }));
    }
  }
}
