import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "../support/import.js";
import { REPO_ROOT, writeTempConfig } from "../support/synth.js";

// `validate` is a pre-commit hook's command: it must never load what only building a stack needs (loading cdktf and
// the provider bindings is most of a synth's fixed cost). Read from the process itself, not timed.
const BUILD_ONLY = ["cdktf", "constructs", "@cdktf/provider-aws"];
const PRELOAD = join(REPO_ROOT, "__tests__", "support", "record-loaded-packages.mjs");

/** Runs the command as a user does, and names the packages (under node_modules) the process loaded. */
function run(args: string[], cwd: string) {
  const env = { ...process.env, APIGW_CONFIG: "", CDKTF_OUTDIR: "" };
  const cli = [join(REPO_ROOT, "bin", "cli.mjs"), ...args];
  // Once without recording: the command's own bundle is rebuilt (with esbuild) when its sources changed.
  spawnSync(process.execPath, [cli[0]!, "--version"], { cwd, env });
  const record = join(tempDir("apigw-loaded-"), "modules.txt");
  const result = spawnSync(process.execPath, ["--import", PRELOAD, ...cli], { cwd, encoding: "utf8", env: { ...env, RECORD_LOADED_MODULES_TO: record } });
  const packages = new Set(
    readFileSync(record, "utf8")
      .split("\n")
      .flatMap((path) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(path)?.[1]?.replace("\\", "/") ?? []),
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, packages: [...packages].sort() };
}

function environment(tenant: string, api: "http" | "rest", extra: Record<string, unknown> = {}) {
  const apis = api === "http" ? { http_apis: { storefront: { stages: { live: { name: "$default", auto_deploy: true } } } } } : { rest_apis: { orders: { stages: { v1: {} }, methods: { ping: { path: "/ping", http_method: "GET", integration: { type: "MOCK" } } } } } };
  return {
    tenant,
    environment: "prod",
    region: "eu-west-1",
    account_id: "123456789012",
    name_prefix: `${tenant}-prod`,
    ...apis,
    application: {
      [api === "http" ? "http_api" : "rest_api"]: api === "http" ? "storefront" : "orders",
      authorizer: { issuer: `https://login.example.com/${tenant}`, audiences: ["orders"] },
      tenants: { a: { tier: "basic" }, b: { tier: "premium" } },
      ...extra,
    },
  };
}

describe("cdktf-apigateway validate loads nothing that only building needs", () => {
  test("JSON configs with the application on HTTP and REST APIs: no cdktf, constructs, provider bindings or esbuild", () => {
    const files = [writeTempConfig("http.json", environment("shop", "http")), writeTempConfig("rest.json", environment("orders", "rest"))];
    const validate = run(["validate", ...files.flatMap((f) => ["--config", f])], tempDir("apigw-cwd-"));
    expect(validate.stderr).toBe("");
    expect(validate.stdout).toMatch(/^valid: 2 configs, 2 stacks in [\d.]+ s\n$/);
    for (const name of [...BUILD_ONLY, "esbuild"]) expect(validate.packages).not.toContain(name);
  });

  test("problems of the application, the module and shared names are still found without them", () => {
    const clash = environment("shop", "http");
    clash.http_apis!.storefront = { ...clash.http_apis!.storefront, routes: { mine: { route_key: "GET /health", target: "integrations/x" } } } as never;
    const unknownTier = environment("orders", "rest", { tenants: { a: { tier: "golden" } } });
    const files = [
      writeTempConfig("clash.json", clash),
      writeTempConfig("tier.json", unknownTier),
      writeTempConfig("first.json", environment("billing", "rest")),
      writeTempConfig("second.json", environment("billing", "rest")),
    ];
    const validate = run(["validate", ...files.flatMap((f) => ["--config", f])], tempDir("apigw-cwd-"));
    expect(validate.status).toBe(1);
    expect(validate.stderr).toMatch(/^http_apis\.storefront\.routes\.mine\.route_key: "GET \/health" is also the application's health route/m);
    expect(validate.stderr).toMatch(/^application\.tenants\.a\.tier: .*golden/m);
    const second = validate.stderr.split("\n").filter((line) => /second\.json/.test(line) && !line.startsWith("#"));
    expect(second.length).toBeGreaterThan(0);
    expect(validate.stderr).not.toMatch(/^rest_apis\./m);
    for (const name of BUILD_ONLY) expect(validate.packages).not.toContain(name);
  });

  test("the shipped configs (TypeScript ones included, which esbuild reads): no cdktf, constructs or provider bindings", () => {
    const validate = run(["validate"], REPO_ROOT);
    expect(validate.stderr).toBe("");
    expect(validate.status).toBe(0);
    for (const name of BUILD_ONLY) expect(validate.packages).not.toContain(name);
  });

  test("the recording sees them when they are loaded: synth of the same kind of config loads all three", () => {
    const file = writeTempConfig("http.json", environment("shop", "http"));
    const synth = run(["synth", "--quiet", "--config", file, "--out", join(tempDir("apigw-out-"), "out")], REPO_ROOT);
    expect(synth.stderr).toBe("");
    expect(synth.status).toBe(0);
    expect(synth.packages).toEqual(expect.arrayContaining(BUILD_ONLY));
  });
});
