import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { asJsonencodeWrites } from "../support/hcl-writer.js";
import { cli, readJson, tempDir } from "../support/import.js";
import { example, problemLines, REPO_ROOT, warningLines } from "../support/synth.js";

// The HCL module's own usage examples (examples/hcl/*.tf, as written in its documentation) and their
// transcriptions (examples/*.tfvars.json): the import must give the transcription, and so the same checks.
const EXAMPLES = readdirSync(join(REPO_ROOT, "examples", "hcl"))
  .filter((f) => f.endsWith(".tf"))
  .map((f) => f.replace(/\.tf$/, ""))
  .sort();

describe("import of the HCL module's usage examples", () => {
  test("there are six, each with a tfvars.json transcription", () => {
    expect(EXAMPLES).toEqual(["custom-domains", "http-api-auth", "multi-api", "rest-api-basic", "rest-api-secure", "vpc-links"]);
  });

  test.each(EXAMPLES)("%s.tf imports to its .tfvars.json transcription, with the same problems and warnings", async (name) => {
    const out = tempDir();
    const run = await cli(["import", join(REPO_ROOT, "examples", "hcl", `${name}.tf`), "--out", out, "--format", "json"]);
    expect(run.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    const imported = readJson(join(out, files[0]!));
    const twin = example(`${name}.tfvars.json`);
    // jsonencode() sorts keys, as Terraform does; otherwise the values are the transcription's.
    expect(imported).toEqual(asJsonencodeWrites(twin));
    expect(problemLines(imported)).toEqual(problemLines(twin));
    expect(warningLines(imported)).toEqual(warningLines(twin));
  });
});
