import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PLUGIN_DIR } from "./terraform.js";

const ENV = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };

function terraform(cwd: string, args: string[]): string {
  return execFileSync("terraform", args, { cwd, encoding: "utf8", env: ENV, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 512 * 1024 * 1024 });
}

/**
 * `terraform validate` for many stacks with one `terraform init`: every stack uses the same aws provider from the
 * offline mirror, so one initialized folder serves them all, one stack at a time. Validate checks the JSON
 * against the provider's schema and its validators (lengths, ranges, patterns), offline. The state backend is
 * replaced by a local one, as in terraform.ts: validate does not read state.
 */
export class TerraformValidator {
  private readonly dir = mkdtempSync(join(tmpdir(), "apigw-validate-"));
  private initialized = false;

  /** The diagnostics of `terraform validate -json` for a synthesized stack folder ([] when valid). */
  validate(stackDir: string): { valid: boolean; diagnostics: unknown[] } {
    for (const entry of readdirSync(this.dir)) if (entry !== ".terraform" && entry !== ".terraform.lock.hcl") rmSync(join(this.dir, entry), { recursive: true, force: true });
    cpSync(stackDir, this.dir, { recursive: true });
    writeFileSync(join(this.dir, "offline_override.tf.json"), JSON.stringify({ terraform: { backend: { local: { path: "test.tfstate" } } } }));
    if (!this.initialized) {
      terraform(this.dir, ["init", "-input=false", "-no-color", "-backend=false", `-plugin-dir=${PLUGIN_DIR}`]);
      this.initialized = true;
    }
    try {
      return JSON.parse(terraform(this.dir, ["validate", "-json", "-no-color"])) as { valid: boolean; diagnostics: unknown[] };
    } catch (error) {
      const stdout = (error as { stdout?: string }).stdout;
      if (stdout) return JSON.parse(stdout) as { valid: boolean; diagnostics: unknown[] };
      throw error;
    }
  }

  /**
   * Validates several stacks in one run (loading the aws provider's schema costs seconds per run): each stack is a
   * child module of one root, without its state backend, which only a root module has. Diagnostics name the
   * module (`m0`, `m1`, ...) in their file names.
   */
  validateAll(stackDirs: readonly string[]): { valid: boolean; diagnostics: { severity: string; summary: string; detail?: string; range?: { filename: string } }[] } {
    const root = mkdtempSync(join(tmpdir(), "apigw-validate-all-"));
    try {
      const modules: Record<string, { source: string }> = {};
      stackDirs.forEach((stackDir, i) => {
        const dir = join(root, `m${i}`);
        cpSync(stackDir, dir, { recursive: true });
        const file = join(dir, "cdk.tf.json");
        const stack = JSON.parse(readFileSync(file, "utf8"));
        if (stack.terraform) delete stack.terraform.backend;
        writeFileSync(file, JSON.stringify(stack));
        modules[`m${i}`] = { source: `./m${i}` };
      });
      writeFileSync(join(root, "main.tf.json"), JSON.stringify({ module: modules }));
      terraform(root, ["init", "-input=false", "-no-color", "-backend=false", `-plugin-dir=${PLUGIN_DIR}`]);
      try {
        return JSON.parse(terraform(root, ["validate", "-json", "-no-color"]));
      } catch (error) {
        const stdout = (error as { stdout?: string }).stdout;
        if (stdout) return JSON.parse(stdout);
        throw error;
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
