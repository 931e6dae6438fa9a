import type { LintRule, RuleHit } from "../types.js";

/**
 * API Gateway's default quotas (adjustable on request): 300 routes per HTTP API, 300 resources per REST API,
 * 10 stages per API. A finding from 80 %, so that the request is made before a deploy fails.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 */
export const API_QUOTAS = { httpRoutes: 300, restResources: 300, stages: 10 } as const;
const NEAR = 0.8;

function near(count: number, quota: number): boolean {
  return count >= Math.ceil(quota * NEAR);
}

export const apiQuotas: LintRule = {
  id: "APIGW-QUOTA",
  severity: "warning",
  title: "Route, resource and stage counts stay below 80 % of API Gateway's default quotas",
  fix: "ask AWS for a higher quota before deploying, or split the API",
  checkov: [],
  trivy: [],
  check: ({ model }) => {
    const hits: RuleHit[] = [];
    for (const api of model.httpApis) {
      if (near(api.routes.length, API_QUOTAS.httpRoutes)) hits.push({ path: `http_apis.${api.key}.routes`, message: `${api.routes.length} routes; the default quota is ${API_QUOTAS.httpRoutes} per HTTP API` });
      if (near(api.stages.length, API_QUOTAS.stages)) hits.push({ path: `http_apis.${api.key}.stages`, message: `${api.stages.length} stages; the default quota is ${API_QUOTAS.stages} per API` });
    }
    for (const api of model.restApis) {
      const resources = api.definition.kind === "methods" ? api.definition.resources.length + 1 : 0;
      if (near(resources, API_QUOTAS.restResources)) hits.push({ path: `rest_apis.${api.key}.methods`, message: `${resources} resources; the default quota is ${API_QUOTAS.restResources} per REST API` });
      if (near(api.stages.length, API_QUOTAS.stages)) hits.push({ path: `rest_apis.${api.key}.stages`, message: `${api.stages.length} stages; the default quota is ${API_QUOTAS.stages} per API` });
    }
    return hits;
  },
};
