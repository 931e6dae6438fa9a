import type { LintRule } from "../types.js";

export const dataTrace: LintRule = {
  id: "APIGW-DATA-TRACE",
  severity: "warning",
  title: "Execution logs do not hold full requests and responses",
  fix: "set throttle_settings.data_trace_enabled = false; use access logs and X-Ray instead",
  checkov: ["CKV_AWS_276"],
  trivy: [],
  check: ({ model }) =>
    model.restApis.flatMap((api) =>
      api.stages
        .filter((s) => s.methodSettings?.dataTraceEnabled === true)
        .map((s) => ({ path: `rest_apis.${api.key}.stages.${s.key}.throttle_settings.data_trace_enabled`, message: "data trace logs full requests and responses, tokens included" })),
    ),
};
