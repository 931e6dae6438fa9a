import type { ModuleModel } from "../api-gateway/model.js";
import type { WafSettings } from "./waf-config.js";

/** `<api>.<stage>` of the REST stages the stack's web ACL protects (checked: they exist and have no ACL of their own). */
export function wafStageKeys(waf: WafSettings | undefined, model: ModuleModel): Set<string> {
  if (!waf) return new Set();
  if (waf.stages) return new Set(waf.stages);
  return new Set(model.restApis.filter((api) => api.endpointType !== "PRIVATE").flatMap((api) => api.stages.filter((s) => s.wafAclArn === undefined).map((s) => `${api.key}.${s.key}`)));
}

/** The model with `acl` (a web ACL ARN, or a token for one) on the stages it protects. */
export function withWebAcl(model: ModuleModel, stages: ReadonlySet<string>, acl: string): ModuleModel {
  if (stages.size === 0) return model;
  return {
    ...model,
    restApis: model.restApis.map((api) => ({ ...api, stages: api.stages.map((s) => (stages.has(`${api.key}.${s.key}`) ? { ...s, wafAclArn: acl } : s)) })),
  };
}
