import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { formatProblem } from "../../modules/api-gateway/validation/problems.js";
import { toPlainData } from "../../modules/common/plain-data.js";
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
    expect(results.map((r) => r.problems.map(formatProblem))).toEqual([[], [expect.stringMatching(/^config: cannot be read: two\.ts line 1: /)], []]);
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

describe("a .ts config's values that JSON cannot carry are errors at their path, never null", () => {
  test("cycles, BigInt, functions, symbols, Infinity, NaN, undefined in lists, class instances, throwing getters", () => {
    const config: any = { name_prefix: "shop", http_apis: { a: { stages: { live: {} } } } };
    const api = config.http_apis.a;
    api.self = config;
    api.description = 10n;
    api.version = () => "1";
    api.name = Symbol("n");
    api.tags = { inf: Infinity, nan: NaN, date: new Date(0), map: new Map(), list: [1, undefined, 2] };
    Object.defineProperty(api, "routes", { enumerable: true, get: () => { throw new Error("boom\nsecond line"); } });
    const { value, problems } = toPlainData(config);
    expect(problems.map(formatProblem)).toEqual([
      "http_apis.a.self: refers back to the config itself (a cycle), which JSON cannot carry; give a copy of the value, not a reference to an enclosing one",
      "http_apis.a.description: is the BigInt 10n, which JSON cannot carry; use a string, number, boolean, list or object",
      "http_apis.a.version: is a function, which JSON cannot carry; use a string, number, boolean, list or object",
      "http_apis.a.name: is a symbol (n), which JSON cannot carry; use a string, number, boolean, list or object",
      "http_apis.a.tags.inf: Infinity cannot be written as JSON; use a finite number",
      "http_apis.a.tags.nan: NaN cannot be written as JSON; use a finite number",
      "http_apis.a.tags.date: is a Date object, not plain data; use a plain object, list, string, number or boolean (a date as an ISO string)",
      "http_apis.a.tags.map: is a Map object, not plain data; use a plain object, list, string, number or boolean (a date as an ISO string)",
      "http_apis.a.tags.list.1: is undefined (or a hole), which a JSON list cannot carry; remove the entry or give a value",
      'http_apis.a.routes: its getter threw: "boom"; export plain data, not a getter',
    ]);
    // Left out, not turned into null.
    expect(JSON.stringify(value)).not.toContain("null");
  });

  test("a shared (not cyclic) object and a CDKTF token string are plain data", () => {
    const stages = { live: {} };
    const { value, problems } = toPlainData({ name_prefix: "shop", http_apis: { a: { stages, description: "${TfToken[TOKEN.12]}" }, b: { stages } } });
    expect(problems).toEqual([]);
    expect(value).toEqual({ name_prefix: "shop", http_apis: { a: { stages: { live: {} }, description: "${TfToken[TOKEN.12]}" }, b: { stages: { live: {} } } } });
  });

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
