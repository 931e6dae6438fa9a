#!/usr/bin/env node
// Runs a TypeScript entry point under plain node: esbuild bundles it (dependencies stay external) into
// .cache/, then node imports the bundle. Measured faster than tsx for synth (design.md, Conventions):
// cdktf captures a stack trace for every token, and source-mapped traces are dear.
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export async function runTypeScript(entry) {
  const outdir = resolve(root, ".cache", "run");
  mkdirSync(outdir, { recursive: true });
  const outfile = resolve(outdir, `${basename(entry).replace(/\.[cm]?ts$/, "")}-${process.pid}.mjs`);
  await build({
    entryPoints: [resolve(entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    const { rmSync } = await import("node:fs");
    rmSync(outfile, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const entry = process.argv[2];
  if (!entry) {
    console.error("usage: node bin/run-ts.mjs <file.ts> [args...]");
    process.exit(2);
  }
  process.argv.splice(2, 1);
  await runTypeScript(entry);
}
