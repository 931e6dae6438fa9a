import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { tempDir } from "../support/import.js";
import { REPO_ROOT, withoutLintWarnings } from "../support/synth.js";
import { validateAndPlan } from "../support/terraform.js";

/**
 * The package as another project gets it: `npm run build`, `npm pack`, then a fresh project in a temporary folder
 * installs the tarball with its dependencies and peers, offline (the peers and dependencies are this repository's
 * own installed folders), type-checks its code under strict flags, synthesizes and plans.
 */
let consumer: string;
let packed: { files: string[]; size: number; unpackedSize: number; manifest: any };

function run(command: string, args: string[], cwd = consumer) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1", npm_config_update_notifier: "false" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function packageFiles(): string[] {
  const dir = join(consumer, "node_modules", "cdktf-apigateway");
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [relative(dir, join(d, e.name))]));
  return walk(dir).sort();
}

beforeAll(() => {
  execFileSync(process.execPath, [join(REPO_ROOT, "bin", "build.mjs")], { cwd: REPO_ROOT, stdio: "pipe" });
  const packDir = tempDir("apigw-pack-");
  const [info] = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], { cwd: REPO_ROOT, encoding: "utf8" }));
  const tarball = join(packDir, info.filename);
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
  packed = { files: info.files.map((f: { path: string }) => f.path).sort(), size: info.size, unpackedSize: info.unpackedSize, manifest };

  consumer = tempDir("apigw-consumer-");
  cpSync(join(REPO_ROOT, "__tests__", "fixtures", "consumer"), consumer, { recursive: true });
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  // Offline: every dependency and peer of the package (and the project's own TypeScript) comes from this
  // repository's node_modules as a folder, so npm needs nothing from the registry.
  const local = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies), "typescript", "@types/node", "tsx"].map((name) =>
    realpathSync(join(REPO_ROOT, "node_modules", name)),
  );
  const install = run("npm", ["install", "--offline", "--ignore-scripts", "--no-audit", "--no-fund", tarball, ...local]);
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
});

describe("the packed package", () => {
  test("ships compiled JavaScript with .d.ts, the CLI, the handler zips, schemas, README and licence; no sources, tests or tenant configs", () => {
    const files = packed.files;
    for (const file of ["dist/lib/index.js", "dist/lib/index.d.ts", "dist/lib/cli/main.js", "bin/cli.mjs", "bin/build-handlers.mjs", "schema/module-config.schema.json", "README.md", "LICENSE", "package.json"]) {
      expect(files).toContain(file);
    }
    expect(files.filter((f) => f.startsWith("dist/handlers/"))).toEqual(["authorizer", "catalog", "health", "orders", "token-claims"].map((n) => `dist/handlers/${n}.zip`));
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((f) => /^(__tests__|config|bench|examples|handlers|cli|modules|stacks)\//.test(f))).toEqual([]);
    // The local gateway (and dynalite, its DynamoDB) stays in the repository: no file of local/, compiled or not.
    expect(files.filter((f) => /(^|\/)local\//.test(f))).toEqual([]);
    const importsLocal = /\b(?:from\s*|import\s*\(\s*)["'](?:dynalite|[^"']*\/local\/)/;
    expect(files.filter((f) => /\.(m?js|d\.m?ts)$/.test(f) && importsLocal.test(readFileSync(join(REPO_ROOT, f), "utf8")))).toEqual([]);
    expect(packed.size).toBeLessThan(3 * 1024 * 1024);
  });

  test("cdktf, constructs and the provider bindings are peers; the handlers' runtime dependencies are not dependencies", () => {
    const { manifest } = packed;
    expect(manifest.private).toBeUndefined();
    expect(Object.keys(manifest.peerDependencies).sort()).toEqual(["@cdktf/provider-aws", "cdktf", "constructs"]);
    for (const name of ["cdktf", "constructs", "@cdktf/provider-aws", "jose", "pino", "@aws-sdk/client-dynamodb"]) expect(manifest.dependencies[name]).toBeUndefined();
    expect(manifest.bin).toEqual({ "cdktf-apigateway": "bin/cli.mjs" });
  });

  test("the project has one copy of cdktf and the provider bindings: the package's imports resolve to the project's", () => {
    const fromPackage = createRequire(join(consumer, "node_modules", "cdktf-apigateway", "package.json"));
    const fromProject = createRequire(join(consumer, "package.json"));
    for (const name of ["cdktf", "@cdktf/provider-aws/lib/provider/index.js", "constructs"]) {
      expect(realpathSync(fromPackage.resolve(name))).toBe(realpathSync(fromProject.resolve(name)));
    }
  });
});

describe("a project that installed the package", () => {
  let before: string[];
  beforeAll(() => {
    before = packageFiles();
    const tsc = run(process.execPath, [join(consumer, "node_modules", "typescript", "bin", "tsc"), "-p", "."]);
    if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
  });

  test("type-checks against the .d.ts files with exactOptionalPropertyTypes and noPropertyAccessFromIndexSignature (skipLibCheck off)", () => {
    const config = JSON.parse(readFileSync(join(consumer, "tsconfig.json"), "utf8")).compilerOptions;
    expect(config).toMatchObject({ exactOptionalPropertyTypes: true, noPropertyAccessFromIndexSignature: true, skipLibCheck: false });
    expect(existsSync(join(consumer, "out", "main.js"))).toBe(true);
  });

  test("synthesizes a stack with ApiGatewayModule and one with the application under plain node, and both plan offline", () => {
    const synth = run(process.execPath, [join(consumer, "out", "main.js"), join(consumer, "cdktf.out")]);
    expect(synth.stderr).toBe("");
    expect(synth.status).toBe(0);
    const gateway = validateAndPlan(join(consumer, "cdktf.out", "stacks", "shop-gateway"));
    expect(gateway.resource("aws_apigatewayv2_api.gateway__api").values.name).toBe("shop-api");
    expect(gateway.ofType("aws_apigatewayv2_route").map((r) => r.values.route_key)).toEqual(["ANY /{proxy+}"]);
    const app = validateAndPlan(join(consumer, "cdktf.out", "stacks", "shop-dev"));
    expect(app.ofType("aws_lambda_function").map((r) => r.values.function_name).sort()).toEqual(["shop-dev-authorizer", "shop-dev-catalog", "shop-dev-health", "shop-dev-orders"]);
    // The handler zips were written into the project, never into node_modules.
    expect(readdirSync(join(consumer, "dist", "handlers")).sort()).toEqual(["authorizer.zip", "catalog.zip", "health.zip", "orders.zip", "token-claims.zip"]);
    expect(packageFiles()).toEqual(before);
  });

  test("runs as TypeScript under tsx (no compile step) and synthesizes the same JSON as the compiled program", () => {
    const tsx = run(process.execPath, [join(consumer, "node_modules", "tsx", "dist", "cli.mjs"), "src/main.ts", join(consumer, "tsx.out")]);
    expect(tsx.stderr).toBe("");
    expect(tsx.status).toBe(0);
    expect(tsx.stdout).toContain("synthesized shop-gateway and shop-dev");
    const gateway = JSON.parse(readFileSync(join(consumer, "tsx.out", "stacks", "shop-gateway", "cdk.tf.json"), "utf8"));
    expect(Object.values(gateway.resource.aws_apigatewayv2_route).map((r: any) => r.route_key)).toEqual(["ANY /{proxy+}"]);
    for (const name of ["shop-gateway", "shop-dev"]) {
      expect(readFileSync(join(consumer, "tsx.out", "stacks", name, "cdk.tf.json"), "utf8")).toBe(readFileSync(join(consumer, "cdktf.out", "stacks", name, "cdk.tf.json"), "utf8"));
    }
    expect(packageFiles()).toEqual(before);
  });

  test("a bundler can inline the package (esbuild, everything bundled)", async () => {
    const { build } = await import("esbuild");
    await build({
      absWorkingDir: consumer,
      entryPoints: ["src/main.ts"],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: "bundle/main.mjs",
      logLevel: "silent",
      banner: { js: "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);" },
    });
    const bundled = run(process.execPath, [join(consumer, "bundle", "main.mjs"), join(consumer, "bundled.out")]);
    expect(bundled.stderr).toBe("");
    expect(readdirSync(join(consumer, "bundled.out", "stacks")).sort()).toEqual(["shop-dev", "shop-gateway"]);
    expect(readFileSync(join(consumer, "bundled.out", "stacks", "shop-gateway", "cdk.tf.json"), "utf8")).toBe(
      readFileSync(join(consumer, "cdktf.out", "stacks", "shop-gateway", "cdk.tf.json"), "utf8"),
    );
  });

  test("the cdktf-apigateway command: synth of a .ts config that imports the package, validate, and unknown flags", () => {
    const cli = join(consumer, "node_modules", ".bin", "cdktf-apigateway");
    const synth = run(cli, ["synth", "--config", "src/tenant.ts", "--out", "cli.out"]);
    // The installed command runs the policy linter too: its findings are warnings, and nothing else is printed.
    expect(synth.stderr).toContain("warning: [APIGW-STAGE-THROTTLING]");
    expect(withoutLintWarnings(synth.stderr)).toBe("");
    expect(synth.status).toBe(0);
    expect(synth.stdout.trim().split("\n").at(-1)).toMatch(/^synthesized 1 stack, \d+ resources in [\d.]+ s$/);
    expect(existsSync(join(consumer, "cli.out", "stacks", "shop-qa", "cdk.tf.json"))).toBe(true);
    const validate = run(cli, ["validate", join(REPO_ROOT, "examples", "multi-api-http.tfvars.json")]);
    expect(validate.stdout).toMatch(/^valid: 1 config, 1 stack in [\d.]+ s\n$/);
    const unknown = run(cli, ["synth", "--outdir", "x"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("cdktf-apigateway: unknown flag --outdir for synth; see cdktf-apigateway synth --help\n");
    const local = run(cli, ["local", "--config", "src/tenant.ts"]);
    expect(local.status).toBe(1);
    expect(local.stderr).toBe("cdktf-apigateway local: local gateway is available from a checkout of the repository, not the installed package\n");
    expect(packageFiles()).toEqual(before);
  });
});
