#!/usr/bin/env node
// `npm run bench [-- --quick] [--report-only]`: every benchmark (synth, REST synth, authorizer, bundles, gateway),
// each in a process of its own (none measures in a heap or event loop another left behind), one table of ratios
// against baselines measured in the same run, the run appended to bench/results.json (with commit and machine),
// docs/performance.md redrawn. Exit 1 when a ratio misses its target (with --quick, as CI runs it: more than twice
// it); with --report-only misses are reported and only a crash fails.
// --quick runs are not history: they go to bench/out/quick/ (git-ignored), so that a CI run leaves the checkout
// as it was. BENCH_ONLY=synth,gateway runs a subset; BENCH_RESULTS=<file> and BENCH_DOCS=<dir> write elsewhere.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { verdict } from "./support/ratios.mjs";
import { appendResult, commitOf, machine } from "./support/results.mjs";
import { render } from "./render-performance.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BENCHES = ["synth", "rest", "tenants", "authorizer", "bundles", "gateway"];

const quick = process.argv.includes("--quick");
const reportOnly = process.argv.includes("--report-only");
const unknown = process.argv.slice(2).filter((a) => a !== "--quick" && a !== "--report-only");
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown argument ${unknown[0]}; usage: npm run bench [-- --quick] [--report-only]\n`);
  process.exit(2);
}
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim()).filter(Boolean);
const selected = BENCHES.filter((name) => !only || only.includes(name));
const quickDir = join(ROOT, "bench", "out", "quick");
const resultsFile = process.env.BENCH_RESULTS ?? (quick ? join(quickDir, "results.json") : join(ROOT, "bench", "results.json"));
const docsDir = process.env.BENCH_DOCS ?? (quick ? quickDir : join(ROOT, "docs"));

// The code measured is the code checked out when the run starts.
const commit = commitOf(ROOT);
const ratios = [];
const scratch = mkdtempSync(join(tmpdir(), "bench-run-"));
for (const name of selected) {
  process.stderr.write(`bench: ${name}${quick ? " (quick)" : ""}...\n`);
  const started = performance.now();
  const result = runInOwnProcess(name);
  process.stderr.write(`bench: ${name} took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  console.log(`\n${name}`);
  console.table(result.table);
  ratios.push(...result.ratios);
}

rmSync(scratch, { recursive: true, force: true });

console.log(`\nAll ratios${quick ? " (quick sizes: only more than twice the target fails)" : ""}`);
console.table(ratios.map((r) => ({ benchmark: r.bench, measure: r.name, product: r.product, baseline: r.baseline, ratio: r.value, target: Number(r.target.toFixed(2)), status: verdict(r, quick) })));
appendResult(resultsFile, { date: new Date().toISOString(), commit, machine: machine(), quick, ratios });
render(resultsFile, docsDir);
process.stderr.write(`bench: appended to ${resultsFile}; wrote ${join(docsDir, "performance.md")}\n`);
const failed = ratios.filter((r) => verdict(r, quick) === "FAIL");
for (const r of failed) process.stderr.write(`bench: ${reportOnly ? "warning: " : ""}${r.name}: ${r.value} is over ${quick ? "twice " : ""}its target ${r.target}\n`);
process.exit(failed.length > 0 && !reportOnly ? 1 : 0);

/** Runs bench/<name>.bench.mjs in a fresh process (bench/support/run-one.mjs); a crash ends the run with its exit code. */
function runInOwnProcess(name) {
  const resultFile = join(scratch, `${name}.json`);
  const child = spawnSync(process.execPath, [join(ROOT, "bench", "support", "run-one.mjs"), name, ...(quick ? ["--quick"] : [])], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, BENCH_RESULT_FILE: resultFile },
  });
  if (child.status !== 0) {
    process.stderr.write(`bench: ${name} failed (exit ${child.status ?? child.signal})\n`);
    process.exit(child.status || 1);
  }
  return JSON.parse(readFileSync(resultFile, "utf8"));
}
