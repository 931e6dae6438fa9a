// Tests run the BUILT bundles (dist/handlers/<name>/index.js), as Lambda would. The bundles are built at
// most once per source state: a lock serialises the test files (vitest runs them in parallel processes)
// and a hash of the sources decides whether dist/ is current. Each loadHandler() call is a fresh "container":
// the bundle is required anew, reading its environment at load like a cold start.
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./environment.js";

export const HANDLERS = ["authorizer", "catalog", "health", "orders", "token-claims"] as const;
export type HandlerName = (typeof HANDLERS)[number];

export interface HandlerArtifact {
  name: string;
  zipPath: string;
  sha256Base64: string;
}

export interface BuildModule {
  HANDLER_NAMES: readonly string[];
  /** The esbuild options every handler is bundled with. */
  BUNDLE_OPTIONS: Readonly<Record<string, unknown>>;
  bundleEntries(build: { root: string; outDir: string; entryPoints: Record<string, string>; options?: Record<string, unknown> }): Promise<Array<{ path: string; contents: Uint8Array }>>;
  buildHandlers(options?: { outDir?: string; root?: string; names?: readonly string[] }): Promise<
    Array<HandlerArtifact & { bundlePath: string; bundleBytes: number; zipBytes: number }>
  >;
  handlerArtifacts(options?: { outDir?: string; names?: readonly string[] }): Record<string, HandlerArtifact>;
  createDeterministicZip(entries: Array<{ name: string; data: Buffer }>): Buffer;
  ensureHandlersBuilt(options?: { root?: string }): Promise<Record<string, HandlerArtifact>>;
}

const nodeRequire = createRequire(import.meta.url);
const DIST = join(ROOT, "dist");

export async function buildModule(): Promise<BuildModule> {
  return (await import(pathToFileURL(join(ROOT, "bin/build-handlers.mjs")).href)) as BuildModule;
}

export async function ensureHandlersBuilt(): Promise<void> {
  await (await buildModule()).ensureHandlersBuilt({ root: ROOT });
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
