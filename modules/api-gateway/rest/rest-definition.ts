import { ApiGatewayGatewayResponse } from "@cdktf/provider-aws/lib/api-gateway-gateway-response/index.js";
import { ApiGatewayIntegrationResponse } from "@cdktf/provider-aws/lib/api-gateway-integration-response/index.js";
import { ApiGatewayIntegration } from "@cdktf/provider-aws/lib/api-gateway-integration/index.js";
import { ApiGatewayMethodResponse } from "@cdktf/provider-aws/lib/api-gateway-method-response/index.js";
import { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method/index.js";
import { ApiGatewayModel } from "@cdktf/provider-aws/lib/api-gateway-model/index.js";
import { ApiGatewayRequestValidator } from "@cdktf/provider-aws/lib/api-gateway-request-validator/index.js";
import { ApiGatewayResource } from "@cdktf/provider-aws/lib/api-gateway-resource/index.js";
import { Construct } from "constructs";
import { addressOf, dependsOnAddresses } from "./literal-depends-on.js";
import type { RestDefinitionModel, RestIntegrationModel, RestModelRef } from "./rest-model.js";

type MethodsDefinition = Extract<RestDefinitionModel, { kind: "methods" }>;

export interface RestDefinitionProps {
  readonly model: MethodsDefinition;
  readonly restApiId: string;
  readonly rootResourceId: string;
  /** Authorizer ids by `authorizers` key. */
  readonly authorizerId: (key: string) => string;
  /** VPC link ids by `vpc_links` key. */
  readonly vpcLinkId: (key: string) => string;
  readonly address: (...keys: string[]) => string;
}

const orUndefined = <T extends object>(record: T): T | undefined => (Object.keys(record).length > 0 ? record : undefined);

/**
 * What a REST API built from `methods` serves: models, request validators, the resource tree, methods with their
 * integrations and responses, and gateway responses. `served` lists the addresses a deployment must wait for (its
 * leaves: methods, models and validators come before them).
 */
export class RestDefinition extends Construct {
  readonly served: string[] = [];

  constructor(scope: Construct, id: string, props: RestDefinitionProps) {
    super(scope, id);
    const { model, restApiId, address: at } = props;

    const modelNames = new Map<string, string>();
    for (const m of model.models) {
      const resource = new ApiGatewayModel(this, `model-${m.key}`, { restApiId, name: m.name, description: m.description, contentType: m.contentType, schema: m.schema });
      resource.overrideLogicalId(at(m.key));
      modelNames.set(m.key, resource.name);
    }
    const modelsOf = (refs: Record<string, RestModelRef>) =>
      orUndefined(Object.fromEntries(Object.entries(refs).map(([type, ref]) => [type, "builtIn" in ref ? ref.builtIn : modelNames.get(ref.modelKey)!])));

    const validatorIds = new Map<string, string>();
    for (const v of model.validators) {
      const resource = new ApiGatewayRequestValidator(this, `validator-${v.kind}`, { restApiId, name: v.name, validateRequestBody: v.validateBody, validateRequestParameters: v.validateParameters });
      resource.overrideLogicalId(at(v.kind.toLowerCase()));
      validatorIds.set(v.kind, resource.id);
    }

    const resourceIds = new Map<string, string>();
    for (const r of model.resources) {
      const resource = new ApiGatewayResource(this, `resource-${r.id}`, {
        restApiId,
        parentId: r.parentId === undefined ? props.rootResourceId : resourceIds.get(r.parentId)!,
        pathPart: r.pathPart,
      });
      resource.overrideLogicalId(at(r.id));
      resourceIds.set(r.id, resource.id);
    }

    for (const m of model.methods) {
      const resourceId = m.resourceId === undefined ? props.rootResourceId : resourceIds.get(m.resourceId)!;
      const method = new ApiGatewayMethod(this, `method-${m.id}`, {
        restApiId,
        resourceId,
        httpMethod: m.httpMethod,
        authorization: m.authorization,
        authorizerId: m.authorizerKey === undefined ? undefined : props.authorizerId(m.authorizerKey),
        authorizationScopes: m.authorizationScopes as string[] | undefined,
        apiKeyRequired: m.apiKeyRequired || undefined,
        requestValidatorId: m.validatorKey === undefined ? undefined : validatorIds.get(m.validatorKey),
        requestModels: modelsOf(m.requestModels),
        requestParameters: orUndefined(m.requestParameters),
        operationName: m.operationName,
      });
      const methodAddress = addressOf(method, at(m.id));
      method.overrideLogicalId(at(m.id));
      const integration = new ApiGatewayIntegration(this, `integration-${m.id}`, {
        restApiId,
        resourceId,
        httpMethod: m.httpMethod,
        ...integrationArguments(m.integration, props.vpcLinkId),
      });
      integration.overrideLogicalId(at(m.id));
      const integrationAddress = addressOf(integration, at(m.id));
      dependsOnAddresses(integration, [methodAddress]);
      this.served.push(integrationAddress);
      for (const r of m.responses) {
        const methodResponse = new ApiGatewayMethodResponse(this, `method-response-${m.id}-${r.statusCode}`, {
          restApiId,
          resourceId,
          httpMethod: m.httpMethod,
          statusCode: r.statusCode,
          responseModels: modelsOf(r.models),
          responseParameters: orUndefined(r.parameters),
        });
        methodResponse.overrideLogicalId(at(m.id, r.statusCode));
        const methodResponseAddress = addressOf(methodResponse, at(m.id, r.statusCode));
        dependsOnAddresses(methodResponse, [methodAddress]);
        this.served.push(methodResponseAddress);
        if (!r.integrationResponse) continue;
        const integrationResponse = new ApiGatewayIntegrationResponse(this, `integration-response-${m.id}-${r.statusCode}`, {
          restApiId,
          resourceId,
          httpMethod: m.httpMethod,
          statusCode: r.statusCode,
          selectionPattern: r.integrationResponse.selectionPattern,
          responseParameters: orUndefined(r.integrationResponse.parameters),
          responseTemplates: orUndefined(r.integrationResponse.templates),
          contentHandling: r.integrationResponse.contentHandling,
        });
        integrationResponse.overrideLogicalId(at(m.id, r.statusCode));
        dependsOnAddresses(integrationResponse, [integrationAddress, methodResponseAddress]);
        this.served.push(addressOf(integrationResponse, at(m.id, r.statusCode)));
      }
    }

    for (const g of model.gatewayResponses) {
      const resource = new ApiGatewayGatewayResponse(this, `gateway-response-${g.type}`, {
        restApiId,
        responseType: g.type,
        statusCode: g.statusCode,
        responseParameters: g.parameters,
        responseTemplates: g.templates,
      });
      resource.overrideLogicalId(at(g.type.toLowerCase()));
      this.served.push(addressOf(resource, at(g.type.toLowerCase())));
    }
  }
}

function integrationArguments(integration: RestIntegrationModel, vpcLinkId: (key: string) => string) {
  const common = {
    type: integration.type,
    requestTemplates: orUndefined(integration.requestTemplates),
    requestParameters: orUndefined(integration.requestParameters),
    passthroughBehavior: integration.passthroughBehavior,
    contentHandling: integration.contentHandling,
    cacheKeyParameters: integration.cacheKeyParameters.length > 0 ? [...integration.cacheKeyParameters] : undefined,
    timeoutMilliseconds: integration.timeoutMilliseconds,
  };
  if (integration.type === "MOCK") return common;
  const connection = integration.connection;
  return {
    ...common,
    uri: integration.uri,
    integrationHttpMethod: integration.httpMethod,
    credentials: integration.credentials,
    connectionType: connection ? "VPC_LINK" : undefined,
    connectionId: connection === undefined ? undefined : "vpcLinkKey" in connection ? vpcLinkId(connection.vpcLinkKey) : connection.connectionId,
  };
}
