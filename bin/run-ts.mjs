#!/usr/bin/env node
// Runs a TypeScript entry point under plain node: esbuild bundles it (dependencies stay external) into
// .cache/run/, then node imports the bundle. Measured faster than tsx for synth (design.md, Conventions):
// cdktf captures a stack trace for every token, and source-mapped traces are dear.
//
// The bundle is reused while its inputs are unchanged (a SHA-256 over the contents of every source file
// esbuild read): bundling costs ~0.2 s, a third of a one-API synth, and pipelines synth the same sources
// again and again. Writes are atomic (temp file + rename), so concurrent runs never see a partial bundle.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function inputsHash(files) {
  const hash = createHash("sha256");
  for (const file of files) {
    if (!existsSync(file)) return undefined;
    hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function writeAtomically(path, data) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

/** The bundle of `entry`, rebuilt only when one of its inputs changed. */
async function bundleOf(entry) {
  const outdir = resolve(root, ".cache", "run");
  mkdirSync(outdir, { recursive: true });
  // Named by the entry's path in the project (cli/main.ts -> cli-main), so that two entries never share a bundle.
  const name = relative(root, resolve(entry)).replace(/\.[cm]?ts$/, "").replace(/[^\w.-]+/g, "-");
  const outfile = resolve(outdir, `${name}.mjs`);
  const manifestFile = resolve(outdir, `${name}.inputs.json`);
  if (existsSync(outfile) && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    if (manifest.entry === resolve(entry) && inputsHash(manifest.inputs) === manifest.hash) return outfile;
  }
  const { build } = await import("esbuild");
  // With splitting, a dynamic import() stays one: what it loads (and the packages that code imports, which esbuild
  // would otherwise hoist into the entry) loads only when it runs. Chunks are named by their content, so a run
  // that still uses an older entry finds its chunks.
  const result = await build({
    absWorkingDir: root,
    entryPoints: [{ in: resolve(entry), out: name }],
    bundle: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    metafile: true,
    write: false,
    outdir,
    outExtension: { ".js": ".mjs" },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .map((input) => resolve(root, input))
    .sort();
  // Chunks first, the entry last: a concurrent run that reads the new entry finds every chunk it imports.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === outfile) - Number(b.path === outfile));
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeAtomically(file.path, file.contents);
  }
  writeAtomically(manifestFile, JSON.stringify({ entry: resolve(entry), inputs, hash: inputsHash(inputs) }));
  return outfile;
}

export async function runTypeScript(entry) {
  return import(pathToFileURL(await bundleOf(entry)).href);
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
