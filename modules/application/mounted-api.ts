import type { ApiGatewayModule } from "../api-gateway/api-gateway-module.js";
import type { ModuleModel } from "../api-gateway/model.js";
import type { MountedApi } from "./application-runtime.js";
import type { ApplicationModel } from "./model.js";

/** What the runtime needs of the API it is mounted on: execution ARN, metrics dimension and stages. */
export function mountedApi(module: ApiGatewayModule, model: ModuleModel, ref: ApplicationModel["api"]): MountedApi {
  if (ref.kind === "http") {
    const api = model.httpApis.find((a) => a.key === ref.key)!;
    return {
      kind: "http",
      executionArn: module.httpApis.get(ref.key)!.api.executionArn,
      metricsDimension: module.httpApis.get(ref.key)!.api.id,
      stages: api.stages.map((stage) => ({ key: stage.key, name: stage.name })),
    };
  }
  const api = model.restApis.find((a) => a.key === ref.key)!;
  return {
    kind: "rest",
    executionArn: module.restApis.get(ref.key)!.api.executionArn,
    metricsDimension: api.name,
    stages: api.stages.map((stage) => ({ key: stage.key, name: stage.name })),
  };
}
