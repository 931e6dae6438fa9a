import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatProblem } from "../../modules/api-gateway/validation/problems.js";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";
import { readConfigFiles } from "../../stacks/read-config-files.js";
import { REPO_ROOT } from "../support/synth.js";
import { expectRefused } from "./support.js";

const GOOD = (prefix: string) => `export default { name_prefix: "${prefix}", http_apis: { a: { stages: { live: {} } } } };\n`;

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "apigw-ts-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("a .ts config that does not build is reported once, under its own name", () => {
  test("a syntax error in one of three configs", async () => {
    const dir = tempDir({ "one.ts": GOOD("one"), "two.ts": `export default { name_prefix: "two", http_apis: { ;\n`, "three.ts": GOOD("three") });
    const files = ["one.ts", "two.ts", "three.ts"].map((f) => join(dir, f));
    const results = (await readConfigFiles(files, REPO_ROOT)).map(checkStackConfig);
    expect(results.map((r) => r.problems.map(formatProblem))).toEqual([[], [expect.stringMatching(/^config: cannot be read: line 1: /)], []]);
    expect(results.map((r) => r.config?.stackName)).toEqual(["one", undefined, "three"]);
  });

  test("an error in a module two configs import is reported under those two only", async () => {
    const dir = tempDir({
      "shared.ts": `export const prefix: string = "x" +;\n`,
      "a.ts": `import { prefix } from "./shared.js";\nexport default { name_prefix: prefix, http_apis: {} };\n`,
      "b.ts": `import { prefix } from "./shared.js";\nexport default { name_prefix: prefix, http_apis: {} };\n`,
      "c.ts": GOOD("c"),
    });
    const results = await readConfigFiles(["a.ts", "b.ts", "c.ts"].map((f) => join(dir, f)), REPO_ROOT);
    expect(results.map((r) => ("error" in r ? r.error : "ok"))).toEqual([expect.stringMatching(/^shared\.ts line 1: /), expect.stringMatching(/^shared\.ts line 1: /), "ok"]);
  });
});

describe("a .ts config's values that JSON cannot carry are errors at their path", () => {
  test("through the app: exit 1, one line per value at its path, nothing written", () => {
    const dir = tempDir({
      "odd.ts": [
        `const config: any = { name_prefix: "odd", http_apis: { a: { stages: { live: {} } } } };`,
        `config.http_apis.a.self = config;`,
        `config.log_retention_days = Infinity;`,
        `config.common_tags = { when: new Date(0) };`,
        `Object.defineProperty(config.http_apis.a, "routes", { enumerable: true, get() { throw new Error("boom"); } });`,
        `export default config;`,
      ].join("\n"),
    });
    const lines = expectRefused(join(dir, "odd.ts"), ["http_apis.a.self: ", "http_apis.a.routes: ", "log_retention_days: ", "common_tags.when: "]);
    expect(lines).toHaveLength(4);
  });
});

describe("npm run synth over a config folder with one broken .ts config", () => {
  test("the broken file's line comes once, under its own header; the others are checked; nothing is written", () => {
    const project = mkdtempSync(join(tmpdir(), "apigw-project-"));
    const env = (tenant: string) => `tenant: "${tenant}", environment: "dev", region: "eu-west-1", name_prefix: "${tenant}-dev"`;
    const files: Record<string, string> = {
      "config/acme/dev.ts": `export default { ${env("acme")}, http_apis: { a: { stages: { live: {} } } } };\n`,
      "config/globex/dev.ts": `export default { ${env("globex")}, http_apis: { a: { stages: { live: {} } ;\n`,
      "config/initech/dev.ts": `export default { ${env("initech")}, http_apis: { a: { stages: { live: {} }, routes: { r: { route_key: "GET /", target: "integrations/none" } } } } };\n`,
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(project, dirname(name)), { recursive: true });
      writeFileSync(join(project, name), text);
    }
    const outdir = join(project, "out");
    const env_: Record<string, string | undefined> = { ...process.env, CDKTF_OUTDIR: outdir };
    delete env_.APIGW_CONFIG;
    const run = spawnSync(process.execPath, [join(REPO_ROOT, "bin", "app.mjs")], { cwd: project, env: env_, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      `# ${join(project, "config/globex/dev.ts")}`,
      expect.stringMatching(/^config: cannot be read: line 1: /),
      `# ${join(project, "config/initech/dev.ts")}`,
      'http_apis.a.routes.r.target: integration "none" is not defined; defined: none',
    ]);
    expect(existsSync(outdir)).toBe(false);
  });
});
