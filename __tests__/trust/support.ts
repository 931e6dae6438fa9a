import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { runApp } from "../support/synth.js";

export const freshOutdir = () => join(mkdtempSync(join(tmpdir(), "apigw-out-")), "out");

/**
 * Runs the app on a config file that must be refused: exit 1, no stack trace, nothing written, every stderr line
 * starting with one of `pathPrefixes`. Returns the lines.
 */
export function expectRefused(file: string, pathPrefixes: readonly string[]): string[] {
  const outdir = freshOutdir();
  const run = runApp(file, outdir);
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|SyntaxError: Unexpected/);
  const lines = run.stderr.replace(/\n$/, "").split("\n");
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(pathPrefixes.some((prefix) => line.startsWith(prefix)), line).toBe(true);
  expect(run.stdout).toBe("");
  expect(existsSync(outdir)).toBe(false);
  return lines;
}
