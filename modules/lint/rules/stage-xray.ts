import type { LintRule } from "../types.js";

/** REST stages only: HTTP API stages cannot trace with X-Ray. */
export const stageXray: LintRule = {
  id: "APIGW-STAGE-XRAY",
  severity: "warning",
  title: "REST stages trace requests with X-Ray",
  fix: "set xray_tracing_enabled = true on the stage",
  checkov: ["CKV_AWS_73"],
  trivy: ["AVD-AWS-0003"],
  check: ({ model }) =>
    model.restApis.flatMap((api) =>
      api.stages.filter((s) => !s.xrayTracingEnabled).map((s) => ({ path: `rest_apis.${api.key}.stages.${s.key}.xray_tracing_enabled`, message: "X-Ray tracing is off" })),
    ),
};
