import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { App, TerraformStack } from "cdktf";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ApiGatewayModule, type ApiGatewayModuleConfig } from "../../index.js";
import { builtHandlers, synthConfig } from "../support/synth.js";
import { validateAndPlan, type PlanResult } from "../support/terraform.js";
import { acceptedExamples, plannedStrings, probeEveryStringField, tenantConfigs, type Probe } from "./template-probes.js";

/**
 * Terraform evaluates `${...}` and `%{...}` in every string of a `.tf.json` file. Config text must reach the plan as
 * the text the user wrote: these tests put template sequences into every string field of every shipped config and
 * plan the result offline.
 */
function expectPlannedLiterally(plan: PlanResult, probes: readonly Probe[]): void {
  const planned = plannedStrings({ resources: plan.resources.map((r) => r.values), outputs: plan.outputs });
  // A JSON document (a policy, a template) holds the probe JSON-quoted.
  const found = (text: string) => planned.some((s) => s.includes(text) || s.includes(JSON.stringify(text).slice(1, -1)));
  expect(probes.filter((p) => !found(p.text)).map((p) => p.path.join("."))).toEqual([]);
  // Nothing Terraform would have made of a probe: no upper-cased probe, no half-escaped text.
  expect(planned.filter((s) => /PROBE-\d|\$\$\{|%%\{/.test(s) && !probes.some((p) => s.includes(p.text)))).toEqual([]);
}

const tenants = await tenantConfigs();

describe("config text reaches the plan as literal text", () => {
  test("every module example, as a library user's modules in one stack", () => {
    const outdir = mkdtempSync(join(tmpdir(), "apigw-probes-"));
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, "probes");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const probes: Probe[] = [];
    let refused = 0;
    for (const [i, { value }] of acceptedExamples().entries()) {
      const probed = probeEveryStringField(value, i * 1000);
      probes.push(...probed.probes);
      refused += probed.refused;
      new ApiGatewayModule(stack, `example${i}`, probed.config as ApiGatewayModuleConfig, { outputPrefix: `example${i}_` });
    }
    app.synth();
    expect(probes.length).toBeGreaterThan(50);
    expectPlannedLiterally(validateAndPlan(join(outdir, "stacks", "probes")), probes);
    console.info(`module examples: ${probes.length} string fields probed and planned literally; ${refused} refused the probe by their own rules`);
  });

  test.each(tenants.map((c, i) => ({ ...c, firstProbe: 100_000 + i * 1000 })))("tenant environment $name", async ({ name, value, firstProbe }) => {
    // A tenant registry on REST puts API key values into the authorizer's environment, which makes the whole
    // environment unknown at plan time and hides the other variables; its own fields are ids and enums (no text).
    const application = (value as { application?: { tenants?: unknown; rest_api?: unknown } }).application;
    if (application?.tenants && application.rest_api) delete application.tenants;
    const { config, probes, refused } = probeEveryStringField(value, firstProbe);
    expect(probes.length).toBeGreaterThan(0);
    const artifacts = (config as { application?: unknown }).application ? await builtHandlers() : undefined;
    expectPlannedLiterally(validateAndPlan(synthConfig(config, name, artifacts).dir), probes);
    console.info(`${name}: ${probes.length} string fields probed and planned literally; ${refused} refused the probe by their own rules`);
  });
});
