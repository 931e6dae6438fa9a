// The stack the local gateway serves: the config synthesized in-process through the same loader and stack
// class as `npm run synth`, into a folder of the local run's state, then read back as Terraform JSON.
import { App } from "cdktf";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureHandlersBuilt, type HandlerArtifact } from "../../bin/build-handlers.mjs";
import { formatProblem } from "../../modules/api-gateway/validation/problems.js";
import { ApiGatewayStack } from "../../stacks/api-gateway-stack.js";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";
import { readConfigFiles } from "../../stacks/read-config-files.js";
import type { StackJson } from "./stack-resources.js";

export interface SynthesizedStack {
  readonly stackName: string;
  /** The stack folder: `cdk.tf.json` and its `assets/`. */
  readonly dir: string;
  readonly json: StackJson;
}

/** A config that cannot be synthesized: the lines synth prints (path-prefixed problems). */
export class ConfigProblems extends Error {
  override name = "ConfigProblems";
  constructor(readonly lines: readonly string[]) {
    super(lines.join("\n"));
  }
}

export async function synthesizeConfig(configFile: string, options: { root: string; outdir: string }): Promise<SynthesizedStack> {
  const [raw] = await readConfigFiles([resolve(configFile)], options.root);
  const result = checkStackConfig(raw!);
  if (!result.config) throw new ConfigProblems(result.problems.map(formatProblem));
  const config = result.config;
  let handlerArtifacts: Record<string, HandlerArtifact> | undefined;
  if (config.application) {
    try {
      handlerArtifacts = await ensureHandlersBuilt({ root: options.root });
    } catch (error) {
      throw new ConfigProblems([`handlers: the build failed: ${(error as Error).message.split("\n")[0]}; run npm run build:handlers to see every error`]);
    }
  }
  const outdir = options.outdir;
  const dir = join(outdir, "stacks", config.stackName);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir, skipValidation: true });
  new ApiGatewayStack(app, config, { handlerArtifacts });
  app.synth();
  return { stackName: config.stackName, dir, json: JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as StackJson };
}
