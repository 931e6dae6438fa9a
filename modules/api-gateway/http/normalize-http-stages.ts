import { HTTP_API_ACCESS_LOG_FORMAT, accessLogFormatOf } from "../common/access-log-format.js";
import { isToken } from "../common/lambda-arn.js";
import { mergeTags } from "../common/tags.js";
import type { HttpApiConfig, HttpRouteSettings } from "../config/http-api.js";
import type { HttpStageModel, RouteSettingsModel } from "../model.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { suggestion } from "../validation/did-you-mean.js";
import { joinPath, quote } from "../validation/problems.js";

const STAGE_NAME = /^(\$default|[A-Za-z0-9_-]{1,128})$/;

/** Execution-log settings exist for REST and WebSocket APIs only; AWS fails an HTTP API apply that sets them. */
function routeSettingsOf(settings: HttpRouteSettings, path: string, ctx: NormalizeContext): RouteSettingsModel {
  if (settings.logging_level !== undefined) {
    ctx.problems.warn(
      joinPath(path, "logging_level"),
      "ignored: HTTP APIs have no execution logs (REST and WebSocket APIs do), and AWS rejects the setting",
      "remove it; access logs (access_log_settings) are the HTTP API's logs",
    );
  }
  if (settings.data_trace_enabled !== undefined) {
    ctx.problems.warn(
      joinPath(path, "data_trace_enabled"),
      "ignored: HTTP APIs have no data trace logging (REST and WebSocket APIs do), and AWS rejects the setting",
      "remove it",
    );
  }
  return {
    detailedMetricsEnabled: settings.detailed_metrics_enabled,
    throttlingRateLimit: settings.throttling_rate_limit,
    throttlingBurstLimit: settings.throttling_burst_limit,
  };
}

function checkDestination(arn: string, path: string, ctx: NormalizeContext): void {
  if (isToken(arn)) return;
  if (/^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[^:]+:\*$/.test(arn)) {
    ctx.problems.error(path, `${quote(arn)} ends with ":*", which API Gateway refuses`, `write ${quote(arn.slice(0, -2))}`);
  } else if (/^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/(.+)$/.test(arn)) {
    if (!/deliverystream\/amazon-apigateway-/.test(arn)) {
      ctx.problems.error(path, "a Firehose access-log destination must be a stream named amazon-apigateway-...", "rename the stream");
    }
  } else if (!/^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[\w./#-]+$/.test(arn)) {
    ctx.problems.error(path, `${quote(arn)} is not a CloudWatch log group or Firehose stream ARN`, "use arn:aws:logs:<region>:<account>:log-group:<name>");
  }
}

export function normalizeHttpStages(apiKey: string, apiName: string, api: HttpApiConfig, path: string, ctx: NormalizeContext): HttpStageModel[] {
  const routeKeysByName = new Map(sortedEntries(api.routes).map(([key, route]) => [key, route.route_key]));
  const routeKeys = new Set(routeKeysByName.values());
  return sortedEntries(api.stages).map(([key, stage]) => {
    const at = joinPath(path, "stages", key);
    const name = stage.name ?? key;
    if (!STAGE_NAME.test(name)) {
      ctx.problems.error(stage.name === undefined ? at : joinPath(at, "name"), `stage name ${quote(name)} is not allowed`, "use letters, digits, - and _ (at most 128), or $default");
    }
    const routeSettings = sortedEntries(stage.route_settings).flatMap(([ref, settings]) => {
      const settingsPath = joinPath(at, "route_settings", ref);
      const routeKey = routeKeysByName.get(ref) ?? (routeKeys.has(ref) ? ref : undefined);
      const model = routeSettingsOf(settings, settingsPath, ctx);
      if (routeKey === undefined) {
        ctx.problems.error(settingsPath, `${quote(ref)} is not a route of http_apis.${apiKey}`, suggestion(ref, [...routeKeysByName.keys()], "routes"));
        return [];
      }
      return [{ ...model, routeKey }];
    });
    const logs = stage.access_log_settings;
    let accessLog: HttpStageModel["accessLog"];
    if (logs?.destination_arn !== undefined) {
      checkDestination(logs.destination_arn, joinPath(at, "access_log_settings", "destination_arn"), ctx);
      accessLog = { destinationArn: logs.destination_arn, format: accessLogFormatOf(logs.format, HTTP_API_ACCESS_LOG_FORMAT) };
    } else if (ctx.logs.createLogGroups) {
      accessLog = {
        logGroupName: `/aws/apigateway/${apiName}/${name.replace("$", "")}`,
        format: accessLogFormatOf(logs?.format, HTTP_API_ACCESS_LOG_FORMAT),
      };
    } else if (logs?.format !== undefined) {
      ctx.problems.warn(joinPath(at, "access_log_settings", "format"), "ignored: no destination_arn and enable_cloudwatch_logs is false", "set destination_arn, or enable_cloudwatch_logs = true");
    }
    return {
      key,
      name,
      description: stage.description,
      autoDeploy: stage.auto_deploy ?? true,
      defaultRouteSettings: stage.default_route_settings && routeSettingsOf(stage.default_route_settings, joinPath(at, "default_route_settings"), ctx),
      routeSettings,
      accessLog,
      stageVariables: Object.fromEntries(sortedEntries(stage.stage_variables)),
      tags: mergeTags(ctx.commonTags, api.tags, stage.tags),
    };
  });
}
