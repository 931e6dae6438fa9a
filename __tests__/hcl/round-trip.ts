import { readdirSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { asJsonencodeWrites, moduleBlock } from "../support/hcl-writer.js";
import { cli, readJson, tempDir, writeFile } from "../support/import.js";
import { example, synthConfig } from "../support/synth.js";
import { validateAndPlan } from "../support/terraform.js";

/**
 * A `.tfvars.json` written as a `.tf` module block (JSON documents as jsonencode), imported, synthesized and
 * planned: its stack must be the one the `.tfvars.json` gives, as Terraform sees it (jsonencode sorts keys), byte
 * for byte, and plan offline.
 */
export async function expectSamePlanAsTwin(twinName: string): Promise<void> {
  const twin = example(twinName);
  const dir = tempDir();
  const tf = writeFile(dir, "main.tf", moduleBlock("gateway", "./modules/api-gateway", twin));
  const run = await cli(["import", tf, "--out", join(dir, "configs"), "--format", "json", "--quiet"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(readdirSync(join(dir, "configs"))).toEqual(["gateway.tfvars.json"]);
  const imported = readJson(join(dir, "configs", "gateway.tfvars.json"));
  expect(imported).toEqual(asJsonencodeWrites(twin));

  // The same JSON, byte for byte, gives the same plan; the imported stack is planned to show that it plans.
  const fromHcl = synthConfig(imported, "gateway");
  const fromJson = synthConfig(asJsonencodeWrites(twin), "gateway");
  expect(fromHcl.json).toBe(fromJson.json);
  const plan = validateAndPlan(fromHcl.dir);
  expect(plan.resources.length).toBeGreaterThan(0);
  expect(plan.resources.length).toBe(Object.values(fromJson.stack.resource).reduce((n: number, byName: any) => n + Object.keys(byName).length, 0));
}
