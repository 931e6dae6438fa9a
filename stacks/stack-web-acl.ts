import type { Construct } from "constructs";
import type { LoadedModuleConfig } from "../modules/api-gateway/validation/load-module-config.js";
import { WebAcl } from "../modules/security/waf.js";
import { wafStageKeys, withWebAcl } from "../modules/security/waf-stages.js";
import type { StackConfig } from "./load-stack-configs.js";

/** Creates the stack's web ACL when the config has a `waf` setting, and puts it on the stages it protects. */
export function withStackWebAcl(scope: Construct, config: StackConfig, module: LoadedModuleConfig): LoadedModuleConfig {
  const waf = config.settings?.waf;
  if (!waf) return module;
  const model = module.model;
  const acl = new WebAcl(scope, "waf", {
    namePrefix: model.namePrefix,
    settings: waf,
    logRetentionDays: model.logs.retentionDays,
    logKmsKeyId: model.logs.kmsKeyId,
    tags: model.commonTags,
  });
  return { ...module, model: withWebAcl(model, wafStageKeys(waf, model), acl.acl.arn) };
}
