import { describe, expect, test } from "vitest";
import { fixInSyntaxOf } from "../../cli/fix-syntax.js";
import { cli, tempDir, writeFile } from "../support/import.js";
import { tfvars } from "../support/hcl-writer.js";
import { example } from "../support/synth.js";

const FIX = 'add methods (e.g. methods = { health = { path = "/health", http_method = "GET", integration = { type = "MOCK" } } }), or give openapi_spec';

describe("fixes in the syntax of the file they point at", () => {
  test("JSON for .json configs, object literals for .ts, HCL for .tfvars and .tf", () => {
    expect(fixInSyntaxOf("a/b.tfvars.json", FIX)).toBe('add methods (e.g. "methods": { "health": { "path": "/health", "http_method": "GET", "integration": { "type": "MOCK" } } }), or give openapi_spec');
    expect(JSON.parse(`{${/\(e\.g\. (.*)\), or/.exec(fixInSyntaxOf("b.json", FIX))![1]}}`)).toEqual({ methods: { health: { path: "/health", http_method: "GET", integration: { type: "MOCK" } } } });
    expect(fixInSyntaxOf("config/acme/dev.ts", 'set types = ["PRIVATE"], or remove vpc_endpoint_ids')).toBe('set types: ["PRIVATE"], or remove vpc_endpoint_ids');
    expect(fixInSyntaxOf("x.tfvars", FIX)).toBe(FIX);
    expect(fixInSyntaxOf(null, FIX)).toBe(FIX);
    expect(fixInSyntaxOf("x.json", "use a == b")).toBe("use a == b");
  });

  test("the command prints the same problem in JSON for a .tfvars.json and in HCL for a .tfvars, text and --json alike", async () => {
    const dir = tempDir();
    const json = writeFile(dir, "basic.tfvars.json", JSON.stringify(example("rest-api-basic.tfvars.json")));
    const hcl = writeFile(dir, "basic.tfvars", tfvars(example("rest-api-basic.tfvars.json")));
    const fromJson = await cli(["validate", "--config", json]);
    expect(fromJson.code).toBe(1);
    expect(fromJson.stderr).toContain('add methods (e.g. "methods": { "health": { "path": "/health", "http_method": "GET", "integration": { "type": "MOCK" } } })');
    const asJson = JSON.parse((await cli(["validate", "--config", json, "--json"])).stdout);
    expect(asJson.problems[0].fix).toContain('"methods": { "health":');
    const fromHcl = await cli(["validate", "--config", hcl]);
    expect(fromHcl.stderr).toContain('add methods (e.g. methods = { health = { path = "/health"');
  });
});
