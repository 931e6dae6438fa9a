import { describe, expect, test } from "vitest";
import { TIER_PRESETS } from "../../handlers/lib/contract/tenant-tiers.js";
import { builtHandlers, problemLines, synthConfig } from "../support/synth.js";
import { httpEnvironment, restEnvironment } from "./fixtures.js";

describe("application.tenants (the application's tenant registry)", () => {
  test("an unknown tier is an error at the tenant's path naming the tiers there are", () => {
    expect(problemLines(restEnvironment({ tenants: { acme: { tier: "premuim" } } }))[0]).toBe('application.tenants.acme.tier: "premuim" is not a tier; did you mean "premium"?');
    expect(problemLines(restEnvironment({ tiers: { gold: { rate_per_second: 5, burst: 10, monthly_quota: 1000 } }, tenants: { acme: { tier: "silver" } } }))[0]).toBe('application.tenants.acme.tier: "silver" is not a tier; tiers: basic, gold, premium, standard');
  });

  test("a team's tier cannot redefine a preset, and must give every number", () => {
    expect(problemLines(restEnvironment({ tiers: { basic: { rate_per_second: 1, burst: 1, monthly_quota: 1 } } }))).toContain('application.tiers.basic: "basic" is a preset tier, defined once for every application; give your tier another name');
    expect(problemLines(restEnvironment({ tiers: { gold: { rate_per_second: 5, burst: 10 } } }))).toContain("application.tiers.gold.monthly_quota: is required; set it");
  });

  test("a bad status, a bad tenant id, and rate_limits.tenant_tiers beside the registry are errors", () => {
    expect(problemLines(restEnvironment({ tenants: { acme: { tier: "basic", status: "paused" } } }))[0]).toMatch(/^application\.tenants\.acme\.status: /);
    expect(problemLines(restEnvironment({ tenants: { "Acme Corp": { tier: "basic" } } }))[0]).toMatch(/^application\.tenants\.Acme Corp: key "Acme Corp" has characters that are not allowed; use lower-case letters, digits and -/);
    expect(problemLines(restEnvironment({ tenants: { acme: { tier: "basic" } }, rate_limits: { tenant_tiers: { acme: "premium" } } }))).toContain("application.rate_limits.tenant_tiers: and application.tenants both give tenants' tiers; move these tenants into application.tenants");
  });

  test("on REST, a user's header-key method cannot live beside the registry's authorizer-supplied keys", () => {
    const api = { methods: { ping: { path: "/ping", http_method: "GET", api_key_required: true, integration: { type: "MOCK" } } } };
    expect(problemLines(restEnvironment({ tenants: { acme: { tier: "basic" } } }, api))[0]).toMatch(/^rest_apis\.shop\.methods\.ping\.api_key_required: needs a key from the x-api-key header/);
  });

  test("HTTP API: the functions' limiter gets each tenant's numbers from the same tier presets", async () => {
    const { stack } = synthConfig(
      httpEnvironment({ tiers: { gold: { rate_per_second: 5, burst: 10, monthly_quota: 1000 } }, tenants: { acme: { tier: "gold" }, globex: { tier: "premium", burst: 2500 }, initech: { tier: "basic", status: "suspended" } } }),
      "tenants-http",
      await builtHandlers(),
    );
    const env = stack.resource.aws_lambda_function.app__orders.environment.variables;
    const p = TIER_PRESETS.premium;
    expect(env.RATE_LIMIT_TENANT_LIMITS).toBe(`acme=5/10/1000,globex=${p.ratePerSecond}/2500/${p.monthlyQuota}`);
    expect(env.RATE_LIMIT_DEFAULT_LIMITS).toBe(`${TIER_PRESETS.basic.ratePerSecond}/${TIER_PRESETS.basic.burst}/${TIER_PRESETS.basic.monthlyQuota}`);
    expect(env.RATE_LIMIT_ENABLED).toBe("true");
    expect(stack.resource.aws_api_gateway_usage_plan).toBeUndefined();
  });
});
