import { App } from "cdktf";
import { resolve } from "node:path";
import { ensureHandlersBuilt, type HandlerArtifact } from "./bin/build-handlers.mjs";
import { formatProblem } from "./modules/api-gateway/validation/problems.js";
import { ApiGatewayStack } from "./stacks/api-gateway-stack.js";
import { discoverConfigs } from "./stacks/discover-configs.js";
import { checkStackConfig, type StackConfig } from "./stacks/load-stack-configs.js";
import { readConfigFiles } from "./stacks/read-config-files.js";
import { legacyStateNotices, removeStaleStackFolders } from "./stacks/stack-folders.js";

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
    if (lines.length > 0 && many) process.stderr.write(`# ${result.file}\n`);
    for (const line of lines) process.stderr.write(`${line}\n`);
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
  const app = new App({ outdir, skipValidation: true });
  for (const config of configs) new ApiGatewayStack(app, config, { handlerArtifacts });
  app.synth();
  // The cdktf CLI manages its output folder itself; a single-config run leaves every other stack alone.
  const managedByCli = process.env.CDKTF_CONTEXT_JSON?.includes("cdktfRelativeModules") ?? false;
  const notices = [...legacyStateNotices(outdir, byName.keys()), ...(single || managedByCli ? [] : removeStaleStackFolders(outdir, new Set(byName.keys())))];
  for (const notice of notices) (notice.kind === "removed" ? process.stdout : process.stderr).write(`${notice.message}\n`);
  if (!process.env.CDKTF_OUTDIR) {
    for (const config of configs) process.stdout.write(`synthesized ${config.stackName} -> ${resolve(outdir, "stacks", config.stackName, "cdk.tf.json")}\n`);
  }
  return 0;
}

process.exitCode = await main();
