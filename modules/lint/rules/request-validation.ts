import type { LintRule } from "../types.js";

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "ANY"]);

export const requestValidation: LintRule = {
  id: "APIGW-REQUEST-VALIDATION",
  severity: "warning",
  title: "REST methods that accept a body validate it",
  fix: 'set request_validator = "BODY" (or "BODY_AND_PARAMETERS") and request_models on the method',
  checkov: ["CKV2_AWS_53"],
  trivy: [],
  check: ({ model }) =>
    model.restApis.flatMap((api) =>
      api.definition.kind === "openapi"
        ? []
        : api.definition.methods
            .filter((m) => m.configKey !== undefined && BODY_METHODS.has(m.httpMethod) && m.validatorKey !== "BODY" && m.validatorKey !== "BODY_AND_PARAMETERS")
            .map((m) => ({ path: `rest_apis.${api.key}.methods.${m.configKey}.request_validator`, message: `${m.httpMethod} ${m.path} accepts a body that API Gateway does not validate` })),
    ),
};
