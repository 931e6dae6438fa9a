#!/usr/bin/env node
// Builds the Lambda handlers: `npm run build:handlers`.
//
//   handlers/<name>/index.ts  --esbuild-->  dist/handlers/<name>/index.js (+ index.js.map, package.json)
//                             --zip------>  dist/handlers/<name>.zip
//
// Bundles: CommonJS (a zip without package.json "type" is CommonJS to Lambda; the package.json written
// beside it says so explicitly, also for this repository, whose root is "type": "module"), Node 22,
// minified, linked source maps without sources content (enable with NODE_OPTIONS=--enable-source-maps).
//
// The AWS SDK is BUNDLED, not external: the nodejs22.x runtime ships an SDK v3 whose version AWS changes
// under us and that our tests never ran against; bundling runs exactly the pinned, tested
// @aws-sdk/client-dynamodb, makes `source_code_hash` change when the SDK version changes, and, with only
// the DynamoDB client tree-shaken in, loads faster than the runtime's copy (see the benchmark).
//
// Zips are deterministic: entries sorted by name, every timestamp 1980-01-01 00:00, fixed permissions
// (0644), no extra fields, and STORED (uncompressed): deflate output depends on the zlib build (Node
// version, CPU-specific code paths), and the point is that the same source gives the same bytes on every
// machine, so that `filebase64sha256(zip)` / `source_code_hash` changes only when code does.
//
// Exports: buildHandlers() (build + zip, returns artifacts), handlerArtifacts() (path + base64 sha256 of
// each existing zip, for the Terraform side), ensureHandlersBuilt() (builds only when the sources changed,
// serialised across processes; synth and tests call it), createDeterministicZip().
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { crc32 } from "node:zlib";
import { createRequire } from "node:module";

export const HANDLER_NAMES = Object.freeze(["authorizer", "catalog", "health", "orders", "token-claims"]);

/**
 * This package's folder: above this file (which also runs from a copy under dist/lib/bin/ in the installed
 * package), else, when a bundler has inlined this file into a project's bundle, the installed package that the
 * current folder resolves.
 */
function packageRoot() {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "cdktf-apigateway") return dir;
  }
  try {
    return dirname(createRequire(join(process.cwd(), "package.json")).resolve("cdktf-apigateway/package.json"));
  } catch {
    return dirname(dirname(fileURLToPath(import.meta.url)));
  }
}

const ROOT = packageRoot();
export const DEFAULT_OUT_DIR = join(ROOT, "dist", "handlers");
/** The handler zips an installed package ships (built by `npm run build`); a source checkout builds its own. */
const SHIPPED_DIR = join(ROOT, "dist", "handlers");
const FROM_SOURCES = existsSync(join(ROOT, "handlers"));

/**
 * How every handler is bundled (also used by tests that bundle a library entry exactly as the handlers are).
 * ESM builds of the AWS SDK and smithy tree-shake better than their CommonJS builds, hence `mainFields`.
 */
export const BUNDLE_OPTIONS = Object.freeze({
  bundle: true,
  platform: "node",
  target: "node22",
  format: "cjs",
  mainFields: ["module", "main"],
  minify: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
});

/**
 * Code a handler needs only sometimes, bundled as a file of its own beside index.js and loaded by the
 * dynamic import() that names it, on first use: a cold start neither reads nor evaluates it. The SSM and
 * Secrets Manager clients are ~90 KiB (mostly SSM's ~200 error classes, evaluated at load), which cost every
 * cold start 15-20 ms when bundled in, though most functions read no secret (bench/bundles.bench.mjs). Inside
 * one CommonJS bundle a dynamic import() does not help: esbuild then wraps every module the client shares with
 * DynamoDB in lazy initialisers and stops tree-shaking them (measured: ~110 KiB larger and slower).
 * Import such a module only with import(): a static import would inline it, and the build refuses it.
 */
export const LAZY_MODULES = Object.freeze(["handlers/lib/secrets/secrets-sdk.ts"]);

/** `secrets-sdk.ts` -> `secrets-sdk.js`, the name of its file beside the bundle that imports it. */
const lazyFileName = (source) => source.split("/").at(-1).replace(/\.ts$/, ".js");

/** Resolves an import() of a lazy module to the file beside the bundle; refuses a static import of one. */
function lazyModulesPlugin(root) {
  const lazy = new Map(LAZY_MODULES.map((source) => [join(root, source), lazyFileName(source)]));
  return {
    name: "lazy-modules",
    setup(build) {
      build.onResolve({ filter: /\.js$/ }, (args) => {
        const file = lazy.get(resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts"));
        if (file === undefined) return undefined;
        if (args.kind === "dynamic-import") return { path: `./${file}`, external: true };
        if (args.kind === "entry-point") return undefined;
        return { errors: [{ text: `${args.path} is loaded on demand (LAZY_MODULES in bin/build-handlers.mjs): import it with import(), not statically` }] };
      });
    },
  };
}

/**
 * Bundles each entry (`{ "<folder>/index": source }`) into `outDir` with BUNDLE_OPTIONS, and beside it each
 * lazy module it imports. Returns the output files, paths under `outDir`, not yet written.
 * @param {{ root: string, outDir: string, entryPoints: Record<string, string>, options?: Record<string, unknown> }} build
 * @returns {Promise<Array<{ path: string, contents: Uint8Array }>>}
 */
export async function bundleEntries({ root, outDir, entryPoints, options = {} }) {
  // Loaded on demand: synth imports this file, and most synths find the bundles current.
  const esbuild = await import("esbuild");
  const build = (points) => esbuild.build({ ...BUNDLE_OPTIONS, ...options, absWorkingDir: root, entryPoints: points, outdir: outDir, plugins: [lazyModulesPlugin(root)], metafile: true, write: false });
  const entries = await build(entryPoints);
  const lazyPoints = {};
  for (const [path, output] of Object.entries(entries.metafile.outputs)) {
    if (output.entryPoint === undefined) continue;
    for (const source of LAZY_MODULES) {
      const file = lazyFileName(source);
      if (output.imports.some((i) => i.external && i.path === `./${file}`)) lazyPoints[relative(outDir, join(root, dirname(path), file)).replace(/\.js$/, "")] = join(root, source);
    }
  }
  const lazy = Object.keys(lazyPoints).length === 0 ? { outputFiles: [] } : await build(lazyPoints);
  return [...entries.outputFiles, ...lazy.outputFiles];
}

/** package.json beside each bundle (and in each zip): the bundle is CommonJS. */
const BUNDLE_PACKAGE_JSON = `${JSON.stringify({ type: "commonjs" })}\n`;

/**
 * Bundles every handler and writes its deterministic zip.
 * @param {{ outDir?: string, root?: string, names?: readonly string[] }} [options]
 * @returns {Promise<Array<{ name: string, bundlePath: string, bundleBytes: number, zipPath: string, zipBytes: number, sha256Base64: string }>>}
 */
export async function buildHandlers(options = {}) {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const names = options.names ?? HANDLER_NAMES;
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  const outputFiles = await bundleEntries({
    root,
    outDir,
    entryPoints: Object.fromEntries(names.map((name) => [`${name}/index`, join(root, "handlers", name, "index.ts")])),
    options: { sourcemap: "linked", sourcesContent: false, define: { __APP_VERSION__: JSON.stringify(version) } },
  });
  // The benchmark counts builds per run (each stack shares one build): one line per esbuild build of the handlers.
  if (process.env.APIGW_HANDLER_BUILD_LOG) appendFileSync(process.env.APIGW_HANDLER_BUILD_LOG, `${JSON.stringify({ pid: process.pid, handlers: names.length })}\n`);
  const byName = new Map(names.map((name) => [name, []]));
  for (const file of outputFiles) {
    const [name, ...rest] = relative(outDir, file.path).split(/[\\/]/);
    byName.get(name)?.push({ name: rest.join("/"), data: Buffer.from(file.contents) });
  }
  const artifacts = [];
  for (const name of names) {
    const entries = [...byName.get(name), { name: "package.json", data: Buffer.from(BUNDLE_PACKAGE_JSON) }];
    for (const entry of entries) writeIfChanged(join(outDir, name, entry.name), entry.data);
    const zip = createDeterministicZip(entries);
    const zipPath = join(outDir, `${name}.zip`);
    writeIfChanged(zipPath, zip);
    const bundle = entries.find((entry) => entry.name === "index.js");
    artifacts.push({
      name,
      bundlePath: join(outDir, name, "index.js"),
      bundleBytes: bundle.data.length,
      zipPath,
      zipBytes: zip.length,
      sha256Base64: sha256Base64(zip),
    });
  }
  return artifacts;
}

/**
 * Builds the handlers into `<root>/dist/handlers/` unless that already holds a build of the current sources (a
 * hash of handlers/, this script and the lock file), then returns their artifacts. A lock directory serialises
 * concurrent callers (parallel test processes, several synths). `root` is explicit because this file may run
 * bundled elsewhere. In an installed package (no handler sources), the shipped zips are copied into
 * `<root>/dist/handlers/` instead (`root` defaults to the current folder: a project never writes into
 * node_modules), so a project needs neither the handlers' dependencies nor this package's layout.
 * @param {{ root?: string }} [options]
 * @returns {Promise<Record<string, { name: string, zipPath: string, sha256Base64: string }>>}
 */
export async function ensureHandlersBuilt(options = {}) {
  if (!FROM_SOURCES) return copyShippedHandlers(options.root ?? process.cwd());
  const root = options.root ?? ROOT;
  const dist = join(root, "dist");
  const outDir = join(dist, "handlers");
  const stamp = join(dist, ".handlers-source-hash");
  const lock = join(dist, ".build-handlers.lock");
  mkdirSync(dist, { recursive: true });
  await acquireLock(lock);
  try {
    const hash = sourceHash(root);
    const current = existsSync(stamp) ? readFileSync(stamp, "utf8") : "";
    const complete = HANDLER_NAMES.every((name) => existsSync(join(outDir, `${name}.zip`)));
    if (current !== hash || !complete) {
      await buildHandlers({ root, outDir });
      writeFileSync(stamp, hash);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return handlerArtifacts({ outDir });
}

function copyShippedHandlers(root) {
  if (resolve(root) === resolve(ROOT)) throw new Error("give the root of your own project: handlers are never written into the installed package");
  const outDir = join(root, "dist", "handlers");
  for (const name of HANDLER_NAMES) {
    const shipped = join(SHIPPED_DIR, `${name}.zip`);
    if (!existsSync(shipped)) throw new Error(`${shipped} is missing: the package was published without its built handlers`);
    writeIfChanged(join(outDir, `${name}.zip`), readFileSync(shipped));
  }
  return handlerArtifacts({ outDir });
}

function sourceHash(root) {
  const hash = createHash("sha256");
  const files = [...walk(join(root, "handlers")), join(root, "bin/build-handlers.mjs"), join(root, "package.json"), join(root, "package-lock.json")];
  for (const file of files.sort()) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

async function acquireLock(lock) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      try {
        // A holder that died leaves the lock behind; a build takes seconds, so an old lock is stale.
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await sleep(50);
    }
  }
}

/**
 * Path and base64-encoded SHA-256 (what Terraform's `filebase64sha256` and `source_code_hash` use) of each
 * handler's zip, read from disk. Throws if a zip is missing: run `npm run build:handlers` first.
 * @param {{ outDir?: string, names?: readonly string[] }} [options]
 * @returns {Record<string, { name: string, zipPath: string, sha256Base64: string }>}
 */
export function handlerArtifacts(options = {}) {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const names = options.names ?? HANDLER_NAMES;
  const artifacts = {};
  for (const name of names) {
    const zipPath = join(outDir, `${name}.zip`);
    if (!existsSync(zipPath)) throw new Error(`${zipPath} does not exist: run \`npm run build:handlers\` first`);
    artifacts[name] = { name, zipPath, sha256Base64: sha256Base64(readFileSync(zipPath)) };
  }
  return artifacts;
}

/**
 * A zip archive whose bytes depend only on the entries' names and contents.
 * @param {Array<{ name: string, data: Buffer }>} entries
 * @returns {Buffer}
 */
export function createDeterministicZip(entries) {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01, the zip epoch
  const UNIX_FILE_0644 = (0o100644 << 16) >>> 0;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of sorted) {
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4); // version needed: 1.0 (stored)
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 10, 4); // made by: Unix, zip 1.0 (so external attributes are Unix modes)
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(UNIX_FILE_0644, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, ...centrals, end]);
}

function sha256Base64(bytes) {
  return createHash("sha256").update(bytes).digest("base64");
}

/** Atomic (temp file + rename), and untouched when the bytes are the same (mtimes stay put). */
function writeIfChanged(path, data) {
  if (existsSync(path) && readFileSync(path).equals(data)) return;
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

// Run as a script, not imported (also not when a bundler inlined this file into a bundle that runs as a script).
const isScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href && import.meta.url.endsWith("/build-handlers.mjs");
if (isScript) {
  if (!FROM_SOURCES) {
    // Installed package: the zips it ships, copied into the current project.
    for (const a of Object.values(await ensureHandlersBuilt({ root: process.cwd() }))) console.log(`${a.name}: ${relative(process.cwd(), a.zipPath)} ${a.sha256Base64}`);
    process.exit(0);
  }
  const artifacts = await buildHandlers();
  console.table(
    artifacts.map((a) => ({
      handler: a.name,
      "index.js KiB": (a.bundleBytes / 1024).toFixed(1),
      "zip KiB": (a.zipBytes / 1024).toFixed(1),
      zip: relative(ROOT, a.zipPath),
      sha256: a.sha256Base64,
    })),
  );
}
