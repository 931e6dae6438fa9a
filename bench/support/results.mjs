// bench/results.json: every run of `npm run bench`, appended, with the commit and the machine it ran on.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { cpus, totalmem } from "node:os";

export function commitOf(root) {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return "unknown";
  }
}

export function machine() {
  const cores = cpus();
  return { cpu: cores[0]?.model.trim() ?? "unknown", cores: cores.length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` };
}

export function readResults(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : { runs: [] };
}

export function appendResult(file, run) {
  const results = readResults(file);
  results.runs.push(run);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}
