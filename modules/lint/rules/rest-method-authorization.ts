import type { LintRule } from "../types.js";

/** CORS preflights (OPTIONS) and methods that require an API key are not open (checkov and trivy agree). */
export const restMethodAuthorization: LintRule = {
  id: "APIGW-REST-METHOD-AUTH",
  severity: "warning",
  title: "REST methods other than OPTIONS require authorization",
  fix: "set authorization (CUSTOM with authorizer_id, COGNITO_USER_POOLS or AWS_IAM) or api_key_required = true",
  checkov: ["CKV_AWS_59"],
  trivy: ["AVD-AWS-0004"],
  check: ({ model }) =>
    model.restApis.flatMap((api) => {
      if (api.definition.kind === "openapi") {
        return api.methodFacts.unauthenticated.map((m) => ({ path: `rest_apis.${api.key}.openapi_spec`, message: `${m} needs no authorization` }));
      }
      return api.definition.methods
        .filter((m) => m.configKey !== undefined && m.httpMethod !== "OPTIONS" && m.authorization === "NONE" && !m.apiKeyRequired)
        .map((m) => ({ path: `rest_apis.${api.key}.methods.${m.configKey}.authorization`, message: `${m.httpMethod} ${m.path} needs no authorization` }));
    }),
};
