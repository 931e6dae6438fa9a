import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tfvars } from "../support/hcl-writer.js";
import { cli, readJson, tempDir, writeFile } from "../support/import.js";
import { example } from "../support/synth.js";

const POLICY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "*" }] };

describe("cdktf-apigateway import", () => {
  test("file() of files beside the .tf become their text; the TypeScript config it writes synthesizes", async () => {
    const dir = tempDir();
    writeFile(dir, "policy.json", `${JSON.stringify(POLICY, null, 2)}\n`);
    writeFile(dir, "api.yaml", "openapi: 3.0.1\ninfo:\n  title: pets\n  version: '1'\npaths:\n  /pets:\n    get:\n      x-amazon-apigateway-integration:\n        type: mock\n");
    const tf = writeFile(
      dir,
      "main.tf",
      `module "pets" {
  source      = "git::https://example.com/modules/api-gateway.git?ref=v1"
  version     = "1.0.0"
  name_prefix = "pets"
  rest_apis = {
    public = {
      endpoint_configuration = { types = ["REGIONAL"] }
      policy       = file("\${path.module}/policy.json")
      openapi_spec = file("api.yaml")
      stages       = { live = {} }
    }
  }
}
`,
    );
    const out = join(dir, "configs");
    const run = await cli(["import", tf, "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("note: version: left out: it is Terraform's, not a module input");
    expect(run.stdout.trim().split("\n").at(-1)).toMatch(/^imported 1 module block into 1 config \(1 stack, \d+ resources\) in [\d.]+ s$/);
    const text = readFileSync(join(out, "pets.ts"), "utf8");
    expect(text).toContain("satisfies ApiGatewayModuleConfig;");
    const synth = await cli(["synth", "--config", join(out, "pets.ts"), "--out", join(dir, "cdktf.out"), "--quiet"]);
    expect(synth.stderr).toBe("");
    expect(synth.code).toBe(0);
    const stack = readJson(join(dir, "cdktf.out", "stacks", "pets", "cdk.tf.json"));
    const api = stack.resource.aws_api_gateway_rest_api.apigw__public;
    expect(JSON.parse(api.policy)).toEqual(POLICY);
    expect(JSON.parse(api.body).paths["/pets"].get["x-amazon-apigateway-integration"].type).toBe("mock");
  });

  test("a tfvars file becomes one config named after it; --format json writes it as .tfvars.json", async () => {
    const dir = tempDir();
    const file = writeFile(dir, "orders.tfvars", tfvars({ ...example("multi-api-http.tfvars.json"), log_retention_days: "30" }));
    const run = await cli(["import", file, "--out", dir, "--format", "json", "--quiet"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^imported 1 file into 1 config \(1 stack, \d+ resources\) in [\d.]+ s\n$/);
    expect(readJson(join(dir, "orders.tfvars.json"))).toEqual({ ...example("multi-api-http.tfvars.json"), log_retention_days: 30 });
  });

  test("--module picks blocks; a name that is not there is a problem at its path; count is not translatable", async () => {
    const dir = tempDir();
    const tf = writeFile(
      dir,
      "main.tf",
      `module "a" {
  source      = "./modules/api-gateway"
  name_prefix = "a"
  http_apis   = { x = { stages = { live = {} } } }
}
module "b" {
  source      = "./modules/api-gateway"
  count       = 2
  name_prefix = "b"
}
`,
    );
    const only = await cli(["import", tf, "--module", "a", "--out", join(dir, "only-a"), "--quiet"]);
    expect(only.code).toBe(0);
    expect(readdirSync(join(dir, "only-a"))).toEqual(["a.ts"]);
    const missing = await cli(["import", tf, "--module", "c", "--out", join(dir, "none")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("module.c: no such module block; blocks in the file: a, b\n");
    const all = await cli(["import", tf, "--out", join(dir, "all")]);
    expect(all.code).toBe(1);
    expect(all.stderr).toContain("count: repeats the module block, which one config cannot express;");
    expect(existsSync(join(dir, "all"))).toBe(false);
  });

  test("--json lists untranslated values as problems with file, path, message and fix", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "x"));
    const tf = writeFile(dir, "main.tf", `module "gw" {\n  source = "./modules/api-gateway"\n  name_prefix = local.prefix\n}\n`);
    const run = await cli(["import", tf, "--json", "--out", join(dir, "x")]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.problems).toEqual([
      {
        file: `${tf} module "gw"`,
        path: "name_prefix",
        message: "${local.prefix} cannot be translated: it refers to local.prefix, which only Terraform knows",
        fix: "write the value itself in the config (a string, number, bool, list or map)",
        severity: "error",
      },
    ]);
    expect(readdirSync(join(dir, "x"))).toEqual([]);
  });
});
