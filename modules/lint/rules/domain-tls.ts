import type { LintRule } from "../types.js";

export const domainTls: LintRule = {
  id: "APIGW-DOMAIN-TLS",
  severity: "error",
  title: "Custom domains accept TLS 1.2 or later only",
  fix: 'set security_policy = "TLS_1_2" on the domain',
  checkov: ["CKV_AWS_206"],
  trivy: ["AVD-AWS-0005"],
  check: ({ model }) =>
    model.restDomains
      .filter((d) => d.securityPolicy !== "TLS_1_2")
      .map((d) => ({ path: `rest_api_custom_domains.${d.key}.security_policy`, message: `${d.domainName} accepts ${d.securityPolicy.replace("TLS_1_0", "TLS 1.0")}` })),
};
