// Moving a tenant to another tier is a one-line config change. Two checks, both against real Terraform output:
// - planned against a state made from the first config's planned values (see planChange, which also fills in the
//   references between resources as apply would): no API key changes, and nothing is replaced or deleted but the
//   tenant's usage plan key, which AWS cannot move between plans (usage_plan_id forces a new one);
// - between the two synthesized stacks, only that usage plan key, the new tier's plan, and the functions' limiter
//   numbers differ. The made-up state lacks values only AWS computes (managed_policy_arns, logging_config, ...), so
//   the plan also shows in-place updates of those; this second check is what says nothing else changes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { REPO_ROOT, writeTempConfig } from "../support/synth.js";
import { planChange } from "../support/terraform.js";
import { restEnvironment } from "./fixtures.js";

const tenants = (globexTier: string) => ({ acme: { tier: "premium" }, globex: { tier: globexTier }, initech: { tier: "basic" } });

/** `type.name` of every resource whose synthesized configuration differs (added, removed or changed). */
function changedResources(before: any, after: any): string[] {
  const all = (stack: any) => Object.entries(stack.resource as Record<string, Record<string, any>>).flatMap(([type, byName]) => Object.entries(byName).map(([name, body]) => [`${type}.${name}`, JSON.stringify({ ...body, "//": undefined })] as const));
  const a = new Map(all(before));
  const b = new Map(all(after));
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** Synthesizes a config the way a pipeline does: its own process, as `npm run synth` (token ids are per process). */
function synth(config: unknown): { dir: string; stack: any } {
  const out = mkdtempSync(join(tmpdir(), "apigw-tier-"));
  const run = spawnSync(process.execPath, [join(REPO_ROOT, "bin", "cli.mjs"), "synth", "--quiet", "--config", writeTempConfig("acme-prod.json", config), "--out", out], { cwd: REPO_ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  const dir = join(out, "stacks", "acme-prod");
  return { dir, stack: JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) };
}

describe("a tenant's tier change", () => {
  test("plans in place: no API key changes; only the tenant's usage plan key moves to the new tier's plan, nothing else is replaced", () => {
    const before = synth(restEnvironment({ tenants: tenants("basic") }));
    const after = synth(restEnvironment({ tenants: tenants("standard") }));

    expect(changedResources(before.stack, after.stack)).toEqual([
      "aws_api_gateway_usage_plan.apigw__shop__app_tier_standard",
      "aws_api_gateway_usage_plan_key.app__tenant_globex",
      "aws_lambda_function.app__catalog",
      "aws_lambda_function.app__orders",
    ]);
    expect(after.stack.resource.aws_api_gateway_usage_plan_key.app__tenant_globex.usage_plan_id).toBe("${aws_api_gateway_usage_plan.apigw__shop__app_tier_standard.id}");

    const changes = planChange(before.dir, after.dir);
    expect(changes.filter((c) => c.type === "aws_api_gateway_api_key").map((c) => [c.address, c.actions])).toEqual([
      ["aws_api_gateway_api_key.apigw__shop__app_tenant_acme", ["no-op"]],
      ["aws_api_gateway_api_key.apigw__shop__app_tenant_globex", ["no-op"]],
      ["aws_api_gateway_api_key.apigw__shop__app_tenant_initech", ["no-op"]],
    ]);
    // The other tenants' usage plan keys, and every other resource, stay: no replacement, no deletion.
    const replacedOrRemoved = changes.filter((c) => c.actions.includes("delete")).map((c) => c.address);
    expect(replacedOrRemoved).toEqual(["aws_api_gateway_usage_plan_key.app__tenant_globex"]);
    expect(changes.filter((c) => c.type === "aws_api_gateway_usage_plan_key").map((c) => [c.address, c.actions.join("+")])).toEqual([
      ["aws_api_gateway_usage_plan_key.app__tenant_acme", "no-op"],
      ["aws_api_gateway_usage_plan_key.app__tenant_globex", "delete+create"],
      ["aws_api_gateway_usage_plan_key.app__tenant_initech", "no-op"],
    ]);
    expect(changes.filter((c) => c.actions.includes("create")).map((c) => c.address)).toEqual([
      "aws_api_gateway_usage_plan.apigw__shop__app_tier_standard",
      "aws_api_gateway_usage_plan_key.app__tenant_globex",
    ]);
    const globex = changes.find((c) => c.address === "aws_api_gateway_usage_plan_key.app__tenant_globex")!;
    expect(globex.actions).toEqual(["delete", "create"]);
    expect(globex.changed).toContain("usage_plan_id");
    expect(changes.find((c) => c.address === "aws_api_gateway_usage_plan.apigw__shop__app_tier_standard")!.actions).toEqual(["create"]);
  });
});
