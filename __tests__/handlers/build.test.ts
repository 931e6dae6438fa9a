// The build: deterministic zips (same source, same bytes, whatever the mtimes), their layout, the
// artifact function the Terraform side uses, and what the bundles contain.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "./support/environment.js";
import { buildModule, bundlePath, ensureHandlersBuilt, HANDLERS, type BuildModule } from "./support/build.js";

describe("build:handlers", () => {
  let build: BuildModule;
  const temp: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "handlers-build-"));
    temp.push(dir);
    return dir;
  };

  beforeAll(async () => {
    await ensureHandlersBuilt();
    build = await buildModule();
  });
  afterAll(() => {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  });

  test("two builds of the same source give byte-identical zips, even after every source file's mtime changed", async () => {
    const before = build.handlerArtifacts();
    const first = await build.buildHandlers({ outDir: tempDir() });
    const sources = walk(join(ROOT, "handlers")).map((file) => ({ file, stat: statSync(file) }));
    let second;
    try {
      const other = new Date(Date.UTC(2001, 0, 1));
      for (const { file } of sources) utimesSync(file, other, other);
      second = await build.buildHandlers({ outDir: tempDir() });
    } finally {
      for (const { file, stat } of sources) utimesSync(file, stat.atime, stat.mtime);
    }
    expect(second.map((a) => [a.name, a.sha256Base64])).toEqual(first.map((a) => [a.name, a.sha256Base64]));
    for (let i = 0; i < first.length; i++) expect(readFileSync(second[i]!.zipPath).equals(readFileSync(first[i]!.zipPath))).toBe(true);
    // Rebuilding dist/handlers itself (source maps name sources relative to it) reproduces its bytes too.
    const rebuilt = await build.buildHandlers();
    expect(Object.fromEntries(rebuilt.map((a) => [a.name, a.sha256Base64]))).toEqual(Object.fromEntries(Object.values(before).map((a) => [a.name, a.sha256Base64])));
  });

  test("handlerArtifacts(): path and base64 sha256 of each zip, as filebase64sha256 computes it", () => {
    const artifacts = build.handlerArtifacts();
    expect(Object.keys(artifacts).sort()).toEqual([...HANDLERS]);
    for (const name of HANDLERS) {
      const { zipPath, sha256Base64 } = artifacts[name]!;
      expect(zipPath).toBe(join(ROOT, "dist", "handlers", `${name}.zip`));
      expect(sha256Base64).toBe(createHash("sha256").update(readFileSync(zipPath)).digest("base64"));
    }
    expect(() => build.handlerArtifacts({ outDir: tempDir() })).toThrow(/run `npm run build:handlers` first/);
  });

  test("zip layout: sorted entries, 1980-01-01 00:00 timestamps, 0644, stored; unzip accepts it", () => {
    // The API handlers read secrets: the secrets SDK comes as a file of its own, loaded on demand.
    const onDemand: Partial<Record<(typeof HANDLERS)[number], string[]>> = { catalog: ["secrets-sdk.js", "secrets-sdk.js.map"], orders: ["secrets-sdk.js", "secrets-sdk.js.map"] };
    for (const name of HANDLERS) {
      const zip = join(ROOT, "dist", "handlers", `${name}.zip`);
      expect(execFileSync("unzip", ["-tq", zip], { encoding: "utf8" })).toMatch(/No errors detected/);
      const listing = execFileSync("zipinfo", [zip], { encoding: "utf8" }).split("\n").filter((line) => line.startsWith("-"));
      expect(listing.map((line) => line.split(/\s+/).at(-1))).toEqual(["index.js", "index.js.map", "package.json", ...(onDemand[name] ?? [])]);
      for (const line of listing) expect(line).toMatch(/^-rw-r--r--.* stor 80-Jan-01 00:00 /);
      expect(execFileSync("unzip", ["-p", zip, "package.json"], { encoding: "utf8" })).toBe('{"type":"commonjs"}\n');
    }
  });

  test("createDeterministicZip: entry order does not matter, content does", () => {
    const a = { name: "a.txt", data: Buffer.from("alpha") };
    const b = { name: "b.txt", data: Buffer.from("beta") };
    expect(build.createDeterministicZip([b, a]).equals(build.createDeterministicZip([a, b]))).toBe(true);
    expect(build.createDeterministicZip([a, { ...b, data: Buffer.from("betA") }]).equals(build.createDeterministicZip([a, b]))).toBe(false);
  });

  test("each zip is self-contained: unpacked far from node_modules, its index.js loads and exports `handler` (the AWS SDK is bundled)", () => {
    const env = { PATH: process.env.PATH, JWT_ISSUER: "https://issuer.example", JWT_AUDIENCE: "client", TABLE_NAME: "t", AWS_REGION: "us-east-1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
    for (const name of HANDLERS) {
      const dir = tempDir();
      execFileSync("unzip", ["-q", join(ROOT, "dist", "handlers", `${name}.zip`), "-d", dir]);
      const out = execFileSync(process.execPath, ["-e", "process.stdout.write(typeof require('./index.js').handler)"], { cwd: dir, env, encoding: "utf8" });
      expect(out).toBe("function");
    }
    expect(readFileSync(bundlePath("orders"), "utf8")).toContain("DynamoDB");
    expect(readFileSync(bundlePath("authorizer"), "utf8")).not.toContain("DynamoDB");
  });

  test("the secrets SDK is loaded on demand: not by a cold start, and from the file beside index.js when a secret is read", () => {
    const dir = tempDir();
    execFileSync("unzip", ["-q", join(ROOT, "dist", "handlers", "orders.zip"), "-d", dir]);
    const env = { PATH: process.env.PATH, TABLE_NAME: "t", AWS_REGION: "us-east-1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
    const loaded = (script: string) => JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: dir, env, encoding: "utf8" })) as string[];
    const coldStart = loaded("require('./index.js'); process.stdout.write(JSON.stringify(Object.keys(require.cache)))");
    expect(coldStart.map((path) => path.slice(dir.length + 1))).toEqual(["index.js"]);
    // What secrets-from-config.ts import()s: the two clients, with their own copy of the SDK (nothing from node_modules).
    const sdk = loaded("const m = require('./secrets-sdk.js'); process.stdout.write(JSON.stringify([typeof m.SSMClient, typeof m.SecretsManagerClient, ...Object.keys(require.cache).map((p) => p.slice(" + (dir.length + 1) + "))]))");
    expect(sdk).toEqual(["function", "function", "secrets-sdk.js"]);
    expect(readFileSync(bundlePath("orders"), "utf8").includes("SSMServiceException")).toBe(false);
  });

  test("a static import of a module loaded on demand fails the build, naming the fix", async () => {
    const entry = join(tempDir(), "entry.ts");
    writeFileSync(entry, `import { SSMClient } from ${JSON.stringify(join(ROOT, "handlers/lib/secrets/secrets-sdk.js"))};\nexport const client = SSMClient;\n`);
    await expect(build.bundleEntries({ root: ROOT, outDir: tempDir(), entryPoints: { index: entry } })).rejects.toThrow(/secrets-sdk\.js is loaded on demand .*import it with import\(\), not statically/);
  });

  test("handler code logs only through pino: no console.* under handlers/", () => {
    const offenders = walk(join(ROOT, "handlers")).filter((file) => /\bconsole\.\w+\(/.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}
