import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { example, runApp, writeTempConfig } from "../support/synth.js";
import { PLUGIN_DIR } from "../support/terraform.js";

/** A snapshot of every file under a folder: path -> content and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isSymbolicLink()) out[path.slice(dir.length)] = `-> ${readlinkSync(path)}`;
      else out[path.slice(dir.length)] = `${readFileSync(path, "utf8")}@${statSync(path).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

function stackFolder(outdir: string, name: string, files: Record<string, string>): string {
  const dir = join(outdir, "stacks", name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

const STATE = JSON.stringify({ version: 4, terraform_version: "1.11.0", serial: 3, lineage: "9a0c6b9e-0000-4000-8000-000000000001", outputs: {}, resources: [] });

function terraform(cwd: string, args: string[]): string {
  return execFileSync("terraform", args, { cwd, encoding: "utf8", env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" }, stdio: ["ignore", "pipe", "pipe"] });
}

describe("state and stack folders are never deleted", () => {
  test("local state lives beside the output folder, where Terraform really writes it, and synth never touches it", () => {
    const root = mkdtempSync(join(tmpdir(), "apigw-state-"));
    const outdir = join(root, "out");
    const config = writeTempConfig("orders.tfvars.json", example("multi-api-http.tfvars.json"));
    expect(runApp(config, outdir).status).toBe(0);
    const stackDir = join(outdir, "stacks", "orders");
    const stack = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
    expect(stack.terraform.backend).toEqual({ local: { path: "../../../terraform.orders.tfstate" } });

    // Terraform itself, with the stack's own backend: the state it writes lands outside the output folder.
    terraform(stackDir, ["init", "-input=false", "-no-color", `-plugin-dir=${PLUGIN_DIR}`]);
    const pushed = join(root, "pushed.tfstate");
    writeFileSync(pushed, STATE);
    terraform(stackDir, ["state", "push", "-lock=false", pushed]);
    const stateFile = join(root, "terraform.orders.tfstate");
    expect(JSON.parse(readFileSync(stateFile, "utf8")).lineage).toBe(JSON.parse(STATE).lineage);
    expect(readdirSync(stackDir).filter((f) => f.includes("tfstate"))).toEqual([]);

    const before = `${readFileSync(stateFile, "utf8")}@${statSync(stateFile).mtimeMs}`;
    const terraformDir = snapshot(join(stackDir, ".terraform"));
    expect(runApp(config, outdir).status).toBe(0);
    expect(runApp(writeTempConfig("other.tfvars.json", example("multi-api-http.tfvars.json")), outdir).status).toBe(0);
    expect(`${readFileSync(stateFile, "utf8")}@${statSync(stateFile).mtimeMs}`).toBe(before);
    expect(snapshot(join(stackDir, ".terraform"))).toEqual(terraformDir);
  });

  test("a single-config run leaves every other stack folder as it was, state or not", () => {
    const outdir = join(mkdtempSync(join(tmpdir(), "apigw-single-")), "out");
    stackFolder(outdir, "old-plain", { "cdk.tf.json": "{}" });
    stackFolder(outdir, "old-with-state", { "cdk.tf.json": "{}", "terraform.tfstate": STATE, ".terraform/terraform.tfstate": "{}" });
    const before = snapshot(join(outdir, "stacks"));
    const run = runApp(writeTempConfig("orders.tfvars.json", example("multi-api-http.tfvars.json")), outdir);
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/removed|kept/);
    const after = snapshot(join(outdir, "stacks"));
    for (const [file, content] of Object.entries(before)) expect(after[file]).toBe(content);
  });

  test("a full run removes only stale folders that hold nothing but synth output, prints each removal, and keeps and names the rest", () => {
    const outdir = join(mkdtempSync(join(tmpdir(), "apigw-full-")), "out");
    stackFolder(outdir, "gone-plain", { "cdk.tf.json": "{}", "assets/fn/archive.zip": "zip" });
    stackFolder(outdir, "gone-with-state", { "cdk.tf.json": "{}", "terraform.tfstate": STATE, "terraform.tfstate.backup": STATE });
    stackFolder(outdir, "gone-initialised", { "cdk.tf.json": "{}", ".terraform/providers/x": "binary" });
    stackFolder(outdir, "gone-with-workspaces", { "cdk.tf.json": "{}", "terraform.tfstate.d/blue/terraform.tfstate": STATE });
    stackFolder(outdir, "gone-with-user-file", { "cdk.tf.json": "{}", "backend_override.tf.json": "{}" });
    // A current stack whose state sits where an earlier version put it: kept, and the way to move it is printed.
    stackFolder(outdir, "globex-prod", { "terraform.tfstate": STATE });
    const kept = ["gone-with-state", "gone-initialised", "gone-with-workspaces", "gone-with-user-file"];
    const keptBefore = snapshot(join(outdir, "stacks"));

    const run = runApp(undefined, outdir);
    expect(run.status).toBe(0);
    expect(existsSync(join(outdir, "stacks", "gone-plain"))).toBe(false);
    expect(run.stdout).toMatch(/^removed \S*stacks\/gone-plain: no config makes stack "gone-plain" any more$/m);
    expect(run.stdout.match(/^removed /gm)).toHaveLength(1);
    const after = snapshot(join(outdir, "stacks"));
    for (const [file, content] of Object.entries(keptBefore)) if (!file.startsWith("/gone-plain/") && !file.endsWith("cdk.tf.json")) expect(after[file]).toBe(content);
    for (const name of kept) expect(run.stderr).toMatch(new RegExp(`^warning: kept \\S*stacks/${name}: no config makes stack "${name}" any more, but it holds .*; destroy or move that state, then delete the folder yourself$`, "m"));
    expect(run.stderr).toMatch(/^warning: \S*stacks\/globex-prod\/terraform\.tfstate holds state at the old location; run `terraform init -migrate-state` in its folder/m);
    expect(readFileSync(join(outdir, "stacks", "globex-prod", "terraform.tfstate"), "utf8")).toBe(STATE);
  });
});
