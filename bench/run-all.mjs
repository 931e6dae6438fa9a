#!/usr/bin/env node
// `npm run bench [-- --quick]`: every benchmark (synth, REST synth, authorizer, bundles, gateway), one table of
// ratios against baselines measured in the same run, the run appended to bench/results.json (with commit and
// machine), docs/performance.md redrawn. Exit 1 when a ratio misses its target (with --quick: more than twice it).
// BENCH_ONLY=synth,gateway runs a subset; BENCH_RESULTS=<file> writes elsewhere (tests).
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { verdict } from "./support/ratios.mjs";
import { appendResult, commitOf, machine } from "./support/results.mjs";
import { render } from "./render-performance.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BENCHES = ["synth", "rest", "tenants", "authorizer", "bundles", "gateway"];

const quick = process.argv.includes("--quick");
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim()).filter(Boolean);
const selected = BENCHES.filter((name) => !only || only.includes(name));
const resultsFile = process.env.BENCH_RESULTS ?? join(ROOT, "bench", "results.json");
const docsDir = process.env.BENCH_DOCS ?? join(ROOT, "docs");

// The code measured is the code checked out when the run starts.
const commit = commitOf(ROOT);
const ratios = [];
for (const name of selected) {
  process.stderr.write(`bench: ${name}${quick ? " (quick)" : ""}...\n`);
  const { run } = await import(`./${name}.bench.mjs`);
  const result = await run({ quick });
  console.log(`\n${name}`);
  console.table(result.table);
  ratios.push(...result.ratios);
}

console.log(`\nAll ratios${quick ? " (quick sizes: only more than twice the target fails)" : ""}`);
console.table(ratios.map((r) => ({ benchmark: r.bench, measure: r.name, product: r.product, baseline: r.baseline, ratio: r.value, target: r.target, status: verdict(r, quick) })));
appendResult(resultsFile, { date: new Date().toISOString(), commit, machine: machine(), quick, ratios });
render(resultsFile, docsDir);
process.stderr.write(`bench: appended to ${resultsFile}; wrote ${join(docsDir, "performance.md")}\n`);
const failed = ratios.filter((r) => verdict(r, quick) === "FAIL");
for (const r of failed) process.stderr.write(`bench: ${r.name}: ${r.value} is over ${quick ? "twice " : ""}its target ${r.target}\n`);
// Benchmarks leave keep-alive sockets behind; the run is over.
process.exit(failed.length > 0 ? 1 : 0);
