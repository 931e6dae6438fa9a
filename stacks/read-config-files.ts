import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import { toPlainData } from "../modules/common/plain-data.js";
import { readTfvarsFiles } from "./hcl/read-tfvars.js";

/**
 * What a config file holds, or why it could not be read. `problems` are values a `.ts` config exported that
 * JSON cannot carry (left out of `value`). `untranslated` are the values of an HCL file that only Terraform could
 * evaluate, each at its own config path: the file is not used, and each is reported as its own problem.
 */
export type RawConfig =
  | { readonly file: string; readonly value: unknown; readonly problems?: readonly ConfigProblem[] }
  | { readonly file: string; readonly error: string }
  | { readonly file: string; readonly untranslated: readonly ConfigProblem[] };

const PACKAGE_NAME = "cdktf-apigateway";

export interface ReadConfigOptions {
  /**
   * The package's TypeScript entry, to which `.ts` configs' imports of the package name are pointed; by default
   * `<repoRoot>/index.ts`. `null` leaves those imports to Node (a project that installed the package).
   */
  readonly packageEntry?: string | null;
}

/**
 * Larger than any real config (1,000 HTTP APIs with their routes are about 1 MB); a bigger file is refused before
 * it is parsed, so that time and memory stay bounded (measured: a 9 MB file of 100,000 routes takes 5 s and
 * 470 MB to check, a 40 MB one 45 s and 1.8 GB).
 */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

type BuildMessage = { text: string; location?: { file: string; line: number; column?: number } | null };

/**
 * Reads config files: `.json` as JSON, HCL `.tfvars` with an HCL parser, `.ts` by bundling it with esbuild (one
 * build for all of them) and importing its default export. A `.ts` config may import this package by name
 * (`cdktf-apigateway`) or by relative path; it may live outside the repository.
 */
export async function readConfigFiles(files: readonly string[], repoRoot: string, options: ReadConfigOptions = {}): Promise<RawConfig[]> {
  const tooBig = new Map(files.flatMap((file) => (sizeProblem(file) ? [[file, sizeProblem(file)!] as const] : [])));
  const tsFiles = files.filter((f) => /\.[cm]?ts$/.test(f) && !tooBig.has(f));
  const modules = await importTypeScript(tsFiles, repoRoot, options.packageEntry === undefined ? resolve(repoRoot, "index.ts") : options.packageEntry);
  const tfvars = await readTfvarsFiles(files.filter((f) => f.endsWith(".tfvars") && !tooBig.has(f)));
  return files.map((file) => {
    const big = tooBig.get(file);
    if (big !== undefined) return { file, error: big };
    if (modules.has(file)) return modules.get(file)!;
    if (tfvars.has(file)) return tfvars.get(file)!;
    try {
      return { file, value: JSON.parse(readFileSync(file, "utf8")) as unknown };
    } catch (error) {
      return { file, error: firstLine(error) };
    }
  });
}

function sizeProblem(file: string): string | undefined {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return undefined; // reading it reports why
  }
  return size > MAX_CONFIG_BYTES ? `the file has ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_CONFIG_BYTES / 1024 / 1024} MB a config may have; split it into several configs` : undefined;
}

async function importTypeScript(files: readonly string[], repoRoot: string, packageEntry: string | null): Promise<Map<string, RawConfig>> {
  const results = new Map<string, RawConfig>();
  if (files.length === 0) return results;
  // Inside the repository, so that the bundle's external imports resolve from its node_modules.
  // Loaded here, not at the top: a run over JSON configs never pays for it.
  const { build } = await import("esbuild");
  const outdir = join(repoRoot, ".cache", `config-${process.pid}-${Date.now()}`);
  mkdirSync(outdir, { recursive: true });
  const outOf = new Map(files.map((file, i) => [file, `${i}-${basename(file).replace(/\W/g, "_")}`]));
  const bundle = async (entries: readonly string[]): Promise<BuildMessage[]> => {
    try {
      await build({
        entryPoints: entries.map((file) => ({ in: file, out: outOf.get(file)! })),
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
      return [];
    } catch (error) {
      const errors = (error as { errors?: BuildMessage[] }).errors;
      return errors && errors.length > 0 ? errors : [{ text: firstLine(error) }];
    }
  };
  try {
    // One build for all; when it fails, each file's own errors are its problems and the rest build again.
    // An error in a file that is no entry point (a module several configs import) is found by building the
    // remaining configs one at a time, so that it is reported under each config that imports it, and only those.
    let pending = [...files];
    while (pending.length > 0) {
      const errors = await bundle(pending);
      if (errors.length === 0) break;
      const failed = pending.filter((file) => errors.some((m) => m.location && resolve(m.location.file) === resolve(file)));
      for (const file of failed) results.set(file, { file, error: describeErrors(errors.filter((m) => m.location && resolve(m.location.file) === resolve(file)), file) });
      pending = pending.filter((file) => !failed.includes(file));
      if (failed.length === 0) {
        for (const file of pending) {
          const own = await bundle([file]);
          if (own.length > 0) results.set(file, { file, error: describeErrors(own, file) });
        }
        pending = [];
      }
    }
    for (const file of files) {
      if (results.has(file)) continue;
      try {
        const mod = (await import(pathToFileURL(join(outdir, `${outOf.get(file)!}.mjs`)).href)) as { default?: unknown };
        if (mod.default === undefined) {
          results.set(file, { file, error: "has no default export; write `export default defineConfig({ ... })`" });
          continue;
        }
        const { value, problems } = toPlainData(mod.default);
        results.set(file, { file, value, problems });
      } catch (error) {
        results.set(file, { file, error: `failed to evaluate: ${firstLine(error)}` });
      }
    }
    return results;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** `line 3: Expected "}" but found "x"; ...`, naming the imported file when the error is not in the config itself. */
function describeErrors(errors: readonly BuildMessage[], config: string): string {
  const where = (file: string) => (resolve(file) === resolve(config) ? "" : `${basename(file)} `);
  return errors
    .slice(0, 5)
    .map((m) => (m.location ? `${where(m.location.file)}line ${m.location.line}: ${m.text}` : m.text))
    .join("; ");
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}
