import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { IMPORT_HELP, LOCAL_HELP, MAIN_HELP, SYNTH_HELP, TOKEN_HELP, VALIDATE_HELP } from "../../cli/help.js";
import { discoverConfigs } from "../../stacks/discover-configs.js";
import { countResources } from "../../stacks/synth-app.js";
import { cli, tempDir } from "../support/import.js";
import { example, REPO_ROOT, writeTempConfig } from "../support/synth.js";

const SUMMARY = /^synthesized (\d+) stacks?, (\d+) resources? in [\d.]+ s$/;

/** The command as a user runs it: a process, in a folder of the user's. */
function command(args: string[], cwd = tempDir("apigw-cwd-")) {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, "bin", "cli.mjs"), ...args], { cwd, encoding: "utf8", env: { ...process.env, APIGW_CONFIG: "", CDKTF_OUTDIR: "" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, cwd };
}

describe("cdktf-apigateway --help and usage mistakes", () => {
  test.each([
    [[], MAIN_HELP, 2],
    [["--help"], MAIN_HELP, 0],
    [["synth", "--help"], SYNTH_HELP, 0],
    [["validate", "-h"], VALIDATE_HELP, 0],
    [["import", "--help"], IMPORT_HELP, 0],
    [["local", "--help"], LOCAL_HELP, 0],
    [["token", "-h"], TOKEN_HELP, 0],
  ] as const)("%j prints its usage", async (args, help, code) => {
    const run = await cli([...args]);
    expect(run.stdout).toBe(`${help}\n`);
    expect(run.code).toBe(code);
  });

  test.each([
    [["synth", "--bogus"], "cdktf-apigateway: unknown flag --bogus for synth; see cdktf-apigateway synth --help"],
    [["validate", "--out", "x"], "cdktf-apigateway: unknown flag --out for validate; see cdktf-apigateway validate --help"],
    [["synth", "--config"], "cdktf-apigateway: --config needs a value; see cdktf-apigateway synth --help"],
    [["synth", "--json=yes"], "cdktf-apigateway: --json takes no value; see cdktf-apigateway synth --help"],
    [["import", "a.tf", "--format", "yaml"], 'cdktf-apigateway: --format must be ts or json, not "yaml"; see cdktf-apigateway import --help'],
    [["import"], "cdktf-apigateway: import needs a file: a .tf file with module blocks, or a .tfvars / .tfvars.json file; see cdktf-apigateway import --help"],
    [["deploy"], 'cdktf-apigateway: unknown command "deploy"; commands: synth, validate, lint, import, local, token; see cdktf-apigateway --help'],
    [["--bogus"], "cdktf-apigateway: unknown flag --bogus; see cdktf-apigateway --help"],
    [["local", "--bogus"], "cdktf-apigateway: unknown flag --bogus for local; see cdktf-apigateway local --help"],
    [["token", "--tenant"], "cdktf-apigateway: --tenant needs a value; see cdktf-apigateway token --help"],
  ])("%j is an error of one line, exit 2", async (args, line) => {
    const run = await cli(args);
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.stdout).toBe("");
    expect(run.code).toBe(2);
  });

  test("every flag a command's help lists is accepted, and the help lists every flag", async () => {
    for (const [name, help] of [["synth", SYNTH_HELP], ["validate", VALIDATE_HELP], ["import", IMPORT_HELP]] as const) {
      const flags = [...help.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]!);
      expect(flags.length).toBeGreaterThan(3);
      for (const flag of flags) {
        const run = await cli([name, flag, ...(flag === "--help" ? [] : ["--help"])].filter((a, i, all) => all.indexOf(a) === i));
        // Flags that take a value swallow "--help" as their value; either way the flag itself is known.
        expect(run.stderr, `${name} ${flag}`).not.toContain("unknown flag");
      }
    }
  });
});

describe("cdktf-apigateway synth", () => {
  test("writes the stacks and ends with a one-line summary of stacks, resources and time", () => {
    const file = writeTempConfig("orders.tfvars.json", example("multi-api-http.tfvars.json"));
    const run = command(["synth", "--config", file, "--out", "out"]);
    // The policy linter's findings are warnings, one line each; nothing else goes to stderr.
    expect(run.stderr.split("\n").filter((l) => l !== "" && !/^[\w.]+: warning: \[APIGW-[A-Z-]+\] /.test(l))).toEqual([]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toBe(`synthesized orders -> ${join(run.cwd, "out", "stacks", "orders", "cdk.tf.json")}`);
    const [, stacks, resources] = SUMMARY.exec(lines.at(-1)!)!;
    expect(stacks).toBe("1");
    expect(Number(resources)).toBe(countResources(join(run.cwd, "out", "stacks", "orders", "cdk.tf.json")));
  });

  test("--quiet prints only the summary; positional files work like --config", () => {
    const a = writeTempConfig("a.tfvars.json", example("multi-api-http.tfvars.json"));
    const b = writeTempConfig("b.tfvars.json", example("vpc-links-fixed.tfvars.json"));
    const run = command(["synth", a, "-c", b, "-o", "out", "--quiet"]);
    expect(run.stdout).toMatch(/^synthesized 2 stacks, \d+ resources in [\d.]+ s\n$/);
    expect(readdirSync(join(run.cwd, "out", "stacks")).sort()).toEqual(["a", "b"]);
  });

  test("--json: one JSON document with the stacks and their resources; the summary line on stderr", () => {
    const file = writeTempConfig("orders.tfvars.json", example("multi-api-http.tfvars.json"));
    const run = command(["synth", "--config", file, "--out", "out", "--json"]);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(true);
    expect(report.problems.filter((p: { severity: string; message: string }) => p.severity !== "warning" || !p.message.startsWith("[APIGW-"))).toEqual([]);
    expect(report.stacks).toEqual([{ name: "orders", file, path: join(run.cwd, "out", "stacks", "orders", "cdk.tf.json"), resources: countResources(report.stacks[0].path) }]);
    expect(run.stderr.trim()).toMatch(SUMMARY);
  });

  test("--json with problems: each with file, path, message and fix; exit 1; nothing written", () => {
    const file = writeTempConfig("bad.tfvars.json", example("vpc-links.tfvars.json"));
    const run = command(["synth", "--config", file, "--out", "out", "--json"]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(4);
    for (const problem of report.problems) {
      expect(problem).toMatchObject({ file, severity: "error", path: expect.stringMatching(/^http_apis\.internal\.integrations\./) });
      expect(problem.message.length).toBeGreaterThan(10);
      expect(problem.fix.length).toBeGreaterThan(10);
    }
    expect(existsSync(join(run.cwd, "out"))).toBe(false);
  });

  test("the npm scripts go through the command", () => {
    const scripts = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).scripts;
    for (const name of ["synth", "validate", "import", "local", "token"]) expect(scripts[name]).toBe(`node bin/cli.mjs ${name}`);
  });
});

describe("cdktf-apigateway validate", () => {
  test("checks every shipped config and writes nothing", () => {
    const validate = command(["validate"], REPO_ROOT);
    expect(validate.stderr).toBe("");
    expect(validate.status).toBe(0);
    const [, configs, stacks] = /^valid: (\d+) configs, (\d+) stacks in [\d.]+ s\n$/.exec(validate.stdout)!;
    const shipped = discoverConfigs(join(REPO_ROOT, "config"));
    expect(shipped.length).toBeGreaterThanOrEqual(6);
    expect([configs, stacks]).toEqual([String(shipped.length), String(shipped.length)]);
  });

  test("writes nothing in the folder it runs in, and reports problems one line each at their path", () => {
    const file = writeTempConfig("bad.tfvars.json", { name_prefix: "x", http_apis: { a: { waf_acl_arn: "arn" } } });
    const run = command(["validate", "--config", file]);
    expect(run.status).toBe(1);
    for (const line of run.stderr.trim().split("\n")) expect(line).toMatch(/^http_apis\.a\.waf_acl_arn: /);
    expect(readdirSync(run.cwd)).toEqual([]);
  });
});
