import { App } from "cdktf";
import { existsSync, readdirSync, rmdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { ensureHandlersBuilt, type HandlerArtifact } from "./bin/build-handlers.mjs";
import { ConfigValidationError, formatProblem, oneLine, type ConfigProblem } from "./modules/api-gateway/validation/problems.js";
import { configPathByScope, duplicateAddressProblems } from "./modules/common/terraform-addresses.js";
import { ApiGatewayStack } from "./stacks/api-gateway-stack.js";
import { discoverConfigs } from "./stacks/discover-configs.js";
import { checkStackConfig, type StackConfig } from "./stacks/load-stack-configs.js";
import { readConfigFiles } from "./stacks/read-config-files.js";

/**
 * The app: every config under config/ (or the one APIGW_CONFIG names) becomes one stack in
 * $CDKTF_OUTDIR/stacks/<name>/cdk.tf.json. All configs are checked before anything is written; any problem
 * exits 1 with one line per problem and leaves the output folder as it was.
 */
async function main(): Promise<number> {
  const repoRoot = process.cwd();
  const single = process.env.APIGW_CONFIG;
  const files = single ? [resolve(single)] : discoverConfigs(resolve(repoRoot, "config"));
  if (files.length === 0) {
    process.stderr.write("config: no configs found; add config/<tenant>/<environment>.ts or set APIGW_CONFIG=<file>\n");
    return 1;
  }
  const results = (await readConfigFiles(files, repoRoot)).map(checkStackConfig);
  const many = results.length > 1;
  let failed = false;
  for (const result of results) {
    const lines = [...result.warnings.map((w) => formatProblem({ ...w, message: `warning: ${w.message}` })), ...result.problems.map(formatProblem)];
    report(many ? result.file : undefined, lines);
    failed ||= result.problems.length > 0;
  }
  const configs = results.flatMap((r) => (r.config ? [r.config] : []));
  const byName = new Map<string, StackConfig>();
  for (const config of configs) {
    const other = byName.get(config.stackName);
    if (other) {
      process.stderr.write(`tenant: ${config.file} and ${other.file} both make stack "${config.stackName}"; give each tenant environment its own tenant/environment\n`);
      failed = true;
    }
    byName.set(config.stackName, config);
  }
  if (failed) return 1;

  let handlerArtifacts: Record<string, HandlerArtifact> | undefined;
  if (configs.some((config) => config.application)) {
    try {
      handlerArtifacts = await ensureHandlersBuilt({ root: repoRoot });
    } catch (error) {
      process.stderr.write(`handlers: the build failed: ${(error as Error).message.split("\n")[0]}; run npm run build:handlers to see every error\n`);
      return 1;
    }
  }

  const outdir = resolve(process.env.CDKTF_OUTDIR ?? "cdktf.out");
  // cdktf's App creates the output folder and its stacks/ folder at once; a run that fails removes them again
  // when it made them (empty, so nothing else is lost).
  const made = [outdir, resolve(outdir, "stacks")].filter((dir) => !existsSync(dir));
  const app = new App({ outdir, skipValidation: true });
  for (const config of configs) {
    const problems = constructStack(app, config, handlerArtifacts);
    report(many ? config.file : undefined, problems.map(formatProblem));
    failed ||= problems.length > 0;
  }
  if (failed) {
    for (const dir of made.reverse()) rmdirSync(dir);
    return 1;
  }
  app.synth();
  removeOrphanedStacks(outdir, new Set(byName.keys()));
  if (!process.env.CDKTF_OUTDIR) {
    for (const config of configs) process.stdout.write(`synthesized ${config.stackName} -> ${resolve(outdir, "stacks", config.stackName, "cdk.tf.json")}\n`);
  }
  return 0;
}

/** One config's lines on stderr, after a `# <file>` header when several configs are checked; one write. */
function report(file: string | undefined, lines: readonly string[]): void {
  if (lines.length === 0) return;
  const header = file === undefined ? "" : `# ${oneLine(file)}\n`;
  process.stderr.write(`${header}${lines.join("\n")}\n`);
}

/**
 * Builds one stack's constructs (nothing is written yet). What the constructs refuse, and two resources with one
 * Terraform address, come back as problems of that config rather than as a stack trace.
 */
function constructStack(app: App, config: StackConfig, handlerArtifacts: Record<string, HandlerArtifact> | undefined): ConfigProblem[] {
  try {
    const stack = new ApiGatewayStack(app, config, { handlerArtifacts });
    return duplicateAddressProblems(stack, configPathByScope(new Map([[stack.module, "config"]]), "application"));
  } catch (error) {
    if (error instanceof ConfigValidationError) return [...error.problems];
    return [{ path: "config", message: `cannot be built: ${firstLine(error)}`, fix: "check the keys and values this line names" }];
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}

/**
 * Stack folders of earlier runs would be taken for current ones by a pipeline. The cdktf CLI removes them
 * itself (and fails if they are gone already), so this runs only when the app is started directly.
 */
function removeOrphanedStacks(outdir: string, current: ReadonlySet<string>): void {
  if (process.env.CDKTF_CONTEXT_JSON?.includes("cdktfRelativeModules")) return;
  const stacksDir = resolve(outdir, "stacks");
  if (!existsSync(stacksDir)) return;
  for (const entry of readdirSync(stacksDir)) {
    if (!current.has(entry)) rmSync(resolve(stacksDir, entry), { recursive: true, force: true });
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  // A user never sees a stack trace; APIGW_DEBUG=1 shows it to whoever fixes the cause.
  process.stderr.write(`config: could not be processed: ${firstLine(error)}\n`);
  if (process.env.APIGW_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
}
