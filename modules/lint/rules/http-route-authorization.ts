import type { LintRule } from "../types.js";

export const httpRouteAuthorization: LintRule = {
  id: "APIGW-HTTP-ROUTE-AUTH",
  severity: "warning",
  title: "HTTP API routes other than OPTIONS require authorization",
  fix: "set authorization_type (JWT, CUSTOM or AWS_IAM) and authorizer_id on the route",
  checkov: ["CKV_AWS_309"],
  trivy: [],
  check: ({ model }) =>
    model.httpApis.flatMap((api) =>
      api.routes
        .filter((r) => r.authorizationType === "NONE" && !r.routeKey.startsWith("OPTIONS "))
        .map((r) => ({ path: `http_apis.${api.key}.routes.${r.key}.authorization_type`, message: `${r.routeKey} needs no authorization` })),
    ),
};
