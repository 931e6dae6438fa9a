import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./ratios.mjs";

const preload = fileURLToPath(new URL("./report-usage.cjs", import.meta.url));

/** Runs `node <args>` once; returns wall seconds and peak RSS in MiB. Throws with stderr when it fails. */
export function measureNode(args, { cwd, env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "bench-usage-"));
  const usageFile = join(dir, "usage");
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--require", preload, ...args], {
    cwd,
    env: { ...process.env, ...env, BENCH_USAGE_FILE: usageFile },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  const peakMiB = Number(readFileSync(usageFile, "utf8")) / 1024;
  rmSync(dir, { recursive: true, force: true });
  return { seconds, peakMiB };
}

/** Median of `runs` measurements (after one warm-up), so a single noisy run does not decide. */
export function medianOf(runs, measure) {
  measure();
  const samples = Array.from({ length: runs }, measure);
  return { seconds: median(samples.map((s) => s.seconds)), peakMiB: median(samples.map((s) => s.peakMiB)) };
}
