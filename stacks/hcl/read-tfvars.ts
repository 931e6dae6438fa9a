import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import type { ConfigProblem } from "../../modules/api-gateway/validation/problems.js";
import type { RawConfig } from "../read-config-files.js";
import { hclValue } from "./hcl-values.js";
import { hclErrorMessage, parseHcl } from "./parse-hcl.js";
import { convertLikeTerraform } from "./terraform-types.js";

/**
 * Reads HCL `.tfvars` files as configs: the same values a `.tfvars.json` would hold, with primitives converted
 * as Terraform converts them for the module's typed variables.
 */
export async function readTfvarsFiles(files: readonly string[]): Promise<Map<string, RawConfig>> {
  const results = new Map<string, RawConfig>();
  for (const file of files) results.set(file, await readTfvars(file));
  return results;
}

export async function readTfvars(file: string): Promise<RawConfig> {
  let parsed: Record<string, unknown>;
  try {
    parsed = await parseHcl(file, readFileSync(file, "utf8"));
  } catch (error) {
    return { file, error: hclErrorMessage(error) };
  }
  const untranslated: ConfigProblem[] = [];
  const value = await hclValue(parsed, "", { baseDir: dirname(file), untranslated });
  if (untranslated.length > 0) return { file, untranslated };
  return { file, value: convertLikeTerraform(value) };
}
