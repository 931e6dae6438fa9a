import { App, TerraformResource } from "cdktf";
import { existsSync, mkdtempSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureHandlersBuilt, type HandlerArtifact } from "../bin/build-handlers.mjs";
import { ConfigValidationError, type ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import { configPathByScope, duplicateAddressProblems } from "../modules/common/terraform-addresses.js";
import { ApiGatewayStack } from "./api-gateway-stack.js";
import { checkConfigFiles, type FileReport } from "./check-config-files.js";
import type { StackConfig } from "./load-stack-configs.js";
import { lintWarnings, lintWrittenStack } from "./lint-stacks.js";
import type { LintFinding } from "../modules/lint/types.js";
import { legacyStateNotices, removeStaleStackFolders, type StackFolderNotice } from "./stack-folders.js";

export { checkConfigFiles, type FileReport };

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
  /**
   * Check only: every config is loaded and checked, and nothing is built or written (no handler build, no
   * stacks), which keeps it fast enough for a pre-commit hook. Constructs never re-check what the loader
   * checked, so a config that passes here synthesizes.
   */
  readonly checkOnly?: boolean;
  /** With `checkOnly`: build the stacks in memory to count their resources (slower; the import command's report). */
  readonly countResources?: boolean;
  /** The package's own TypeScript entry, which `.ts` configs may import by package name (source checkouts). */
  readonly packageEntry?: string | null;
}

export interface SynthesizedStack {
  readonly name: string;
  readonly file: string;
  /** Absolute path of the written `cdk.tf.json`; absent when checking only. */
  readonly path?: string;
  /** Resources in the written stack; absent when checking only. */
  readonly resources?: number;
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

/** Checks every config, then (unless `checkOnly`) writes one stack per config. */
export async function synthApp(options: SynthAppOptions): Promise<SynthAppOutcome> {
  const checked = await checkConfigFiles(options);
  const none = { stacks: [], notices: [] };
  if (!checked.ok) return { ...checked, ...none };
  const configs = checked.configs;
  if (options.checkOnly && !options.countResources) return { ...checked, stacks: configs.map((config) => ({ name: config.stackName, file: config.file })), notices: [] };

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
      const built = buildStacks(new App({ outdir: scratch, skipValidation: true }), checked, handlerArtifacts);
      if (!built.ok) return { ...built, ...none };
      const stacks = built.stacks.map(({ config, stack }) => ({ name: config.stackName, file: config.file, resources: stack.node.findAll().filter((c) => TerraformResource.isTerraformResource(c)).length }));
      return { ...checked, stacks, notices: [] };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  const outdir = resolve(options.outdir);
  // cdktf's App creates the output folder and its stacks/ folder at once; a run that fails removes them again
  // when it made them (empty, so nothing else is lost).
  const made = [outdir, resolve(outdir, "stacks")].filter((dir) => !existsSync(dir));
  const app = new App({ outdir, skipValidation: true });
  const built = buildStacks(app, checked, handlerArtifacts);
  if (!built.ok) {
    for (const dir of made.reverse()) rmdirSync(dir);
    return { ...built, ...none };
  }
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

/**
 * Builds every stack's constructs (nothing is written yet). What the constructs refuse, and two resources with
 * one Terraform address, come back as problems of that config rather than as a stack trace.
 */
function buildStacks(
  app: App,
  checked: Pick<SynthAppOutcome, "ok" | "files" | "general" | "configs">,
  handlerArtifacts: Record<string, HandlerArtifact> | undefined,
): Pick<SynthAppOutcome, "ok" | "files" | "general" | "configs"> & { stacks: { config: StackConfig; stack: ApiGatewayStack }[] } {
  const files = checked.files.map((f) => ({ ...f, problems: [...f.problems] }));
  const stacks: { config: StackConfig; stack: ApiGatewayStack }[] = [];
  for (const config of checked.configs) {
    let problems: ConfigProblem[];
    try {
      const stack = new ApiGatewayStack(app, config, { handlerArtifacts });
      problems = duplicateAddressProblems(stack, configPathByScope(new Map([[stack.module, "config"]]), "application"));
      stacks.push({ config, stack });
    } catch (error) {
      if (!(error instanceof ConfigValidationError)) {
        problems = [{ path: "config", message: `cannot be built: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`, fix: "check the keys and values this line names" }];
      } else problems = [...error.problems];
    }
    files.find((f) => f.file === config.file)?.problems.push(...problems);
  }
  const ok = files.every((f) => f.problems.length === 0);
  return { ...checked, ok, files, stacks };
}

/** Resources (not data sources) in a synthesized stack. */
export function countResources(cdkTfJsonPath: string): number {
  const stack = JSON.parse(readFileSync(cdkTfJsonPath, "utf8")) as { resource?: Record<string, Record<string, unknown>> };
  return Object.values(stack.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}
