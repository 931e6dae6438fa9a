#!/usr/bin/env node
// Synth time and peak memory of the product (`node bin/app.mjs`, as cdktf runs it) against the smallest cdktf
// program creating the same resources (bench/baseline/minimal-http-app.mjs), measured in the same run.
// Usage: node bench/synth.bench.mjs [counts...]   (default: 1 100 1000 HTTP APIs)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { httpFleetConfig } from "./support/http-fleet.mjs";
import { measureNode, medianOf } from "./support/measure.mjs";
import { isMain, ratio } from "./support/ratios.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const TARGET = 1.5;

function resourceCount(outdir, stack) {
  const json = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
  return Object.values(json.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

/** @param {{ quick?: boolean, counts?: number[], runs?: number }} options */
export async function run({ quick = false, counts, runs } = {}) {
  const sizes = counts?.length ? counts : quick ? [20] : [1, 100, 1000];
  const repeat = runs ?? Number(process.env.BENCH_RUNS ?? (quick ? 1 : 3));
  const rows = [];
  for (const count of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "bench-synth-"));
    const configFile = join(dir, "fleet.tfvars.json");
    writeFileSync(configFile, JSON.stringify(httpFleetConfig(count)));
    const productOut = join(dir, "product");
    const baselineOut = join(dir, "baseline");
    const product = medianOf(repeat, () => measureNode([join(root, "bin/app.mjs")], { cwd: root, env: { APIGW_CONFIG: configFile, CDKTF_OUTDIR: productOut } }));
    const baseline = medianOf(repeat, () => measureNode([join(root, "bench/baseline/minimal-http-app.mjs")], { cwd: root, env: { BENCH_CONFIG: configFile, CDKTF_OUTDIR: baselineOut } }));
    const resources = { product: resourceCount(productOut, "fleet"), baseline: resourceCount(baselineOut, "baseline") };
    if (resources.product !== resources.baseline) throw new Error(`resource counts differ: ${JSON.stringify(resources)}`);
    rows.push({ apis: count, resources: resources.product, product, baseline });
    rmSync(dir, { recursive: true, force: true });
  }
  // The target is for the largest fleet: there per-API cost dominates. Small configs show the fixed cost
  // (imports of every feature's provider classes, ~0.1 s), which the baseline, creating 8 types, does not pay.
  const largest = rows.reduce((a, b) => (b.apis > a.apis ? b : a));
  const ratios = [
    ratio("synth", `synth time, ${largest.apis} HTTP APIs (product / minimal cdktf)`, { value: largest.product.seconds }, { value: largest.baseline.seconds }, TARGET, " s"),
    ratio("synth", `synth peak memory, ${largest.apis} HTTP APIs (product / minimal cdktf)`, { value: largest.product.peakMiB }, { value: largest.baseline.peakMiB }, TARGET, " MiB"),
  ];
  const table = rows.map((r) => ({
    apis: r.apis,
    resources: r.resources,
    "product s": r.product.seconds.toFixed(2),
    "baseline s": r.baseline.seconds.toFixed(2),
    "time ratio": (r.product.seconds / r.baseline.seconds).toFixed(2),
    "product MiB": r.product.peakMiB.toFixed(0),
    "baseline MiB": r.baseline.peakMiB.toFixed(0),
    "memory ratio": (r.product.peakMiB / r.baseline.peakMiB).toFixed(2),
  }));
  return { table, ratios };
}

if (isMain(import.meta.url)) {
  const { table, ratios } = await run({ counts: process.argv.slice(2).map(Number).filter(Boolean) });
  console.table(table);
  const worst = Math.max(...ratios.map((r) => r.value));
  console.log(`worst ratio ${worst.toFixed(2)} (target <= ${TARGET})`);
  process.exitCode = worst <= TARGET ? 0 : 1;
}
