import type { ApiGatewayModule } from "../api-gateway/api-gateway-module.js";
import type { ModuleModel } from "../api-gateway/model.js";
import type { MountedApi } from "./application-runtime.js";
import type { ApplicationModel } from "./model.js";

/**
 * What the runtime needs of the API it is mounted on: execution ARN, metrics dimension, stages, and for the
 * outputs its URL (the first custom domain mapped to it, else its first stage's invoke URL) and access-log group.
 */
export function mountedApi(module: ApiGatewayModule, model: ModuleModel, ref: ApplicationModel["api"]): MountedApi {
  if (ref.kind === "http") {
    const api = model.httpApis.find((a) => a.key === ref.key)!;
    const built = module.httpApis.get(ref.key)!;
    const domain = model.httpDomains.find((d) => d.apiKey === ref.key);
    const first = api.stages[0];
    return {
      kind: "http",
      executionArn: built.api.executionArn,
      metricsDimension: built.api.id,
      stages: api.stages.map((stage) => ({ key: stage.key, name: stage.name, accessLogGroupName: stage.accessLog?.logGroupName ?? logGroupNameOf(stage.accessLog?.destinationArn), resource: built.stages.get(stage.key)!.stage })),
      url: domain ? `https://${domain.domainName}/${domain.apiMappingKey ?? ""}` : first && built.stages.get(first.key)!.stage.invokeUrl,
      accessLogGroupName: first?.accessLog?.logGroupName ?? logGroupNameOf(first?.accessLog?.destinationArn),
    };
  }
  const api = model.restApis.find((a) => a.key === ref.key)!;
  const built = module.restApis.get(ref.key)!;
  const domain = model.restDomains.find((d) => d.apiKey === ref.key);
  const first = api.stages[0];
  return {
    kind: "rest",
    executionArn: built.api.executionArn,
    metricsDimension: api.name,
    stages: api.stages.map((stage) => ({ key: stage.key, name: stage.name, accessLogGroupName: stage.accessLog?.logGroupName ?? logGroupNameOf(stage.accessLog?.destinationArn), resource: built.stages.get(stage.key)!.stage })),
    url: domain ? `https://${domain.domainName}/${domain.mappings[0]?.basePath ?? ""}` : first && built.stages.get(first.key)!.stage.invokeUrl,
    accessLogGroupName: first?.accessLog?.logGroupName ?? logGroupNameOf(first?.accessLog?.destinationArn),
    apiKeyValue: (key) => built.usage.apiKeys.get(key)!.value,
    apiKeyId: (key) => built.usage.apiKeys.get(key)!.id,
    usagePlanId: (key) => built.usage.usagePlans.get(key)!.id,
  };
}

/** `arn:aws:logs:<region>:<account>:log-group:<name>[:*]` → `<name>`. */
function logGroupNameOf(arn: string | undefined): string | undefined {
  return arn ? /:log-group:([^:]+)/.exec(arn)?.[1] : undefined;
}
