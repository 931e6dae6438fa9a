import { ApiGatewayAuthorizer } from "@cdktf/provider-aws/lib/api-gateway-authorizer/index.js";
import { ApiGatewayDeployment } from "@cdktf/provider-aws/lib/api-gateway-deployment/index.js";
import { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api/index.js";
import { Construct } from "constructs";
import { address } from "../common/addresses.js";
import { InvokePermissions } from "../common/invoke-permissions.js";
import type { LogGroupFactory } from "../common/log-group-factory.js";
import { tagsArgument } from "../common/tags.js";
import { dependsOnAddresses } from "./literal-depends-on.js";
import { RestDefinition } from "./rest-definition.js";
import type { RestApiModel } from "./rest-model.js";
import { RestStage } from "./rest-stage.js";
import { RestUsagePlans } from "./rest-usage-plans.js";

export interface RestApiProps {
  readonly model: RestApiModel;
  /** Addresses of this API's resources start with this (the module's id). */
  readonly addressPrefix: string;
  /** Resolves a `vpc_links` key to the link's id. */
  readonly vpcLinkId: (key: string) => string;
  readonly logGroups: LogGroupFactory;
  /** Address of the account's CloudWatch Logs role setting, when the stack manages it. */
  readonly account?: string;
}

/**
 * A REST API: the API (with its OpenAPI body, or the resources and methods of `methods`), authorizers, Lambda
 * permissions, one deployment whose trigger is a hash of what the API serves, stages, keys and usage plans.
 */
export class RestApi extends Construct {
  readonly api: ApiGatewayRestApi;
  readonly authorizers = new Map<string, ApiGatewayAuthorizer>();
  readonly deployment: ApiGatewayDeployment;
  readonly stages = new Map<string, RestStage>();
  readonly usage: RestUsagePlans;

  constructor(scope: Construct, id: string, props: RestApiProps) {
    super(scope, id);
    const { model } = props;
    const at = (...keys: string[]) => address(props.addressPrefix, model.key, ...keys);
    const definition = model.definition;

    this.api = new ApiGatewayRestApi(this, "api", {
      name: model.name,
      description: model.description,
      endpointConfiguration: { types: [model.endpointType], vpcEndpointIds: model.vpcEndpointIds && [...model.vpcEndpointIds] },
      binaryMediaTypes: model.binaryMediaTypes.length > 0 ? [...model.binaryMediaTypes] : undefined,
      minimumCompressionSize: model.minimumCompressionSize === undefined ? undefined : String(model.minimumCompressionSize),
      apiKeySource: model.apiKeySource,
      policy: model.policy,
      body: definition.kind === "openapi" ? definition.body : undefined,
      disableExecuteApiEndpoint: model.disableExecuteApiEndpoint || undefined,
      tags: tagsArgument(model.tags),
    });
    this.api.overrideLogicalId(at());
    // One token per attribute, reused: every attribute read creates a token and captures a stack trace.
    const restApiId = this.api.id;

    for (const a of model.authorizers) {
      const authorizer = new ApiGatewayAuthorizer(this, `authorizer-${a.key}`, {
        restApiId,
        name: a.name,
        type: a.type,
        authorizerUri: a.kind === "lambda" ? a.uri : undefined,
        authorizerCredentials: a.kind === "lambda" ? a.credentials : undefined,
        authorizerResultTtlInSeconds: a.resultTtlInSeconds,
        identitySource: a.identitySource,
        identityValidationExpression: a.kind === "lambda" ? a.identityValidationExpression : undefined,
        providerArns: a.kind === "cognito" ? [...a.providerArns] : undefined,
      });
      authorizer.overrideLogicalId(at(a.key));
      this.authorizers.set(a.key, authorizer);
    }
    const authorizerIds = new Map([...this.authorizers].map(([key, a]) => [key, a.id]));

    const served: string[] =
      definition.kind === "methods"
        ? new RestDefinition(this, "definition", {
            model: definition,
            restApiId,
            rootResourceId: this.api.rootResourceId,
            authorizerId: (key) => authorizerIds.get(key)!,
            vpcLinkId: props.vpcLinkId,
            address: at,
          }).served
        : [];

    new InvokePermissions(this, "permissions", { permissions: model.lambdaPermissions, executionArn: this.api.executionArn, address: at });

    this.deployment = new ApiGatewayDeployment(this, "deployment", {
      restApiId,
      triggers: { redeployment: model.deploymentTrigger },
      lifecycle: { createBeforeDestroy: true },
    });
    this.deployment.overrideLogicalId(at());
    dependsOnAddresses(this.deployment, served);
    const deploymentId = this.deployment.id;

    for (const stage of model.stages) {
      this.stages.set(stage.key, new RestStage(this, `stage-${stage.key}`, { model: stage, restApiId, deploymentId, account: props.account, address: at, logGroups: props.logGroups }));
    }
    this.usage = new RestUsagePlans(this, "usage", {
      apiKeys: model.apiKeys,
      usagePlans: model.usagePlans,
      restApiId,
      stageName: (key) => this.stages.get(key)!.stage.stageName,
      address: at,
    });
  }
}
