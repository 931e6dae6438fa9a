import { describe, expect, test } from "vitest";
import { cli } from "../support/import.js";
import { problemLines, synthConfig, writeTempConfig } from "../support/synth.js";
import { lintConfig, secureRest } from "./support.js";

const environment = (extra: object) => ({ tenant: "acme", environment: "dev", region: "eu-west-1", ...secureRest(), ...extra });
const openWaf = () => {
  const config = environment({});
  delete config.rest_apis.shop.waf_acl_arn;
  return config;
};

describe("lint suppressions", () => {
  test("a suppression with a reason keeps the finding, with its reason, and only at its path", () => {
    const config = { ...openWaf(), lint: { suppressions: [{ rule: "APIGW-REST-WAF", path: "rest_apis.shop", reason: "internal partners only; the WAF sits on the CDN" }] } };
    expect(lintConfig(config).map((f) => [f.rule, f.path, f.suppressed])).toEqual([["APIGW-REST-WAF", "rest_apis.shop.stages.prod", "internal partners only; the WAF sits on the CDN"]]);
    const elsewhere = { ...openWaf(), lint: { suppressions: [{ rule: "APIGW-REST-WAF", path: "rest_apis.other", reason: "not this API" }] } };
    expect(lintConfig(elsewhere).map((f) => f.suppressed)).toEqual([undefined]);
  });

  test("a suppression without a reason, or naming no rule, is a config error at its path", () => {
    expect(problemLines(environment({ lint: { suppressions: [{ rule: "APIGW-REST-WAF" }] } }))).toEqual([
      "lint.suppressions.0.reason: is required: a suppression without a reason is not allowed; write why the finding is acceptable here",
    ]);
    expect(problemLines(environment({ lint: { suppressions: [{ rule: "APIGW-REST-WAF", reason: "  " }] } }))).toEqual([
      "lint.suppressions.0.reason: must say why the finding is kept; write why the finding is acceptable here",
    ]);
    expect(problemLines(environment({ lint: { suppressions: [{ rule: "APIGW-REST-WAFF", reason: "x" }] } }))[0]).toMatch(/^lint\.suppressions\.0\.rule: "APIGW-REST-WAFF" is not a lint rule; did you mean "APIGW-REST-WAF"/);
  });

  test("suppressions are listed in the security_summary output", () => {
    const reason = "internal partners only; ${not a reference}";
    const { stack } = synthConfig({ ...openWaf(), lint: { suppressions: [{ rule: "APIGW-REST-WAF", reason }] } });
    expect(stack.output.security_summary.value.lint_suppressions).toEqual([{ rule: "APIGW-REST-WAF", path: "*", reason: "internal partners only; $${not a reference}" }]);
  });

  test("synth prints findings as warnings; lint fails on errors, and on warnings with --strict", async () => {
    const file = writeTempConfig("acme-dev.json", openWaf());
    const out = writeTempConfig("x", "");
    const synth = await cli(["synth", "--out", `${out}.d`, file]);
    expect(synth.code).toBe(0);
    expect(synth.stderr).toContain("rest_apis.shop.stages.prod: warning: [APIGW-REST-WAF] a public stage has no WAF web ACL; set waf_acl_arn");

    const lint = await cli(["lint", file]);
    expect(lint.code).toBe(0);
    expect(lint.stderr).toBe("rest_apis.shop.stages.prod: warning: [APIGW-REST-WAF] a public stage has no WAF web ACL; set waf_acl_arn on the API (or the stack's waf setting), or make the API PRIVATE\n");
    const strict = await cli(["lint", "--strict", file]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^rest_apis\.shop\.stages\.prod: error \(strict\): \[APIGW-REST-WAF\]/);

    const tls = writeTempConfig("acme-dev.json", {
      ...environment({}),
      rest_api_custom_domains: { api: { api_name: "shop", domain_name: "api.example.com", regional_certificate_arn: "arn:aws:acm:eu-west-1:123456789012:certificate/1a2b3c4d-0000-4000-8000-000000000000", endpoint_configuration: { types: ["REGIONAL"] }, security_policy: "TLS_1_0", base_path_mappings: { stage_name: "prod" } } },
    });
    const failing = await cli(["lint", "--json", tls]);
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.stdout);
    expect(report.findings.map((f: any) => [f.rule, f.severity, f.path, f.failing])).toEqual([["APIGW-DOMAIN-TLS", "error", "rest_api_custom_domains.api.security_policy", true]]);
  });

  test("lint --rules lists every rule with its checkov and trivy ids", async () => {
    const run = await cli(["lint", "--rules", "--json"]);
    const rules = JSON.parse(run.stdout);
    expect(rules.find((r: any) => r.id === "APIGW-STAGE-ACCESS-LOG")).toMatchObject({ severity: "warning", checkov: ["CKV_AWS_76"], trivy: ["AVD-AWS-0001"] });
    expect(rules.find((r: any) => r.id === "APIGW-STAGE-THROTTLING")).toMatchObject({ checkov: [], trivy: [] });
  });
});
