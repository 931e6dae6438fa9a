// The quick run CI makes (one small benchmark; --report-only here, so that the test does not depend on how loaded
// the machine is while the suite runs): it reports, it leaves the committed history and performance page alone,
// and it writes the quick run to bench/out/quick/ instead.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { REPO_ROOT } from "../support/synth.js";

const runAll = join(REPO_ROOT, "bench", "run-all.mjs");
const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);

describe("the bench runner in CI", () => {
  test("--quick --report-only exits 0, appends to bench/out/quick/results.json and leaves bench/results.json and docs/ unchanged", () => {
    const committed = ["bench/results.json", "docs/performance.md", "docs/performance-history.svg"].map((f) => join(REPO_ROOT, f));
    const before = committed.map(read);
    const quickResults = join(REPO_ROOT, "bench", "out", "quick", "results.json");
    const runsBefore = existsSync(quickResults) ? JSON.parse(readFileSync(quickResults, "utf8")).runs.length : 0;
    const run = spawnSync(process.execPath, [runAll, "--quick", "--report-only"], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("BENCH_"))), BENCH_ONLY: "authorizer" },
    });
    expect(run.stderr).toContain(`bench: appended to ${quickResults}`);
    expect(run.status).toBe(0);
    expect(committed.map(read)).toEqual(before);
    const runs = JSON.parse(readFileSync(quickResults, "utf8")).runs;
    expect(runs.length).toBe(runsBefore + 1);
    expect(runs.at(-1)).toMatchObject({ quick: true });
    expect(runs.at(-1).ratios.map((r: { bench: string }) => r.bench)).toContain("authorizer");
    expect(existsSync(join(REPO_ROOT, "bench", "out", "quick", "performance.md"))).toBe(true);
  });

  test("an unknown argument is a usage error, before any benchmark runs", () => {
    const run = spawnSync(process.execPath, [runAll, "--quik"], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("bench: unknown argument --quik; usage: npm run bench [-- --quick] [--report-only]\n");
  });
});
