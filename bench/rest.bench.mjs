#!/usr/bin/env node
// Synth time and peak memory of the product (`node bin/app.mjs`, as cdktf runs it) for REST configs: one REST API
// with 100 methods, and 100 REST APIs (the seed's basic example with methods). Each measurement runs the app in a
// child process (peak RSS from process.resourceUsage().maxRSS), median of BENCH_RUNS runs after one warm-up.
// Usage: npm run bench:rest   (BENCH_RUNS=3 by default)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureNode, medianOf } from "./support/measure.mjs";
import { restFleetConfig, restMethodsConfig } from "./rest-fleet.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);

const cases = [
  { name: "1 REST API, 100 methods", config: restMethodsConfig(100) },
  { name: "100 REST APIs (seed basic + methods)", config: restFleetConfig(100) },
];

const rows = [];
for (const { name, config } of cases) {
  const dir = mkdtempSync(join(tmpdir(), "bench-rest-"));
  const configFile = join(dir, "fleet.tfvars.json");
  writeFileSync(configFile, JSON.stringify(config));
  const outdir = join(dir, "out");
  const result = medianOf(runs, () => measureNode([join(root, "bin/app.mjs")], { cwd: root, env: { APIGW_CONFIG: configFile, CDKTF_OUTDIR: outdir } }));
  const stackFile = join(outdir, "stacks", "fleet", "cdk.tf.json");
  const stack = JSON.parse(readFileSync(stackFile, "utf8"));
  const resources = Object.values(stack.resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
  rows.push({ config: name, resources, "synth s": result.seconds.toFixed(2), "peak MiB": result.peakMiB.toFixed(0), "JSON MiB": (readFileSync(stackFile).length / 2 ** 20).toFixed(1) });
  rmSync(dir, { recursive: true, force: true });
}
console.table(rows);
