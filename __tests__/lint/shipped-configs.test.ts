import { describe, expect, test } from "vitest";
import { join } from "node:path";
import { discoverConfigs } from "../../stacks/discover-configs.js";
import { REPO_ROOT } from "../support/synth.js";
import { cli } from "../support/import.js";

describe("the shipped environments (config/) under the policy linter", () => {
  test("lint with zero errors, even --strict: every finding they keep is suppressed with a written reason", async () => {
    const run = await cli(["lint", "--strict", "--json"]);
    const report = JSON.parse(run.stdout);
    expect(report.problems).toEqual([]);
    expect(report.findings.filter((f: any) => f.failing || f.suppressed === undefined)).toEqual([]);
    for (const finding of report.findings) expect(finding.suppressed.trim().length).toBeGreaterThan(20);
    expect(run.code).toBe(0);
    expect(report.summary.stacks).toBe(discoverConfigs(join(REPO_ROOT, "config")).length);
  });
});
