import { accessLogFormatOf } from "../common/access-log-format.js";
import { isToken } from "../common/lambda-arn.js";
import { mergeTags } from "../common/tags.js";
import type { RestApiConfig, RestApiStageConfig } from "../config/rest-api.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { joinPath, quote } from "../validation/problems.js";
import { CACHE_CLUSTER_SIZES, isCacheClusterSize, nearestCacheClusterSize } from "./cache-sizes.js";
import { REST_API_ACCESS_LOG_FORMAT } from "./rest-access-log-format.js";
import type { RestMethodSettingsModel, RestStageModel } from "./rest-model.js";

const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const LOG_GROUP_ARN = /^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[^:]+(:\*)?$/;
const FIREHOSE_ARN = /^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/amazon-apigateway-.+$/;

function methodSettingsOf(stage: RestApiStageConfig, at: string, ctx: NormalizeContext): RestMethodSettingsModel | undefined {
  const settings = stage.throttle_settings;
  if (!settings) return undefined;
  const settingsAt = joinPath(at, "throttle_settings");
  if (settings.cache_key_parameters !== undefined) {
    ctx.problems.error(
      joinPath(settingsAt, "cache_key_parameters"),
      "cache keys are set per method in AWS, not per stage (ignoring them would cache one response for every key)",
      "move them to methods.<key>.integration.cache_key_parameters, and declare each in that method's request_parameters",
    );
  }
  if (settings.caching_enabled && !stage.cache_cluster_enabled) {
    ctx.problems.warn(joinPath(settingsAt, "caching_enabled"), "has no effect: the stage has no cache cluster", "set cache_cluster_enabled = true on the stage, or remove caching_enabled");
  }
  return {
    metricsEnabled: settings.metrics_enabled,
    loggingLevel: settings.logging_level,
    dataTraceEnabled: settings.data_trace_enabled,
    throttlingRateLimit: settings.throttling_rate_limit,
    throttlingBurstLimit: settings.throttling_burst_limit,
    cachingEnabled: settings.caching_enabled,
    cacheDataEncrypted: settings.caching_enabled ? (settings.cache_data_encrypted ?? true) : settings.cache_data_encrypted,
    cacheTtlInSeconds: settings.cache_ttl_in_seconds,
    requireAuthorizationForCacheControl: settings.require_authorization_for_cache_control,
  };
}

function accessLogOf(stage: RestApiStageConfig, apiName: string, name: string, at: string, ctx: NormalizeContext): RestStageModel["accessLog"] {
  const logs = stage.access_log_settings;
  const format = accessLogFormatOf(logs?.format, REST_API_ACCESS_LOG_FORMAT);
  if (logs?.destination_arn !== undefined) {
    const arn = logs.destination_arn;
    if (!isToken(arn) && !LOG_GROUP_ARN.test(arn) && !FIREHOSE_ARN.test(arn)) {
      ctx.problems.error(
        joinPath(at, "access_log_settings", "destination_arn"),
        `${quote(arn)} is not a CloudWatch log group ARN or a Firehose stream named amazon-apigateway-*`,
        "use arn:aws:logs:<region>:<account>:log-group:<name>",
      );
    }
    return { destinationArn: arn, format };
  }
  if (ctx.logs.createLogGroups) return { logGroupName: `/aws/apigateway/${apiName}/${name}`, format };
  if (logs?.format !== undefined) {
    ctx.problems.warn(joinPath(at, "access_log_settings", "format"), "ignored: no destination_arn and enable_cloudwatch_logs is false", "set destination_arn, or enable_cloudwatch_logs = true");
  }
  return undefined;
}

/** Stages of a REST API: cache sizes AWS offers, stage-wide method settings, access logs, canary and WAF. */
export function normalizeRestStages(apiName: string, api: RestApiConfig, path: string, ctx: NormalizeContext): RestStageModel[] {
  return sortedEntries(api.stages).map(([key, stage]): RestStageModel => {
    const at = joinPath(path, "stages", key);
    if (!STAGE_NAME.test(key)) ctx.problems.error(at, `stage name ${quote(key)} is not allowed`, "use letters, digits, - and _ (at most 128)");
    const size = stage.cache_cluster_size;
    if (size !== undefined && !isCacheClusterSize(size)) {
      ctx.problems.error(joinPath(at, "cache_cluster_size"), `${quote(size)} is not a cache size AWS offers`, `use one of ${CACHE_CLUSTER_SIZES.join(", ")} (GB), e.g. ${quote(nearestCacheClusterSize(size))}`);
    }
    const cacheClusterEnabled = stage.cache_cluster_enabled ?? false;
    if (size !== undefined && !cacheClusterEnabled) {
      ctx.problems.warn(joinPath(at, "cache_cluster_size"), "ignored: cache_cluster_enabled is not true", "set cache_cluster_enabled = true, or remove cache_cluster_size");
    }
    const methodSettings = methodSettingsOf(stage, at, ctx);
    const accessLog = accessLogOf(stage, apiName, key, at, ctx);
    const executionLogging = (methodSettings?.loggingLevel ?? "OFF") !== "OFF" || methodSettings?.dataTraceEnabled === true;
    const canary = stage.canary_settings;
    return {
      key,
      name: key,
      description: stage.stage_description,
      variables: Object.fromEntries(sortedEntries(stage.variables)),
      cacheClusterEnabled,
      cacheClusterSize: cacheClusterEnabled ? (size ?? "0.5") : undefined,
      methodSettings,
      accessLog,
      createExecutionLogGroup: executionLogging && ctx.logs.createLogGroups,
      needsAccountLogging: executionLogging || (accessLog !== undefined && !(accessLog.destinationArn !== undefined && FIREHOSE_ARN.test(accessLog.destinationArn))),
      canary: canary && {
        deploymentId: canary.deployment_id,
        percentTraffic: canary.percent_traffic,
        useStageCache: canary.use_stage_cache,
        stageVariableOverrides: Object.fromEntries(sortedEntries(canary.stage_variable_overrides)),
      },
      xrayTracingEnabled: stage.xray_tracing_enabled ?? false,
      wafAclArn: api.waf_acl_arn,
      tags: mergeTags(ctx.commonTags, api.tags, stage.tags),
    };
  });
}
