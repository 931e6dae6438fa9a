#!/usr/bin/env node
// Synth time and peak memory of the product (`node bin/app.mjs`, as cdktf runs it) for REST configs: one REST API
// with 100 methods, and 100 REST APIs (the basic REST example with methods), against the smallest cdktf program
// writing the same resources (bench/baseline/replay-app.mjs), in the same run. Each measurement runs in a child
// process (peak RSS from process.resourceUsage().maxRSS), median of BENCH_RUNS runs after one warm-up.
// Usage: npm run bench:rest   (BENCH_RUNS=3 by default)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureNode, medianOf } from "./support/measure.mjs";
import { isMain, ratio } from "./support/ratios.mjs";
import { restFleetConfig, restMethodsConfig } from "./rest-fleet.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const TARGET = 1.5;

const resourcesOf = (stack) => Object.values(stack.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);

/** @param {{ quick?: boolean, runs?: number }} options */
export async function run({ quick = false, runs } = {}) {
  const repeat = runs ?? Number(process.env.BENCH_RUNS ?? (quick ? 1 : 3));
  const cases = quick
    ? [{ name: "10 REST APIs (basic example + methods)", config: restFleetConfig(10) }]
    : [
        { name: "1 REST API, 100 methods", config: restMethodsConfig(100) },
        { name: "100 REST APIs (basic example + methods)", config: restFleetConfig(100) },
      ];
  const table = [];
  const ratios = [];
  for (const { name, config, label } of cases) {
    const dir = mkdtempSync(join(tmpdir(), "bench-rest-"));
    const configFile = join(dir, "fleet.tfvars.json");
    writeFileSync(configFile, JSON.stringify(config));
    const outdir = join(dir, "out");
    const product = medianOf(repeat, () => measureNode([join(root, "bin/app.mjs")], { cwd: root, env: { APIGW_CONFIG: configFile, CDKTF_OUTDIR: outdir } }));
    const stackFile = join(outdir, "stacks", "fleet", "cdk.tf.json");
    const stack = JSON.parse(readFileSync(stackFile, "utf8"));
    const baselineOut = join(dir, "baseline");
    const baseline = medianOf(repeat, () => measureNode([join(root, "bench/baseline/replay-app.mjs")], { cwd: root, env: { BENCH_STACK_JSON: stackFile, CDKTF_OUTDIR: baselineOut } }));
    const replayed = resourcesOf(JSON.parse(readFileSync(join(baselineOut, "stacks", "baseline", "cdk.tf.json"), "utf8")));
    if (replayed !== resourcesOf(stack)) throw new Error(`baseline wrote ${replayed} resources, the product ${resourcesOf(stack)}`);
    const shown = label ?? name;
    table.push({
      config: shown,
      resources: resourcesOf(stack),
      "synth s": product.seconds.toFixed(2),
      "baseline s": baseline.seconds.toFixed(2),
      "peak MiB": product.peakMiB.toFixed(0),
      "baseline MiB": baseline.peakMiB.toFixed(0),
      "JSON MiB": (readFileSync(stackFile).length / 2 ** 20).toFixed(1),
    });
    ratios.push(ratio("rest", `REST synth time, ${shown} (product / same resources via plain cdktf)`, { value: product.seconds }, { value: baseline.seconds }, TARGET, " s"));
    ratios.push(ratio("rest", `REST synth peak memory, ${shown} (product / plain cdktf)`, { value: product.peakMiB }, { value: baseline.peakMiB }, TARGET, " MiB"));
    rmSync(dir, { recursive: true, force: true });
  }
  return { table, ratios };
}

if (isMain(import.meta.url)) {
  const { table, ratios } = await run();
  console.table(table);
  console.table(ratios.map((r) => ({ measure: r.name, ratio: r.value, target: r.target })));
  process.exitCode = ratios.every((r) => r.value <= r.target) ? 0 : 1;
}
