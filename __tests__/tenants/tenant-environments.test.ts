import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkConfigFiles, synthApp } from "../../stacks/synth-app.js";
import { REPO_ROOT } from "../support/synth.js";
import { readStack, validateAndPlan } from "../support/terraform.js";

const PACKAGE_ENTRY = join(REPO_ROOT, "index.ts");

function api(name: string) {
  return {
    [name]: {
      integrations: { web: { integration_type: "HTTP_PROXY", integration_uri: "https://backend.example/", integration_method: "ANY" } },
      routes: { any: { route_key: "ANY /{proxy+}", target: "integrations/web" } },
    },
  };
}

/** A config tree: tenant `umbrella` with a base and two environments, tenant `other` with one environment. */
function writeTree(dir: string, team: string): string[] {
  mkdirSync(join(dir, "umbrella"), { recursive: true });
  mkdirSync(join(dir, "other"), { recursive: true });
  writeFileSync(
    join(dir, "umbrella", "_base.ts"),
    `import type { ConfigBase } from "cdktf-apigateway";
export const base: ConfigBase = { tenant: "umbrella", region: "eu-west-1", http_apis: ${JSON.stringify(api("site"))}, common_tags: { Team: "${team}", Cost: "c1" } };
`,
  );
  for (const [environment, account] of [["dev", "111111111111"], ["prod", "222222222222"]]) {
    writeFileSync(
      join(dir, "umbrella", `${environment}.ts`),
      `import { defineConfig, extendBase } from "cdktf-apigateway";
import { base } from "./_base.js";
export default defineConfig(extendBase(base, { environment: "${environment}", account_id: "${account}", name_prefix: "umbrella-${environment}", common_tags: { Cost: null } }));
`,
    );
  }
  writeFileSync(
    join(dir, "other", "prod.json"),
    JSON.stringify({ tenant: "other", environment: "prod", region: "eu-west-1", name_prefix: "other-prod", http_apis: api("site"), log_retention_days: 30 }),
  );
  return [join(dir, "other", "prod.json"), join(dir, "umbrella", "dev.ts"), join(dir, "umbrella", "prod.ts")];
}

async function synthTree(team: string): Promise<Record<string, string>> {
  const root = mkdtempSync(join(tmpdir(), "apigw-tenants-"));
  const files = writeTree(join(root, "config"), team);
  const outdir = join(root, "out");
  const outcome = await synthApp({ root: REPO_ROOT, configFiles: files, outdir, packageEntry: PACKAGE_ENTRY });
  expect(outcome.files.flatMap((f) => f.problems)).toEqual([]);
  return Object.fromEntries(readdirSync(join(outdir, "stacks")).map((name) => [name, readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")]));
}

function writeJson(name: string, value: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "apigw-tenant-config-")), name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

describe("tenant environments", () => {
  test("changing a tenant's base changes all of that tenant's stacks and nothing else", async () => {
    const before = await synthTree("web");
    const after = await synthTree("storefront");
    expect(Object.keys(before).sort()).toEqual(["other-prod", "umbrella-dev", "umbrella-prod"]);
    expect(after["other-prod"]).toBe(before["other-prod"]);
    for (const name of ["umbrella-dev", "umbrella-prod"]) {
      expect(after[name]).not.toBe(before[name]);
      const apiTags = (json: string) => JSON.parse(json).resource.aws_apigatewayv2_api.apigw__site.tags;
      expect(apiTags(before[name]!)).toEqual({ Team: "web" });
      expect(apiTags(after[name]!)).toEqual({ Team: "storefront" });
    }
    // The environment's own overrides applied over the base: null removed a base tag.
    const dev = JSON.parse(after["umbrella-dev"]!);
    expect(dev.provider.aws[0].default_tags[0].tags).toEqual({ Team: "storefront", Tenant: "umbrella", Environment: "dev", ManagedBy: "cdktf-apigateway" });
  });

  test("two configs that make the same stack name are an error naming both files", async () => {
    const config = { tenant: "dup", environment: "prod", region: "eu-west-1", http_apis: api("a") };
    const first = writeJson("prod.json", { ...config, name_prefix: "dup-one" });
    const second = writeJson("prod-copy.json", { ...config, name_prefix: "dup-two" });
    const checked = await checkConfigFiles({ root: REPO_ROOT, configFiles: [first, second] });
    expect(checked.ok).toBe(false);
    expect(checked.files[1]!.problems).toEqual([
      { path: "tenant", message: `${second} and ${first} both make stack "dup-prod"`, fix: "give each tenant environment its own tenant/environment" },
    ]);
  });

  test("same name_prefix, region and account in two stacks is an error naming both files; another account or region is not", async () => {
    const config = (environment: string, extra: Record<string, unknown>) => ({ tenant: "shared", environment, region: "eu-west-1", name_prefix: "shared", http_apis: api("a"), ...extra });
    const dev = writeJson("dev.json", config("dev", { account_id: "111111111111" }));
    const prod = writeJson("prod.json", config("prod", { account_id: "111111111111" }));
    const checked = await checkConfigFiles({ root: REPO_ROOT, configFiles: [dev, prod] });
    expect(checked.files[0]!.problems).toEqual([]);
    expect(checked.files[1]!.problems).toEqual([
      {
        path: "name_prefix",
        message: `${prod} and ${dev} both name their resources "shared" in eu-west-1, account 111111111111`,
        fix: "give each tenant environment its own name_prefix (or its own account_id)",
      },
    ]);
    const unnamed = await checkConfigFiles({ root: REPO_ROOT, configFiles: [writeJson("dev.json", config("dev", {})), writeJson("prod.json", config("prod", {}))] });
    expect(unnamed.files[1]!.problems.map((p) => p.path)).toEqual(["name_prefix"]);
    const otherAccount = writeJson("prod.json", config("prod", { account_id: "222222222222" }));
    const otherRegion = writeJson("test.json", config("test", { account_id: "111111111111", region: "us-east-2" }));
    expect((await checkConfigFiles({ root: REPO_ROOT, configFiles: [dev, otherAccount, otherRegion] })).ok).toBe(true);
  });

  test("the provider guards the account and tags everything; the stack pins Terraform and the provider", async () => {
    const file = writeJson("guarded.json", {
      tenant: "guarded",
      environment: "prod",
      region: "eu-west-1",
      account_id: "123456789012",
      backend: { s3: { bucket: "state" } },
      name_prefix: "guarded",
      http_apis: api("a"),
      common_tags: { Team: "web", Tenant: "not-this" },
    });
    const outdir = mkdtempSync(join(tmpdir(), "apigw-guarded-"));
    const outcome = await synthApp({ root: REPO_ROOT, configFiles: [file], outdir });
    expect(outcome.ok).toBe(true);
    const stack = readStack(join(outdir, "stacks", "guarded-prod"));
    expect(stack.provider.aws).toEqual([
      { region: "eu-west-1", allowed_account_ids: ["123456789012"], default_tags: [{ tags: { Team: "web", Tenant: "guarded", Environment: "prod", ManagedBy: "cdktf-apigateway" } }] },
    ]);
    expect(stack.terraform.required_version).toBe(">= 1.10.0");
    expect(stack.terraform.required_providers.aws.version).toBe("5.100.0");
    // Terraform itself refuses the stack with credentials whose account it cannot match to 123456789012.
    expect(() => validateAndPlan(join(outdir, "stacks", "guarded-prod"), { keepAccountGuard: true })).toThrow(/AWS account ID not allowed/);
  });

  test("local state needs no Terraform 1.10; a config without account_id has no account guard", async () => {
    const file = writeJson("open.json", { tenant: "open", environment: "dev", region: "eu-west-1", name_prefix: "open", http_apis: api("a") });
    const outdir = mkdtempSync(join(tmpdir(), "apigw-open-"));
    expect((await synthApp({ root: REPO_ROOT, configFiles: [file], outdir })).ok).toBe(true);
    const stack = readStack(join(outdir, "stacks", "open-dev"));
    expect(stack.terraform.required_version).toBe(">= 1.5.0");
    expect(stack.provider.aws[0].allowed_account_ids).toBeUndefined();
  });

  test("account_id must be 12 digits", async () => {
    const file = writeJson("bad.json", { tenant: "bad", environment: "dev", region: "eu-west-1", account_id: "12345", name_prefix: "bad", http_apis: api("a") });
    const checked = await checkConfigFiles({ root: REPO_ROOT, configFiles: [file] });
    expect(checked.files[0]!.problems.map((p) => p.path)).toEqual(["account_id"]);
  });
});
