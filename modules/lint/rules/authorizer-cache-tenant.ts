import type { LintRule, RuleHit } from "../types.js";

/** `method.request.header.X`, `$request.header.X` → `x`. */
function headerOf(source: string): string | undefined {
  return /(?:^|\.)header\.([^,.\s]+)$/i.exec(source.trim())?.[1]?.toLowerCase();
}

/**
 * API Gateway caches an authorizer's answer by its identity sources: when the header that carries the tenant is
 * not one of them, one tenant's cached allow can answer another tenant's request.
 */
export const authorizerCacheTenant: LintRule = {
  id: "APIGW-AUTHORIZER-CACHE-TENANT",
  severity: "warning",
  title: "A cached authorizer's cache key includes the header that carries the tenant",
  fix: "add the tenant header to the authorizer's identity sources, or set its result TTL to 0",
  checkov: [],
  trivy: [],
  check: ({ model, tenantHeader }) => {
    const hits: RuleHit[] = [];
    for (const api of model.restApis) {
      for (const a of api.authorizers) {
        if (a.resultTtlInSeconds === 0) continue;
        const headers = a.identitySource.split(",").map(headerOf);
        if (!headers.includes(tenantHeader)) hits.push({ path: `rest_apis.${api.key}.authorizers.${a.key}.identity_source`, message: `results are cached for ${a.resultTtlInSeconds} s by ${a.identitySource}, without the ${tenantHeader} header` });
      }
    }
    for (const api of model.httpApis) {
      for (const a of api.authorizers) {
        if (a.kind !== "lambda" || a.resultTtlInSeconds === 0) continue;
        if (!a.identitySources.map(headerOf).includes(tenantHeader)) {
          hits.push({ path: `http_apis.${api.key}.lambda_authorizers.${a.key}.identity_sources`, message: `results are cached for ${a.resultTtlInSeconds} s by ${a.identitySources.join(", ")}, without the ${tenantHeader} header` });
        }
      }
    }
    return hits;
  },
};
