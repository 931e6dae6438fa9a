import { App, TerraformStack } from "cdktf";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureHandlersBuilt, type HandlerArtifact } from "../../bin/build-handlers.mjs";
import { ApiGatewayStack } from "../../stacks/api-gateway-stack.js";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";

export const REPO_ROOT = resolve(import.meta.dirname, "..", "..");

export function example(name: string): any {
  return JSON.parse(readFileSync(join(REPO_ROOT, "examples", name), "utf8"));
}

/** Synthesizes one config in-process, as main.ts does; returns the stack folder and its JSON text. */
export function synthConfig(value: unknown, stackName = "test", handlerArtifacts?: Record<string, HandlerArtifact>): { dir: string; json: string; stack: any } {
  const result = checkStackConfig({ file: `${stackName}.tfvars.json`, value });
  if (!result.config) throw new Error(`config has problems:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join("\n")}`);
  const outdir = mkdtempSync(join(tmpdir(), "apigw-synth-"));
  const app = new App({ outdir, skipValidation: true });
  new ApiGatewayStack(app, result.config, { handlerArtifacts });
  app.synth();
  const dir = join(outdir, "stacks", result.config.stackName);
  const json = readFileSync(join(dir, "cdk.tf.json"), "utf8");
  return { dir, json, stack: JSON.parse(json) };
}

/** The built handler zips (built once per source state, shared with the handler tests). */
export function builtHandlers(): Promise<Record<string, HandlerArtifact>> {
  return ensureHandlersBuilt({ root: REPO_ROOT });
}

/** Problems of a config as the lines a user sees, or [] when it is valid. */
export function problemLines(value: unknown): string[] {
  const result = checkStackConfig({ file: "test.tfvars.json", value });
  return result.problems.map((p) => (p.fix ? `${p.path}: ${p.message}; ${p.fix}` : `${p.path}: ${p.message}`));
}

export function warningLines(value: unknown): string[] {
  const result = checkStackConfig({ file: "test.tfvars.json", value });
  return result.warnings.map((p) => `${p.path}: ${p.message}`);
}

/** Runs the real app (bin/app.mjs → main.ts) as a user would, with APIGW_CONFIG and CDKTF_OUTDIR. */
export function runApp(configFile: string | undefined, outdir: string, extraEnv: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env, CDKTF_OUTDIR: outdir, ...extraEnv };
  if (configFile === undefined) delete env.APIGW_CONFIG;
  else env.APIGW_CONFIG = configFile;
  const result = spawnSync(process.execPath, [join(REPO_ROOT, "bin", "app.mjs")], { cwd: REPO_ROOT, env, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function writeTempConfig(name: string, value: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "apigw-config-"));
  const file = join(dir, name);
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return file;
}

export { TerraformStack };

/** stderr without the policy linter's warning lines (synth prints its findings as warnings). */
export function withoutLintWarnings(stderr: string): string {
  return stderr
    .split("\n")
    .filter((line) => !/^(# .*|[\w.*-]+: warning: \[APIGW-[A-Z0-9-]+\] .*)$/.test(line))
    .join("\n");
}
