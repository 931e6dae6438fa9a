import type { LintRule } from "../types.js";

export const stageAccessLogging: LintRule = {
  id: "APIGW-STAGE-ACCESS-LOG",
  severity: "warning",
  title: "Every stage writes access logs",
  fix: "set enable_cloudwatch_logs = true (the default), or give the stage access_log_settings.destination_arn",
  checkov: ["CKV_AWS_76"],
  trivy: ["AVD-AWS-0001"],
  check: ({ model }) => [
    ...model.restApis.flatMap((api) =>
      api.stages.filter((s) => !s.accessLog).map((s) => ({ path: `rest_apis.${api.key}.stages.${s.key}.access_log_settings`, message: "the stage writes no access logs" })),
    ),
    ...model.httpApis.flatMap((api) =>
      api.stages.filter((s) => !s.accessLog).map((s) => ({ path: `http_apis.${api.key}.stages.${s.key}.access_log_settings`, message: "the stage writes no access logs" })),
    ),
  ],
};
