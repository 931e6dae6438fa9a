import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { readTfvarsFiles } from "./hcl/read-tfvars.js";

/** What a config file holds, or why it could not be read. */
export type RawConfig = { readonly file: string; readonly value: unknown } | { readonly file: string; readonly error: string };

const PACKAGE_NAME = "cdktf-apigateway";

export interface ReadConfigOptions {
  /**
   * The package's TypeScript entry, to which `.ts` configs' imports of the package name are pointed; by default
   * `<repoRoot>/index.ts`. `null` leaves those imports to Node (a project that installed the package).
   */
  readonly packageEntry?: string | null;
}

/**
 * Reads config files: `.json` as JSON, HCL `.tfvars` with an HCL parser, `.ts` by bundling it with esbuild (one
 * build for all of them) and importing its default export. A `.ts` config may import this package by name
 * (`cdktf-apigateway`) or by relative path; it may live outside the repository.
 */
export async function readConfigFiles(files: readonly string[], repoRoot: string, options: ReadConfigOptions = {}): Promise<RawConfig[]> {
  const tsFiles = files.filter((f) => /\.[cm]?ts$/.test(f));
  const modules = await importTypeScript(tsFiles, repoRoot, options.packageEntry === undefined ? resolve(repoRoot, "index.ts") : options.packageEntry);
  const tfvars = await readTfvarsFiles(files.filter((f) => f.endsWith(".tfvars")));
  return files.map((file) => {
    if (modules.has(file)) return modules.get(file)!;
    if (tfvars.has(file)) return tfvars.get(file)!;
    try {
      return { file, value: JSON.parse(readFileSync(file, "utf8")) as unknown };
    } catch (error) {
      return { file, error: (error as Error).message };
    }
  });
}

async function importTypeScript(files: readonly string[], repoRoot: string, packageEntry: string | null): Promise<Map<string, RawConfig>> {
  const results = new Map<string, RawConfig>();
  if (files.length === 0) return results;
  // Inside the repository, so that the bundle's external imports resolve from its node_modules.
  // Loaded here, not at the top: a run over JSON configs never pays for it.
  const { build } = await import("esbuild");
  const outdir = join(repoRoot, ".cache", `config-${process.pid}-${Date.now()}`);
  mkdirSync(outdir, { recursive: true });
  try {
    const entryPoints = files.map((file, i) => ({ in: file, out: `${i}-${basename(file).replace(/\W/g, "_")}` }));
    try {
      await build({
        entryPoints,
        outdir,
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        packages: "external",
        alias: packageEntry ? { [PACKAGE_NAME]: packageEntry } : {},
        outExtension: { ".js": ".mjs" },
        logLevel: "silent",
      });
    } catch (error) {
      const messages = (error as { errors?: { text: string; location?: { file: string; line: number } }[] }).errors ?? [];
      for (const file of files) {
        const own = messages.filter((m) => m.location && resolve(m.location.file) === resolve(file));
        const text = (own.length > 0 ? own : messages).map((m) => (m.location ? `line ${m.location.line}: ${m.text}` : m.text)).join("; ");
        results.set(file, { file, error: text || (error as Error).message });
      }
      return results;
    }
    for (const [i, file] of files.entries()) {
      try {
        const mod = (await import(pathToFileURL(join(outdir, `${entryPoints[i]!.out}.mjs`)).href)) as { default?: unknown };
        results.set(file, mod.default === undefined ? { file, error: "has no default export; write `export default defineConfig({ ... })`" } : { file, value: mod.default });
      } catch (error) {
        results.set(file, { file, error: `failed to evaluate: ${(error as Error).message}` });
      }
    }
    return results;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
