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
 * for byte, and plan offline (each plan costs seconds, so a stack identical to one planned elsewhere is not
 * planned twice).
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

  // The same JSON, byte for byte, gives the same plan.
  const fromHcl = synthConfig(imported, "gateway");
  const fromJson = synthConfig(asJsonencodeWrites(twin), "gateway");
  expect(fromHcl.json).toBe(fromJson.json);
  // Without JSON documents the stack is the twin's own, which the examples' tests in __tests__/api-gateway plan;
  // a jsonencode() makes different text, so that stack is planned here.
  if (fromHcl.json === synthConfig(twin, "gateway").json) return;
  const plan = validateAndPlan(fromHcl.dir);
  const resources = Object.values(fromJson.stack.resource).reduce((n: number, byName: any) => n + Object.keys(byName).length, 0);
  expect(plan.resources.length).toBe(resources);
}
