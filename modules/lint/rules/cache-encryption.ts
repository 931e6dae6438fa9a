import type { LintRule } from "../types.js";

export const cacheEncryption: LintRule = {
  id: "APIGW-CACHE-ENCRYPTION",
  severity: "warning",
  title: "Cached responses are encrypted at rest",
  fix: "leave throttle_settings.cache_data_encrypted at true (the default) on stages that cache",
  checkov: ["CKV_AWS_308"],
  trivy: ["AVD-AWS-0002"],
  check: ({ model }) =>
    model.restApis.flatMap((api) =>
      api.stages
        .filter((s) => s.methodSettings?.cachingEnabled === true && s.methodSettings.cacheDataEncrypted !== true)
        .map((s) => ({ path: `rest_apis.${api.key}.stages.${s.key}.throttle_settings.cache_data_encrypted`, message: "the stage caches responses unencrypted" })),
    ),
};
