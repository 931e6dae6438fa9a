// Tests run the BUILT bundles (dist/handlers/<name>/index.js), as Lambda would. The bundles are built at
// most once per source state: a lock serialises the test files (vitest runs them in parallel processes)
// and a hash of the sources decides whether dist/ is current. Each loadHandler() call is a fresh "container":
// the bundle is required anew, reading its environment at load like a cold start.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { ROOT } from "./environment.js";

export const HANDLERS = ["authorizer", "catalog", "health", "orders"] as const;
export type HandlerName = (typeof HANDLERS)[number];

export interface HandlerArtifact {
  name: string;
  zipPath: string;
  sha256Base64: string;
}

export interface BuildModule {
  HANDLER_NAMES: readonly string[];
  buildHandlers(options?: { outDir?: string; root?: string; names?: readonly string[] }): Promise<
    Array<HandlerArtifact & { bundlePath: string; bundleBytes: number; zipBytes: number }>
  >;
  handlerArtifacts(options?: { outDir?: string; names?: readonly string[] }): Record<string, HandlerArtifact>;
  createDeterministicZip(entries: Array<{ name: string; data: Buffer }>): Buffer;
}

const nodeRequire = createRequire(import.meta.url);
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".handlers-source-hash");
const LOCK = join(DIST, ".build-handlers.lock");

export async function buildModule(): Promise<BuildModule> {
  return (await import(pathToFileURL(join(ROOT, "bin/build-handlers.mjs")).href)) as BuildModule;
}

export async function ensureHandlersBuilt(): Promise<void> {
  mkdirSync(DIST, { recursive: true });
  await acquireLock();
  try {
    const hash = sourceHash();
    const current = existsSync(STAMP) ? readFileSync(STAMP, "utf8") : "";
    const complete = HANDLERS.every((name) => existsSync(join(DIST, "handlers", `${name}.zip`)));
    if (current !== hash || !complete) {
      await (await buildModule()).buildHandlers();
      writeFileSync(STAMP, hash);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export function bundlePath(name: HandlerName): string {
  return join(DIST, "handlers", name, "index.js");
}

/** A fresh container of handler `name` with `env` applied while it loads (undefined unsets a variable). */
export function loadHandler<H = (event: unknown, context?: unknown) => Promise<unknown>>(name: HandlerName, env: Record<string, string | undefined>): H {
  const path = bundlePath(name);
  const saved = new Map<string, string | undefined>();
  for (const [key, value] of Object.entries(env)) {
    saved.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  delete nodeRequire.cache[path];
  try {
    return (nodeRequire(path) as { handler: H }).handler;
  } finally {
    delete nodeRequire.cache[path];
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function sourceHash(): string {
  const hash = createHash("sha256");
  const files = [...walk(join(ROOT, "handlers")), join(ROOT, "bin/build-handlers.mjs"), join(ROOT, "package.json"), join(ROOT, "package-lock.json")];
  for (const file of files.sort()) {
    if (!existsSync(file)) continue;
    hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

async function acquireLock(): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // the holder released it meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}`);
      await sleep(50);
    }
  }
}
