import { describe, expect, test } from "vitest";
import { problemLines, synthConfig } from "../support/synth.js";

const LAMBDA = "arn:aws:lambda:eu-west-1:123456789012:function:api-handler";
const base = {
  tenant: "acme",
  environment: "dev",
  region: "eu-west-1",
  name_prefix: "acme-dev",
  rest_apis: {
    public: { methods: { get: { path: "/a", http_method: "GET", integration: { type: "AWS_PROXY", uri: LAMBDA } } }, stages: { live: {}, beta: {} } },
    internal: {
      endpoint_configuration: { types: ["PRIVATE"], vpc_endpoint_ids: ["vpce-0123456789abcdef0"] },
      policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "*" }] },
      methods: { get: { path: "/a", http_method: "GET", integration: { type: "AWS_PROXY", uri: LAMBDA } } },
      stages: { live: {} },
    },
  },
  http_apis: { edge: { integrations: { fn: { integration_type: "AWS_PROXY", integration_uri: LAMBDA } }, routes: { a: { route_key: "GET /a", target: "integrations/fn" } }, stages: { live: {} } } },
};

const associations = (stack: any) => Object.keys(stack.resource.aws_wafv2_web_acl_association ?? {}).sort();

describe("the waf setting", () => {
  test("by default protects every public REST stage, not the PRIVATE one", () => {
    const { stack } = synthConfig({ ...base, waf: {} });
    expect(associations(stack)).toHaveLength(2);
    expect(Object.values(stack.resource.aws_wafv2_web_acl_association).map((a: any) => a.web_acl_arn)).toEqual(["${aws_wafv2_web_acl.waf__acl.arn}", "${aws_wafv2_web_acl.waf__acl.arn}"]);
    expect(stack.resource.aws_cloudwatch_log_group.waf__logs.name).toBe("aws-waf-logs-acme-dev");
    expect(stack.resource.aws_wafv2_web_acl.waf__acl.rule.map((r: any) => r.override_action ?? r.action)).toEqual([{ none: {} }, { none: {} }, { none: {} }, { block: {} }]);
  });

  test("stages lists the stages that ask for it", () => {
    const { stack } = synthConfig({ ...base, waf: { stages: ["public.beta"] } });
    expect(associations(stack)).toHaveLength(1);
  });

  test("HTTP APIs cannot take a web ACL: the error says so and what to do", () => {
    expect(problemLines({ ...base, waf: { stages: ["edge.live"] } })).toEqual([
      'waf.stages.0: "edge.live" is an HTTP API stage; HTTP APIs cannot take a WAF web ACL (AWS associates ACLs with REST API stages, ALBs and CloudFront): put CloudFront with the ACL in front of the HTTP API, or make it a rest_apis entry',
    ]);
    const { rest_apis: _rest, ...httpOnly } = base;
    expect(problemLines({ ...httpOnly, waf: {} })).toEqual([
      "waf: has no REST stage to protect: this config has HTTP APIs only; HTTP APIs cannot take a WAF web ACL (AWS associates ACLs with REST API stages, ALBs and CloudFront): put CloudFront with the ACL in front of the HTTP API, or make it a rest_apis entry",
    ]);
  });

  test("bad values are errors at their paths", () => {
    expect(problemLines({ ...base, waf: { stages: ["public.gamma"], rate_limit: { limit: 5, window_seconds: 30 }, blocked_countries: ["kp"], managed_rules: { common: "allow" } } })).toEqual([
      'waf.stages.0: "public.gamma" is not a REST stage of this config; did you mean "public.beta"?',
      'waf.managed_rules.common: "allow" is not an action; use "block" or "count"',
      "waf.rate_limit.limit: 5 is not a rate limit WAF accepts; use a whole number from 10 to 2000000000",
      "waf.rate_limit.window_seconds: 30 is not a window WAF offers; use 60, 120, 300 or 600",
      'waf.blocked_countries.0: "kp" is not an ISO 3166 alpha-2 country code; use two upper-case letters, e.g. "KP"',
    ]);
  });
});
