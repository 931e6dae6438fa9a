import { App, TerraformResource } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureHandlersBuilt, type HandlerArtifact } from "../bin/build-handlers.mjs";
import type { ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import { ApiGatewayStack } from "./api-gateway-stack.js";
import { discoverConfigs } from "./discover-configs.js";
import { lintWarnings, lintWrittenStack } from "./lint-stacks.js";
import type { LintFinding } from "../modules/lint/types.js";
import { checkStackConfig, type StackConfig } from "./load-stack-configs.js";
import { readConfigFiles } from "./read-config-files.js";
import { legacyStateNotices, removeStaleStackFolders, type StackFolderNotice } from "./stack-folders.js";

/**
 * The synth flow that `main.ts` (the cdktf app) and the command line share: find the configs, check every one
 * of them, and only when all are valid build and write one stack per config. Nothing here prints; callers
 * report the outcome their own way (text lines, JSON).
 */
export interface SynthAppOptions {
  /** The project folder: `config/` is looked up here, and handler bundles are written under it. */
  readonly root: string;
  /** Config files to use; by default every config under `<root>/config/`. */
  readonly configFiles?: readonly string[];
  /** Where `stacks/<name>/cdk.tf.json` go. */
  readonly outdir: string;
  /** When the cdktf CLI runs the app it manages its output folder: stale stack folders are left to it. */
  readonly managedByCdktfCli?: boolean;
  /** Check only: the stacks are built in memory (to count their resources), and nothing is written. */
  readonly checkOnly?: boolean;
  /** The package's own TypeScript entry, which `.ts` configs may import by package name (source checkouts). */
  readonly packageEntry?: string | null;
}

/** Problems and warnings of one config file. */
export interface FileReport {
  readonly file: string;
  readonly problems: readonly ConfigProblem[];
  readonly warnings: readonly ConfigProblem[];
}

export interface SynthesizedStack {
  readonly name: string;
  readonly file: string;
  /** Absolute path of the written `cdk.tf.json`; absent when checking only. */
  readonly path?: string;
  readonly resources: number;
  /** The policy linter's findings on the written stack (suppressed ones carry their reason); absent when checking only. */
  readonly findings?: readonly LintFinding[];
}

export interface SynthAppOutcome {
  readonly ok: boolean;
  /** One entry per config file, in file order. */
  readonly files: readonly FileReport[];
  /** Problems that belong to no single config (no configs found, the handler build). */
  readonly general: readonly ConfigProblem[];
  /** The checked configs (also when `checkOnly`). */
  readonly configs: readonly StackConfig[];
  /** The stacks (written unless checking only); empty when anything failed. */
  readonly stacks: readonly SynthesizedStack[];
  readonly notices: readonly StackFolderNotice[];
}

/** Reads and checks every config; two configs that make the same stack are a problem of both. */
export async function checkConfigFiles(
  options: Pick<SynthAppOptions, "root" | "configFiles" | "packageEntry">,
): Promise<Pick<SynthAppOutcome, "ok" | "files" | "general" | "configs">> {
  const files = options.configFiles ?? discoverConfigs(resolve(options.root, "config"));
  if (files.length === 0) {
    const general = [{ path: "config", message: "no configs found", fix: "add config/<tenant>/<environment>.ts (or .json, .tfvars) or pass --config <file>" }];
    return { ok: false, files: [], general, configs: [] };
  }
  const results = (await readConfigFiles(files, options.root, { packageEntry: options.packageEntry })).map(checkStackConfig);
  const reports = results.map((r) => ({ file: r.file, problems: [...r.problems], warnings: [...r.warnings] }));
  const byName = new Map<string, StackConfig>();
  for (const [i, result] of results.entries()) {
    const config = result.config;
    if (!config) continue;
    const other = byName.get(config.stackName);
    if (other) {
      reports[i]!.problems.push({
        path: "tenant",
        message: `${config.file} and ${other.file} both make stack "${config.stackName}"`,
        fix: "give each tenant environment its own tenant/environment",
      });
    }
    byName.set(config.stackName, config);
  }
  const ok = reports.every((r) => r.problems.length === 0);
  return { ok, files: reports, general: [], configs: ok ? [...byName.values()] : [] };
}

/** Checks every config, then (unless `checkOnly`) writes one stack per config. */
export async function synthApp(options: SynthAppOptions): Promise<SynthAppOutcome> {
  const checked = await checkConfigFiles(options);
  const none = { stacks: [], notices: [] };
  if (!checked.ok) return { ...checked, ...none };
  const configs = checked.configs;

  let handlerArtifacts: Record<string, HandlerArtifact> | undefined;
  if (configs.some((config) => config.application)) {
    try {
      handlerArtifacts = await ensureHandlersBuilt({ root: options.root });
    } catch (error) {
      const message = `the build failed: ${(error as Error).message.split("\n")[0]}`;
      return { ...checked, ok: false, general: [{ path: "handlers", message, fix: "run npm run build:handlers to see every error" }], ...none };
    }
  }

  if (options.checkOnly) {
    const scratch = mkdtempSync(join(tmpdir(), "apigw-check-"));
    try {
      const app = new App({ outdir: scratch, skipValidation: true });
      const stacks = configs.map((config) => {
        const stack = new ApiGatewayStack(app, config, { handlerArtifacts });
        const resources = stack.node.findAll().filter((c) => TerraformResource.isTerraformResource(c)).length;
        return { name: config.stackName, file: config.file, resources };
      });
      return { ...checked, stacks, notices: [] };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  const outdir = resolve(options.outdir);
  const app = new App({ outdir, skipValidation: true });
  for (const config of configs) new ApiGatewayStack(app, config, { handlerArtifacts });
  app.synth();
  const names = new Set(configs.map((c) => c.stackName));
  // An explicit list of configs leaves every other stack folder alone, as does a run under the cdktf CLI.
  const pruneStale = !options.configFiles && !options.managedByCdktfCli;
  const notices = [...legacyStateNotices(outdir, names), ...(pruneStale ? removeStaleStackFolders(outdir, names) : [])];
  const files = checked.files.map((report) => ({ ...report, warnings: [...report.warnings] }));
  const stacks = configs.map((config) => {
    const path = resolve(outdir, "stacks", config.stackName, "cdk.tf.json");
    const findings = lintWrittenStack(config, path);
    files.find((f) => f.file === config.file)?.warnings.push(...lintWarnings(config, findings));
    return { name: config.stackName, file: config.file, path, resources: countResources(path), findings };
  });
  return { ...checked, files, stacks, notices };
}

/** Resources (not data sources) in a synthesized stack. */
export function countResources(cdkTfJsonPath: string): number {
  const stack = JSON.parse(readFileSync(cdkTfJsonPath, "utf8")) as { resource?: Record<string, Record<string, unknown>> };
  return Object.values(stack.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}
