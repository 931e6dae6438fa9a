import type { LintRule, RuleHit } from "../types.js";

const ORIGIN = /^method\.response\.header\.access-control-allow-origin$/i;
const CREDENTIALS = /^method\.response\.header\.access-control-allow-credentials$/i;

/**
 * `cors_configuration` already refuses `*` with credentials; this finds the same pair written by hand in a
 * non-proxy method's integration response headers.
 */
export const corsCredentialsWildcard: LintRule = {
  id: "APIGW-CORS-WILDCARD-CREDENTIALS",
  severity: "error",
  title: "CORS with credentials names its origins",
  fix: "answer with the caller's allowed origin instead of '*', or drop Access-Control-Allow-Credentials",
  checkov: [],
  trivy: [],
  check: ({ model }) => {
    const hits: RuleHit[] = [];
    for (const api of model.httpApis) {
      if (api.cors?.allowCredentials && api.cors.allowOrigins?.includes("*")) hits.push({ path: `http_apis.${api.key}.cors_configuration.allow_origins`, message: "allows every origin with credentials" });
    }
    for (const api of model.restApis) {
      if (api.definition.kind !== "methods") continue;
      for (const method of api.definition.methods) {
        if (method.configKey === undefined) continue;
        for (const response of method.responses) {
          const headers = Object.entries(response.integrationResponse?.parameters ?? {});
          const wildcard = headers.some(([name, value]) => ORIGIN.test(name) && value.trim() === "'*'");
          const credentials = headers.some(([name, value]) => CREDENTIALS.test(name) && value.trim().toLowerCase() === "'true'");
          if (wildcard && credentials) {
            hits.push({ path: `rest_apis.${api.key}.methods.${method.configKey}.responses.${response.statusCode}.integration_response.response_parameters`, message: "answers Access-Control-Allow-Origin '*' with credentials" });
          }
        }
      }
    }
    return hits;
  },
};
