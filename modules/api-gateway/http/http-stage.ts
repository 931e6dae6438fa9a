import { Apigatewayv2Deployment } from "@cdktf/provider-aws/lib/apigatewayv2-deployment/index.js";
import type { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route/index.js";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage/index.js";
import { Construct } from "constructs";
import { contentHash } from "../common/content-hash.js";
import { tagsArgument } from "../common/tags.js";
import type { LogGroupFactory } from "../common/log-group-factory.js";
import type { HttpApiModel, HttpStageModel, RouteSettingsModel } from "../model.js";

export interface HttpStageProps {
  readonly apiId: string;
  readonly apiModel: HttpApiModel;
  readonly model: HttpStageModel;
  readonly routes: readonly Apigatewayv2Route[];
  readonly address: (...keys: string[]) => string;
  readonly logGroups: LogGroupFactory;
}

function routeSettings(settings: RouteSettingsModel) {
  return {
    detailedMetricsEnabled: settings.detailedMetricsEnabled,
    throttlingRateLimit: settings.throttlingRateLimit,
    throttlingBurstLimit: settings.throttlingBurstLimit,
  };
}

/**
 * A stage, its access-log group when the module owns it, and, when auto deploy is off, a deployment that
 * changes only when what the API serves does (its hash is computed at synth, so plans show no churn).
 */
export class HttpStage extends Construct {
  readonly stage: Apigatewayv2Stage;

  constructor(scope: Construct, id: string, props: HttpStageProps) {
    super(scope, id);
    const { model, apiModel } = props;
    const logGroup =
      model.accessLog?.logGroupName !== undefined
        ? props.logGroups.create(this, "log-group", props.address(model.key), model.accessLog.logGroupName, model.tags)
        : undefined;

    let deploymentId: string | undefined;
    if (!model.autoDeploy) {
      const deployment = new Apigatewayv2Deployment(this, "deployment", {
        apiId: props.apiId,
        description: `${apiModel.name} ${model.name}`,
        triggers: { redeployment: contentHash({ routes: apiModel.routes, integrations: apiModel.integrations, authorizers: apiModel.authorizers }) },
        lifecycle: { createBeforeDestroy: true },
        dependsOn: [...props.routes],
      });
      deployment.overrideLogicalId(props.address(model.key));
      deploymentId = deployment.id;
    }

    this.stage = new Apigatewayv2Stage(this, "stage", {
      apiId: props.apiId,
      name: model.name,
      description: model.description,
      autoDeploy: model.autoDeploy,
      deploymentId,
      defaultRouteSettings: model.defaultRouteSettings && routeSettings(model.defaultRouteSettings),
      routeSettings: model.routeSettings.length > 0 ? model.routeSettings.map((s) => ({ routeKey: s.routeKey, ...routeSettings(s) })) : undefined,
      accessLogSettings: model.accessLog && {
        destinationArn: model.accessLog.destinationArn ?? logGroup!.arn,
        format: model.accessLog.format,
      },
      stageVariables: Object.keys(model.stageVariables).length > 0 ? model.stageVariables : undefined,
      tags: tagsArgument(model.tags),
      // Route settings name routes that must exist first.
      dependsOn: model.routeSettings.length > 0 ? [...props.routes] : undefined,
    });
    this.stage.overrideLogicalId(props.address(model.key));
  }
}
