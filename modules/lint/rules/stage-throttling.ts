import type { LintRule } from "../types.js";

export const stageThrottling: LintRule = {
  id: "APIGW-STAGE-THROTTLING",
  severity: "warning",
  title: "Every stage sets its own rate and burst limits",
  fix: "set throttling_rate_limit and throttling_burst_limit (REST: throttle_settings; HTTP: default_route_settings)",
  checkov: [],
  trivy: [],
  check: ({ model }) => [
    ...model.restApis.flatMap((api) =>
      api.stages
        .filter((s) => s.methodSettings?.throttlingRateLimit === undefined || s.methodSettings.throttlingBurstLimit === undefined)
        .map((s) => ({ path: `rest_apis.${api.key}.stages.${s.key}.throttle_settings`, message: "the stage has no rate or burst limit of its own (only the account's)" })),
    ),
    ...model.httpApis.flatMap((api) =>
      api.stages
        .filter((s) => s.defaultRouteSettings?.throttlingRateLimit === undefined || s.defaultRouteSettings.throttlingBurstLimit === undefined)
        .map((s) => ({ path: `http_apis.${api.key}.stages.${s.key}.default_route_settings`, message: "the stage has no rate or burst limit of its own (only the account's)" })),
    ),
  ],
};
