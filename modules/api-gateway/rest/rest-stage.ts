import { ApiGatewayMethodSettings } from "@cdktf/provider-aws/lib/api-gateway-method-settings/index.js";
import { ApiGatewayStage } from "@cdktf/provider-aws/lib/api-gateway-stage/index.js";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association/index.js";
import { Construct } from "constructs";
import type { LogGroupFactory } from "../common/log-group-factory.js";
import { addressOf, dependsOnAddresses } from "./literal-depends-on.js";
import { tagsArgument } from "../common/tags.js";
import type { RestStageModel } from "./rest-model.js";

export interface RestStageProps {
  readonly model: RestStageModel;
  readonly restApiId: string;
  /** The API's deployment, which the stage serves (and its canary, unless the config names another). */
  readonly deploymentId: string;
  /** Address of the account's CloudWatch Logs role setting, when the stack manages it: logging stages wait for it. */
  readonly account?: string;
  readonly address: (...keys: string[]) => string;
  readonly logGroups: LogGroupFactory;
}

/** A REST stage with its stage-wide method settings (`*` / `*`), log groups and WAF association. */
export class RestStage extends Construct {
  readonly stage: ApiGatewayStage;

  constructor(scope: Construct, id: string, props: RestStageProps) {
    super(scope, id);
    const { model, restApiId, address: at } = props;
    const logging = model.needsAccountLogging && props.account ? [props.account] : [];
    const accessLogGroup =
      model.accessLog?.logGroupName !== undefined ? props.logGroups.create(this, "access-log-group", at(model.key), model.accessLog.logGroupName, model.tags) : undefined;
    // API Gateway writes execution logs to a group named after the API id; made here, it gets the module's retention and key.
    const executionLogGroup = model.createExecutionLogGroup
      ? props.logGroups.create(this, "execution-log-group", at(model.key, "execution_logs"), `API-Gateway-Execution-Logs_${restApiId}/${model.name}`, model.tags)
      : undefined;
    const executionLogs = executionLogGroup ? [addressOf(executionLogGroup, at(model.key, "execution_logs"))] : [];

    this.stage = new ApiGatewayStage(this, "stage", {
      restApiId,
      stageName: model.name,
      deploymentId: props.deploymentId,
      description: model.description,
      variables: tagsArgument(model.variables),
      cacheClusterEnabled: model.cacheClusterEnabled || undefined,
      cacheClusterSize: model.cacheClusterSize,
      xrayTracingEnabled: model.xrayTracingEnabled || undefined,
      accessLogSettings: model.accessLog && { destinationArn: model.accessLog.destinationArn ?? accessLogGroup!.arn, format: model.accessLog.format },
      canarySettings: model.canary && {
        deploymentId: model.canary.deploymentId ?? props.deploymentId,
        percentTraffic: model.canary.percentTraffic,
        useStageCache: model.canary.useStageCache,
        stageVariableOverrides: tagsArgument(model.canary.stageVariableOverrides),
      },
      tags: tagsArgument(model.tags),
    });
    this.stage.overrideLogicalId(at(model.key));
    dependsOnAddresses(this.stage, logging);

    if (model.methodSettings) {
      const s = model.methodSettings;
      const settings = new ApiGatewayMethodSettings(this, "method-settings", {
        restApiId,
        stageName: this.stage.stageName,
        methodPath: "*/*",
        settings: {
          metricsEnabled: s.metricsEnabled,
          loggingLevel: s.loggingLevel,
          dataTraceEnabled: s.dataTraceEnabled,
          throttlingRateLimit: s.throttlingRateLimit,
          throttlingBurstLimit: s.throttlingBurstLimit,
          cachingEnabled: s.cachingEnabled,
          cacheDataEncrypted: s.cacheDataEncrypted,
          cacheTtlInSeconds: s.cacheTtlInSeconds,
          requireAuthorizationForCacheControl: s.requireAuthorizationForCacheControl,
        },
      });
      settings.overrideLogicalId(at(model.key));
      dependsOnAddresses(settings, [...logging, ...executionLogs]);
    }

    if (model.wafAclArn !== undefined) {
      new Wafv2WebAclAssociation(this, "waf", { resourceArn: this.stage.arn, webAclArn: model.wafAclArn }).overrideLogicalId(at(model.key));
    }
  }
}
