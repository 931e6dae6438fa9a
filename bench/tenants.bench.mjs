#!/usr/bin/env node
// Tenant environments at scale: `synth` and `validate` (the CLI, as a pipeline or a pre-commit hook runs them)
// over 1, 10 and 100 tenant environment configs, each a stack with an HTTP API and the bundled handlers (whose
// bundles are built at most once per run, shared by every stack). Reported against baselines from the same run:
// validate against synth (target: at most a third), 100 environments against ten times 10 (linear growth), the
// 100-environment synth's peak memory against the 400 MiB budget, and the handler builds of one synth of the
// largest count whose handler bundles are out of date (counted from the build log build-handlers.mjs writes
// when APIGW_HANDLER_BUILD_LOG is set; target: one build for all the stacks).
// Usage: node bench/tenants.bench.mjs [--quick] [counts...]   (default: 1 10 100; quick: 1 3 30)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { measureNode, medianOf } from "./support/measure.mjs";
import { isMain, ratio } from "./support/ratios.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const MEMORY_BUDGET_MIB = 400;

/** One tenant environment: its own account, name prefix, HTTP API and the bundled handlers. */
function environmentConfig(i) {
  const tenant = `tenant${String(i).padStart(3, "0")}`;
  return {
    tenant,
    environment: "prod",
    region: "eu-west-1",
    account_id: String(100000000000 + i),
    name_prefix: `${tenant}-prod`,
    http_apis: { storefront: { stages: { live: { name: "$default", auto_deploy: true } } } },
    application: {
      http_api: "storefront",
      authorizer: { issuer: `https://login.example.com/${tenant}`, audiences: ["storefront"] },
      tenants: { [`${tenant}-a`]: { tier: "basic" }, [`${tenant}-b`]: { tier: "premium" } },
    },
    common_tags: { CostCenter: tenant },
  };
}

function writeConfigs(dir, count) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const config = environmentConfig(i);
    mkdirSync(join(dir, "config", config.tenant), { recursive: true });
    const file = join(dir, "config", config.tenant, "prod.json");
    writeFileSync(file, JSON.stringify(config));
    files.push(file);
  }
  return files;
}

/** esbuild builds of the handlers that the runs logged to `logFile`. */
function handlerBuilds(logFile) {
  return existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").filter(Boolean).length : 0;
}

/**
 * One synth of `configArgs` after making the handler bundles out of date (their source stamp removed, so that the
 * run must build them): how many times the handlers were built in that run.
 */
function coldSynthBuilds(cli, configArgs, outdir) {
  const log = join(mkdtempSync(join(tmpdir(), "bench-builds-")), "builds.log");
  rmSync(join(root, "dist", ".handlers-source-hash"), { force: true });
  measureNode([cli, "synth", "--quiet", ...configArgs, "--out", outdir], { cwd: root, env: { APIGW_HANDLER_BUILD_LOG: log } });
  const builds = handlerBuilds(log);
  if (builds === 0) throw new Error("the synth after removing the handlers' source stamp built no handlers: the build count proves nothing");
  return builds;
}

/** Synth time and peak memory per environment added from the smallest size, largest against middle. */
function perAddedEnvironment(small, middle, largest) {
  return [
    ratio(
      "tenants",
      `synth time per added environment, ${largest.count} / ${middle.count}`,
      { value: (largest.synth.seconds - small.synth.seconds) / (largest.count - small.count) },
      { value: (middle.synth.seconds - small.synth.seconds) / Math.max(1, middle.count - small.count) },
      1.3,
      " s",
    ),
    ratio(
      "tenants",
      `synth peak memory per added environment, ${largest.count} / ${middle.count}`,
      { value: (largest.synth.peakMiB - small.synth.peakMiB) / (largest.count - small.count) },
      { value: Math.max(0.01, (middle.synth.peakMiB - small.synth.peakMiB) / Math.max(1, middle.count - small.count)) },
      1.3,
      " MiB",
    ),
  ];
}

/** @param {{ quick?: boolean, counts?: number[], runs?: number }} options */
export async function run({ quick = false, counts, runs } = {}) {
  const sizes = counts?.length ? counts : quick ? [1, 2, 6] : [1, 10, 100];
  const repeat = runs ?? Number(process.env.BENCH_RUNS ?? 1);
  const rows = [];
  const cli = join(root, "bin", "cli.mjs");
  let cold;
  for (const [index, count] of sizes.entries()) {
    const dir = mkdtempSync(join(tmpdir(), "bench-tenants-"));
    const files = writeConfigs(dir, count);
    const configArgs = files.flatMap((f) => ["--config", f]);
    const buildLog = join(dir, "builds.log");
    const env = { APIGW_HANDLER_BUILD_LOG: buildLog };
    const synth = medianOf(repeat, () => measureNode([cli, "synth", "--quiet", ...configArgs, "--out", join(dir, "out")], { cwd: root, env }));
    // At most one build in these runs (the first, if the bundles were out of date), whatever the number of stacks.
    const warmBuilds = handlerBuilds(buildLog);
    const validate = medianOf(repeat, () => measureNode([cli, "validate", "--quiet", ...configArgs], { cwd: root, env }));
    if (handlerBuilds(buildLog) !== warmBuilds) throw new Error("validate built the handlers");
    if (index === sizes.length - 1) cold = { count, builds: coldSynthBuilds(cli, configArgs, join(dir, "cold-out")) };
    rows.push({ count, synth, validate, warmBuilds });
    rmSync(dir, { recursive: true, force: true });
  }
  const [small, middle, largest] = [rows[0], rows[1] ?? rows[0], rows.at(-1)];
  const factor = largest.count / middle.count;
  const ratios = [
    ratio("tenants", `validate / synth time, ${largest.count} environments`, { value: largest.validate.seconds }, { value: largest.synth.seconds }, 1 / 3, " s"),
    ratio("tenants", `validate / synth time, ${middle.count} environments`, { value: middle.validate.seconds }, { value: middle.synth.seconds }, 1 / 3, " s"),
    ratio("tenants", `synth time, ${largest.count} environments / ${factor} x ${middle.count}`, { value: largest.synth.seconds }, { value: factor * middle.synth.seconds }, 1.3, " s"),
    ratio("tenants", `synth peak memory, ${largest.count} environments / ${factor} x ${middle.count}`, { value: largest.synth.peakMiB }, { value: factor * middle.synth.peakMiB }, 1.3, " MiB"),
    // Growth beyond the fixed cost of one process (node, cdktf, the handler bundles): per-environment cost. Not at
    // quick sizes: there the differences are of two short timings a few environments apart, noise (one came out
    // negative), and cannot decide whether a change lands.
    ...(quick ? [] : perAddedEnvironment(small, middle, largest)),
    ratio("tenants", `synth peak memory, ${largest.count} environments / budget`, { value: largest.synth.peakMiB }, { value: MEMORY_BUDGET_MIB, label: "(budget)" }, 1, " MiB"),
    ratio("tenants", `handler builds in one synth of ${cold.count} stacks, bundles out of date / one`, { value: cold.builds, label: "builds" }, { value: 1, label: "build" }, 1),
  ];
  const table = rows.map((r) => ({
    environments: r.count,
    "synth s": r.synth.seconds.toFixed(2),
    "synth MiB": r.synth.peakMiB.toFixed(0),
    "validate s": r.validate.seconds.toFixed(2),
    "validate MiB": r.validate.peakMiB.toFixed(0),
    "validate / synth": (r.validate.seconds / r.synth.seconds).toFixed(2),
    "handler builds (synth runs)": `${r.warmBuilds} in ${repeat + 1}`,
    "handler builds (bundles out of date)": r.count === cold.count ? cold.builds : "",
  }));
  return { table, ratios };
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const { table, ratios } = await run({ quick: args.includes("--quick"), counts: args.map(Number).filter(Boolean) });
  console.table(table);
  console.table(ratios.map((r) => ({ measure: r.name, product: r.product, baseline: r.baseline, ratio: r.value, target: r.target })));
  process.exitCode = ratios.every((r) => r.value <= r.target) ? 0 : 1;
}
