import type { LintRule, RuleHit } from "../types.js";

/** Browsers send CORS preflights without credentials: an authorized OPTIONS route fails every preflight. */
export const optionsAuthorization: LintRule = {
  id: "APIGW-OPTIONS-AUTH",
  severity: "warning",
  title: "OPTIONS (CORS preflight) methods and routes need no authorization",
  fix: "set authorization to NONE on OPTIONS, or let cors_configuration answer preflights",
  checkov: [],
  trivy: [],
  check: ({ model }) => {
    const hits: RuleHit[] = [];
    for (const api of model.restApis) {
      if (api.definition.kind !== "methods") continue;
      for (const m of api.definition.methods) {
        if (m.configKey !== undefined && m.httpMethod === "OPTIONS" && m.authorization !== "NONE") {
          hits.push({ path: `rest_apis.${api.key}.methods.${m.configKey}.authorization`, message: `OPTIONS ${m.path} requires ${m.authorization} authorization` });
        }
      }
    }
    for (const api of model.httpApis) {
      for (const r of api.routes) {
        if (r.routeKey.startsWith("OPTIONS ") && r.authorizationType !== "NONE") {
          hits.push({ path: `http_apis.${api.key}.routes.${r.key}.authorization_type`, message: `${r.routeKey} requires ${r.authorizationType} authorization` });
        }
      }
    }
    return hits;
  },
};
