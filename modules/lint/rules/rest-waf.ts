import type { LintRule } from "../types.js";

/** Public: EDGE or REGIONAL (a PRIVATE API is reachable only through VPC endpoints). */
export const restWaf: LintRule = {
  id: "APIGW-REST-WAF",
  severity: "warning",
  title: "Public REST stages are behind a WAF web ACL",
  fix: "set waf_acl_arn on the API (or the stack's waf setting), or make the API PRIVATE",
  checkov: ["CKV2_AWS_29"],
  trivy: [],
  check: ({ model }) =>
    model.restApis
      .filter((api) => api.endpointType !== "PRIVATE")
      .flatMap((api) => api.stages.filter((s) => s.wafAclArn === undefined).map((s) => ({ path: `rest_apis.${api.key}.stages.${s.key}`, message: "a public stage has no WAF web ACL" }))),
};
