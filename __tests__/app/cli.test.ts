import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { example, REPO_ROOT, runApp, writeTempConfig, withoutLintWarnings } from "../support/synth.js";

const freshOutdir = () => join(mkdtempSync(join(tmpdir(), "apigw-out-")), "out");
const stacksIn = (outdir: string) => readdirSync(join(outdir, "stacks")).sort();

describe("the app (bin/app.mjs → main.ts)", () => {
  test("APIGW_CONFIG with a tfvars.json outside the repository writes exactly one stack, named after the file", () => {
    const file = writeTempConfig("orders.tfvars.json", example("multi-api-http.tfvars.json"));
    const outdir = freshOutdir();
    const run = runApp(file, outdir);
    expect(withoutLintWarnings(run.stderr)).toBe("");
    expect(run.status).toBe(0);
    expect(stacksIn(outdir)).toEqual(["orders"]);
    const stack = JSON.parse(readFileSync(join(outdir, "stacks", "orders", "cdk.tf.json"), "utf8"));
    expect(Object.keys(stack.resource.aws_apigatewayv2_api)).toEqual(["apigw__iot_api", "apigw__mobile_api"]);
    // A bare module config leaves the region and the backend to the pipeline.
    expect(stack.provider.aws).toEqual([{}]);
    expect(stack.terraform.backend).toEqual({ local: { path: "../../../terraform.orders.tfstate" } });
  });

  test("a .ts config outside the repository: a plain default export, or defineConfig imported by package name", () => {
    const dir = mkdtempSync(join(tmpdir(), "apigw-ts-"));
    writeFileSync(join(dir, "plain.ts"), `const config = { name_prefix: "plain", http_apis: { a: { stages: { live: {} } } } };\nexport default config;\n`);
    writeFileSync(
      join(dir, "typed.ts"),
      `import { defineConfig } from "cdktf-apigateway";\nexport default defineConfig({ tenant: "initech", environment: "qa", region: "us-west-2", name_prefix: "initech-qa", http_apis: { a: { stages: { live: {} } } } });\n`,
    );
    const plainOut = freshOutdir();
    expect(runApp(join(dir, "plain.ts"), plainOut).status).toBe(0);
    expect(stacksIn(plainOut)).toEqual(["plain"]);
    const typedOut = freshOutdir();
    const typed = runApp(join(dir, "typed.ts"), typedOut);
    expect(withoutLintWarnings(typed.stderr)).toBe("");
    expect(stacksIn(typedOut)).toEqual(["initech-qa"]);
    const stack = JSON.parse(readFileSync(join(typedOut, "stacks", "initech-qa", "cdk.tf.json"), "utf8"));
    expect(stack.provider.aws).toEqual([{ region: "us-west-2", default_tags: [{ tags: { Tenant: "initech", Environment: "qa", ManagedBy: "cdktf-apigateway" } }] }]);
  });

  test("an invalid config exits 1, prints one line per problem starting with its path, no stack trace, writes nothing", () => {
    const file = writeTempConfig("bad.tfvars.json", example("vpc-links.tfvars.json"));
    const outdir = freshOutdir();
    const run = runApp(file, outdir);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^http_apis\.internal\.integrations\.(user|order)_service\.(connection_id|integration_uri): /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(outdir)).toBe(false);
  });

  test("a config that fails leaves an existing output folder as it was", () => {
    const outdir = freshOutdir();
    expect(runApp(writeTempConfig("good.tfvars.json", example("multi-api-http.tfvars.json")), outdir).status).toBe(0);
    const before = readFileSync(join(outdir, "stacks", "good", "cdk.tf.json"), "utf8");
    expect(runApp(writeTempConfig("good.tfvars.json", { name_prefix: "x", http_apis: { a: { waf_acl_arn: "arn" } } }), outdir).status).toBe(1);
    expect(stacksIn(outdir)).toEqual(["good"]);
    expect(readFileSync(join(outdir, "stacks", "good", "cdk.tf.json"), "utf8")).toBe(before);
  });

  test("warnings are printed at their config path and the synth succeeds", () => {
    const run = runApp(writeTempConfig("auth.tfvars.json", example("http-api-auth-fixed.tfvars.json")), freshOutdir());
    expect(run.status).toBe(0);
    expect(run.stderr.trim().split("\n")).toEqual([
      "http_apis.api_v2.stages.v2.default_route_settings.logging_level: warning: ignored: HTTP APIs have no execution logs (REST and WebSocket APIs do), and AWS rejects the setting; remove it; access logs (access_log_settings) are the HTTP API's logs",
      "http_apis.api_v2.stages.v2.default_route_settings.data_trace_enabled: warning: ignored: HTTP APIs have no data trace logging (REST and WebSocket APIs do), and AWS rejects the setting; remove it",
    ]);
  });

  test("unreadable files say so at the config path", () => {
    const badJson = runApp(writeTempConfig("broken.tfvars.json", "{ not json"), freshOutdir());
    expect(badJson.status).toBe(1);
    expect(badJson.stderr).toMatch(/^config: cannot be read: /);
    const badTs = runApp(writeTempConfig("broken.ts", "export default {{;"), freshOutdir());
    expect(badTs.status).toBe(1);
    expect(badTs.stderr).toMatch(/^config: cannot be read: line 1: /);
    expect(badTs.stderr).not.toMatch(/\n\s+at /);
  });

  test("environment settings are checked too", () => {
    const run = runApp(writeTempConfig("env.json", { tenant: "Acme Corp", environment: "prod", name_prefix: "a" }), freshOutdir());
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      'region: is required; use a region code such as "eu-west-1"',
      'tenant: "Acme Corp" is not a valid name; use lower-case letters, digits and -, starting with a letter (at most 31)',
    ]);
  });

  test("without APIGW_CONFIG, every shipped config under config/ becomes its own stack", () => {
    const outdir = freshOutdir();
    const run = runApp(undefined, outdir);
    expect(run.status).toBe(0);
    expect(stacksIn(outdir)).toEqual(["acme-dev", "acme-prod", "globex-prod", "initech-prod", "initech-staging", "northwind-prod"]);
    const prod = JSON.parse(readFileSync(join(outdir, "stacks", "acme-prod", "cdk.tf.json"), "utf8"));
    expect(prod.terraform.backend.s3).toMatchObject({ bucket: "acme-terraform-state", key: "acme/prod/terraform.tfstate", encrypt: true, use_lockfile: true });
  });

  test("`cdktf synth` runs the same app", () => {
    const file = writeTempConfig("via-cli.tfvars.json", example("multi-api-http.tfvars.json"));
    const run = spawnSync(join(REPO_ROOT, "node_modules", ".bin", "cdktf"), ["synth", "--output", freshOutdir()], {
      cwd: REPO_ROOT,
      env: { ...process.env, APIGW_CONFIG: file, CHECKPOINT_DISABLE: "1", CI: "1" },
      encoding: "utf8",
    });
    expect(run.stdout + run.stderr).toContain("Generated Terraform code for the stacks: via-cli");
    expect(run.status).toBe(0);
  });
});
