import { resolve } from "node:path";
import type { ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import { discoverConfigs } from "./discover-configs.js";
import { checkStackConfig, type StackConfig } from "./load-stack-configs.js";
import { readConfigFiles } from "./read-config-files.js";
import { sharedNameProblems } from "./shared-names.js";

/**
 * Reading and checking configs, the whole of `cdktf-apigateway validate` and the first step of every synth. Nothing
 * this file imports loads cdktf, constructs or the provider bindings (__tests__/app/validate-imports.test.ts).
 */

/** Problems and warnings of one config file. */
export interface FileReport {
  readonly file: string;
  readonly problems: readonly ConfigProblem[];
  readonly warnings: readonly ConfigProblem[];
}

export interface CheckedConfigs {
  readonly ok: boolean;
  /** One entry per config file, in file order. */
  readonly files: readonly FileReport[];
  /** Problems that belong to no single config (no configs found, the handler build). */
  readonly general: readonly ConfigProblem[];
  /** The checked configs; empty unless every one is valid. */
  readonly configs: readonly StackConfig[];
}

export interface CheckConfigOptions {
  /** The project folder: `config/` is looked up here. */
  readonly root: string;
  /** Config files to use; by default every config under `<root>/config/`. */
  readonly configFiles?: readonly string[];
  /** The package's own TypeScript entry, which `.ts` configs may import by package name (source checkouts). */
  readonly packageEntry?: string | null;
}

/** Reads and checks every config; two configs that make the same stack are a problem of both. */
export async function checkConfigFiles(options: CheckConfigOptions): Promise<CheckedConfigs> {
  const files = options.configFiles ?? discoverConfigs(resolve(options.root, "config"));
  if (files.length === 0) {
    const general = [{ path: "config", message: "no configs found", fix: "add config/<tenant>/<environment>.ts (or .json, .tfvars) or pass --config <file>" }];
    return { ok: false, files: [], general, configs: [] };
  }
  const results = (await readConfigFiles(files, options.root, { packageEntry: options.packageEntry })).map((raw) => checkStackConfig(raw));
  const reports = results.map((r) => ({ file: r.file, problems: [...r.problems], warnings: [...r.warnings] }));
  const checkedConfigs = results.flatMap((r) => (r.config ? [r.config] : []));
  const shared = sharedNameProblems(checkedConfigs);
  for (const [i, result] of results.entries()) if (result.config) reports[i]!.problems.push(...(shared.get(result.config) ?? []));
  const ok = reports.every((r) => r.problems.length === 0);
  return { ok, files: reports, general: [], configs: ok ? checkedConfigs : [] };
}
