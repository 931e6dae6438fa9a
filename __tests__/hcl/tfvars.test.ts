import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readTfvars } from "../../stacks/hcl/read-tfvars.js";
import { convertLikeTerraform } from "../../stacks/hcl/terraform-types.js";
import { tfvars } from "../support/hcl-writer.js";
import { cli, tempDir, writeFile } from "../support/import.js";
import { example, runApp, synthConfig, withoutLintWarnings } from "../support/synth.js";

describe("HCL .tfvars files", () => {
  test("read with the HCL parser: the same config as the .tfvars.json, JSON documents via jsonencode, literal ${ kept literal", async () => {
    const dir = tempDir();
    const file = writeFile(dir, "auth.tfvars", tfvars(example("http-api-auth-fixed.tfvars.json")));
    const read = await readTfvars(file);
    expect("value" in read && read.value).toBeTruthy();
    const value = (read as { value: any }).value;
    expect(JSON.parse(value.http_apis.api_v2.stages.v2.access_log_settings.format)).toEqual(JSON.parse(example("http-api-auth-fixed.tfvars.json").http_apis.api_v2.stages.v2.access_log_settings.format));
    const literal = await readTfvars(writeFile(dir, "literal.tfvars", 'name_prefix = "x"\ncommon_tags = { Note = "$${not.a.reference} and %%{ neither }" }\n'));
    expect((literal as { value: any }).value.common_tags.Note).toBe("${not.a.reference} and %{ neither }");
  });

  test("primitives are converted as Terraform converts them for typed variables", () => {
    const converted = convertLikeTerraform({
      name_prefix: "x",
      log_retention_days: "30",
      enable_cloudwatch_logs: "false",
      common_tags: { Version: 2 },
      http_apis: {
        a: {
          description: 12,
          cors_configuration: { max_age: "600", allow_credentials: "true" },
          integrations: { f: { integration_type: "AWS_PROXY", timeout_milliseconds: "29000" } },
          stages: { live: { default_route_settings: { throttling_rate_limit: "100.5", detailed_metrics_enabled: "yes" } } },
        },
      },
    }) as any;
    expect(convertLikeTerraform({ name_prefix: "x", log_kms_key_id: null, http_apis: { a: { description: null } } })).toEqual({ name_prefix: "x", http_apis: { a: {} } });
    expect(converted.log_retention_days).toBe(30);
    expect(converted.enable_cloudwatch_logs).toBe(false);
    expect(converted.common_tags.Version).toBe("2");
    expect(converted.http_apis.a.description).toBe("12");
    expect(converted.http_apis.a.cors_configuration).toEqual({ max_age: 600, allow_credentials: true });
    expect(converted.http_apis.a.integrations.f.timeout_milliseconds).toBe(29000);
    // Not a bool: left as it is, for the loader to report at its path.
    expect(converted.http_apis.a.stages.live.default_route_settings).toEqual({ throttling_rate_limit: 100.5, detailed_metrics_enabled: "yes" });
  });

  test("APIGW_CONFIG takes a .tfvars file as it takes a .tfvars.json, and synthesizes the same stack", () => {
    const dir = tempDir();
    const fixed = example("multi-api-http.tfvars.json");
    const file = writeFile(dir, "orders.tfvars", tfvars({ ...fixed, log_retention_days: "30" }));
    const outdir = join(tempDir("apigw-out-"), "out");
    const run = runApp(file, outdir);
    expect(withoutLintWarnings(run.stderr)).toBe("");
    expect(run.status).toBe(0);
    const written = readFileSync(join(outdir, "stacks", "orders", "cdk.tf.json"), "utf8");
    expect(written).toBe(synthConfig({ ...fixed, log_retention_days: 30 }, "orders").json);
  });

  test("the command takes .tfvars in --config; each expression Terraform would not accept is its own line at its own path", async () => {
    const dir = tempDir();
    const bad = writeFile(
      dir,
      "bad.tfvars",
      'name_prefix = var.prefix\nhttp_apis = { a = { description = "${upper("x")}", stages = { live = { access_log_settings = { format = jsonencode({ id = local.request_id }) } } } } }\n',
    );
    const untranslated = [
      'http_apis.a.description: ${upper("x")} cannot be translated: it calls upper(), which the import does not evaluate; write the value itself in the config (a string, number, bool, list or map)',
      "http_apis.a.stages.live.access_log_settings.format.id: ${local.request_id} cannot be translated: it refers to local.request_id, which only Terraform knows; write the value itself in the config (a string, number, bool, list or map)",
      "name_prefix: ${var.prefix} cannot be translated: it refers to var.prefix, which only Terraform knows; write the value itself in the config (a string, number, bool, list or map)",
    ];
    const run = await cli(["validate", "--config", bad]);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter(Boolean).sort()).toEqual(untranslated);
    // The import lists the same three, one line each, and writes nothing.
    const out = tempDir("apigw-import-out-");
    const imported = await cli(["import", bad, "--out", out]);
    expect(imported.code).toBe(1);
    expect(imported.stderr.split("\n").filter((line) => line.includes("cannot be translated")).sort()).toEqual(untranslated);
    expect(readdirSync(out)).toEqual([]);
    const good = writeFile(dir, "good.tfvars", tfvars(example("multi-api-http.tfvars.json")));
    const ok = await cli(["validate", "--config", good]);
    expect(ok.stdout).toMatch(/^valid: 1 config, 1 stack in [\d.]+ s\n$/);
  });

  test("HCL that does not parse is one line at config, naming the line", async () => {
    const dir = tempDir();
    const broken = writeFile(dir, "broken.tfvars", 'name_prefix = "x"\nhttp_apis = {\n  a = \n}\n');
    const run = await cli(["validate", "--config", broken]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^config: cannot be read: line 3: Invalid expression; [^\n]*\n$/);
  });
});
