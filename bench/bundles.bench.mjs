#!/usr/bin/env node
// Handler bundles: sizes, and the cold start of each (a fresh Node process: require the bundle, answer its first
// request, DynamoDB on dynalite in a process of its own and the JWKS on 127.0.0.1) against the smallest handler making one DynamoDB call
// with the same SDK, bundled the same way (bench/baseline/minimal-dynamo-handler.mjs), in the same run, in pairs
// run back to back (which side first alternates); the ratio is the median of the pairs' ratios (pairedRatio).
// Target: 1.5x.
// X-Ray: the cold start of each traced handler with active tracing (as Lambda runs it: LAMBDA_TASK_ROOT, a sampled
// _X_AMZN_TRACE_ID, AWS_XRAY_DAEMON_ADDRESS at a UDP socket this process opens and drains) against the same
// bundle with the same environment minus the daemon address, in pairs the same way. Target: 1.15x.
// Usage: node bench/bundles.bench.mjs   (BENCH_COLD_RUNS=11 by default, 3 with --quick)
import { execFile } from "node:child_process";
import { createSocket } from "node:dgram";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { CreateTableCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { BUNDLE_OPTIONS, ensureHandlersBuilt } from "../bin/build-handlers.mjs";
import { runTypeScript } from "../bin/run-ts.mjs";
import { startDynamoProcess } from "./support/dynamo-process.mjs";
import { isMain, median, pairedRatio, ratio } from "./support/ratios.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PROBE = fileURLToPath(new URL("./support/cold-start.cjs", import.meta.url));
const TARGET = 1.5;
const TRACING_TARGET = 1.15;
/** The handlers that trace (tracing.ts); the authorizer and health do not. */
const TRACED = ["catalog", "orders"];
/** A distinct sampled trace header per cold start, so that the daemon tells which runs traced. */
const traceHeader = (tag) => `Root=1-6744e4a0-${Buffer.from(tag).toString("hex").padEnd(24, "0").slice(0, 24)};Parent=53995c3f42cd8ad8;Sampled=1`;
const ISSUER = "https://issuer.bench.example/";

async function bundleBaseline(dir) {
  const { build } = await import("esbuild");
  const outfile = join(dir, "minimal", "index.js");
  await build({ ...BUNDLE_OPTIONS, absWorkingDir: ROOT, entryPoints: [join(ROOT, "bench/baseline/minimal-dynamo-handler.mjs")], outfile });
  return outfile;
}

/** @param {{ quick?: boolean }} options */
export async function run({ quick = false } = {}) {
  const runs = Number(process.env.BENCH_COLD_RUNS ?? (quick ? 3 : 11));
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const artifacts = await ensureHandlersBuilt({ root: ROOT });
  const bundleOf = (name) => join(dirname(artifacts[name].zipPath), name, "index.js");
  const work = mkdtempSync(join(tmpdir(), "bench-bundles-"));
  const { createTableInput, productItem } = await runTypeScript(join(ROOT, "local/dynamo/local-dynamo.ts"));
  const dynamo = await startDynamoProcess();
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "bench", alg: "RS256", use: "sig" };
  const jwks = createServer((_, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] })));
  await new Promise((resolve) => jwks.listen(0, "127.0.0.1", resolve));
  // The X-Ray daemon: notes the trace ids of the documents it receives.
  const daemon = createSocket("udp4");
  const traced = new Set();
  daemon.on("message", (packet) => {
    const body = packet.toString("utf8").split("\n")[1];
    if (body) traced.add(JSON.parse(body).trace_id);
  });
  await new Promise((resolve) => daemon.bind(0, "127.0.0.1", resolve));
  try {
    const tableBody = {
      name: "bench-data",
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "PK",
      range_key: "SK",
      attribute: ["PK", "SK", "GSI1PK", "GSI1SK"].map((name) => ({ name, type: "S" })),
      global_secondary_index: [{ name: "GSI1", hash_key: "GSI1PK", range_key: "GSI1SK", projection_type: "KEYS_ONLY" }],
    };
    const renderOnly = { render: (text) => text };
    await dynamo.client.send(new CreateTableCommand(createTableInput(renderOnly, tableBody)));
    await dynamo.client.send(new PutItemCommand({ TableName: "bench-data", Item: productItem("bench", { productId: "p-1", name: "Bench", description: "", price: 5, currency: "USD", category: "x", inStock: true }) }));
    const baseline = await bundleBaseline(work);
    const env = {
      PATH: process.env.PATH,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      TABLE_NAME: "bench-data",
      RATE_LIMIT_DEFAULT_TIER: "premium",
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: "bench",
      JWKS_URI: `http://127.0.0.1:${jwks.address().port}/.well-known/jwks.json`,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    };
    const caller = { tenantId: "bench", role: "user", sub: "u-1", scope: "" };
    const v2 = (routeKey, path, extra = {}) => ({
      version: "2.0",
      routeKey,
      rawPath: path,
      rawQueryString: "",
      headers: { "content-type": "application/json" },
      requestContext: { http: { method: routeKey.split(" ")[0], path }, requestId: "bench", authorizer: { lambda: caller } },
      isBase64Encoded: false,
      ...extra,
    });
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ token_use: "access", "custom:tenant_id": "bench", "custom:role": "user" })
      .setProtectedHeader({ alg: "RS256", kid: "bench" })
      .setIssuer(ISSUER)
      .setAudience("bench")
      .setSubject("u-1")
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(privateKey);
    const cases = {
      authorizer: { event: { version: "2.0", type: "REQUEST", routeArn: "arn:aws:execute-api:us-east-1:000000000000:abc/live/GET/catalog", identitySource: [`Bearer ${token}`], headers: { authorization: `Bearer ${token}` }, requestContext: { requestId: "bench" } }, ok: (r) => r.isAuthorized === true },
      catalog: { event: v2("GET /catalog/{productId}", "/catalog/p-1", { pathParameters: { productId: "p-1" } }), ok: (r) => r.statusCode === 200 },
      health: { event: v2("GET /health", "/health"), ok: (r) => r.statusCode === 200 },
      orders: { event: v2("POST /orders", "/orders", { body: JSON.stringify({ customerId: "c-1", productId: "p-1", quantity: 1 }) }), ok: (r) => r.statusCode === 200 },
    };
    // Asynchronous: the JWKS server answers from this process while the probe runs.
    const coldStart = async (bundle, event, ok, extraEnv = {}) => {
      const { stdout: printed } = await promisify(execFile)(process.execPath, [PROBE, bundle], { env: { ...env, ...extraEnv, BENCH_EVENT: JSON.stringify(event) }, encoding: "utf8" });
      const out = JSON.parse(printed.trim().split("\n").at(-1));
      if (!ok(out.result)) throw new Error(`${bundle}: unexpected first answer ${JSON.stringify(out.result).slice(0, 300)}\n${printed.slice(0, 2000)}`);
      return out;
    };
    const table = [];
    const ratios = [];
    for (const [name, { event, ok }] of Object.entries(cases)) {
      const handlerMs = [];
      const baselineMs = [];
      await coldStart(bundleOf(name), event, ok); // warm the file cache
      for (let i = 0; i < runs; i++) {
        for (const side of i % 2 === 0 ? ["handler", "baseline"] : ["baseline", "handler"]) {
          if (side === "handler") handlerMs.push((await coldStart(bundleOf(name), event, ok)).ms);
          else baselineMs.push((await coldStart(baseline, {}, (r) => r.statusCode === 200)).ms);
        }
      }
      const h = median(handlerMs);
      const b = median(baselineMs);
      const paired = pairedRatio(handlerMs, baselineMs);
      const bundle = readFileSync(bundleOf(name));
      table.push({
        handler: name,
        "index.js KiB": +(bundle.length / 1024).toFixed(1),
        "gzip KiB": +(gzipSync(bundle).length / 1024).toFixed(1),
        "zip KiB": +(statSync(artifacts[name].zipPath).size / 1024).toFixed(1),
        "cold start ms": +h.toFixed(1),
        "minimal handler ms": +b.toFixed(1),
        ratio: +paired.toFixed(2),
      });
      ratios.push(ratio("bundles", `cold start, ${name} (require + first request / minimal one-call DynamoDB handler)`, { value: h }, { value: b }, TARGET, " ms", { paired }));
    }
    for (const name of TRACED) {
      const { ok } = cases[name];
      // Lambda with active tracing; untraced, the same minus the daemon address (tracing.ts then loads no SDK).
      const lambda = (tag) => ({ LAMBDA_TASK_ROOT: dirname(bundleOf(name)), _X_AMZN_TRACE_ID: traceHeader(tag) });
      const active = (tag) => ({ ...lambda(tag), AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemon.address().port}` });
      const tag = (side, i) => `${name}${side}${i}`;
      const traceRoot = (side, i) => traceHeader(tag(side, i)).slice(5, 40);
      const tracedRuns = [];
      const untracedRuns = [];
      await coldStart(bundleOf(name), cases[name].event, ok, active("w")); // warm the file cache
      for (let i = 0; i < runs; i++) {
        for (const side of i % 2 === 0 ? ["t", "u"] : ["u", "t"]) {
          if (side === "t") tracedRuns.push(await coldStart(bundleOf(name), cases[name].event, ok, active(tag(side, i))));
          else untracedRuns.push(await coldStart(bundleOf(name), cases[name].event, ok, lambda(tag(side, i))));
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
      // The probe exits as soon as it has answered, so a datagram may be lost; none at all means nothing traced.
      const tracedCount = [...Array(runs).keys()].filter((i) => traced.has(traceRoot("t", i))).length;
      const untracedCount = [...Array(runs).keys()].filter((i) => traced.has(traceRoot("u", i))).length;
      if (tracedCount === 0) throw new Error(`${name}: no X-Ray document arrived from ${runs} traced cold starts`);
      if (untracedCount > 0) throw new Error(`${name}: the untraced cold starts sent X-Ray subsegments`);
      const t = median(tracedRuns.map((r) => r.ms));
      const u = median(untracedRuns.map((r) => r.ms));
      const paired = pairedRatio(tracedRuns.map((r) => r.ms), untracedRuns.map((r) => r.ms));
      const tCpu = median(tracedRuns.map((r) => r.cpuMs));
      const uCpu = median(untracedRuns.map((r) => r.cpuMs));
      table.push({
        handler: `${name}, X-Ray active`,
        "cold start ms": +t.toFixed(1),
        "untraced ms": +u.toFixed(1),
        ratio: +paired.toFixed(2),
        "CPU ms traced / untraced": `${tCpu.toFixed(0)} / ${uCpu.toFixed(0)}`,
        "CPU ratio": +(tCpu / uCpu).toFixed(2),
        "traced runs seen by the daemon": `${tracedCount}/${runs}`,
      });
      ratios.push(ratio("bundles", `cold start with X-Ray active, ${name} (traced / same bundle untraced)`, { value: t }, { value: u }, TRACING_TARGET, " ms", { paired }));
    }
    return { table, ratios };
  } finally {
    daemon.close();
    jwks.close();
    await dynamo.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const { table, ratios } = await run();
  console.table(table);
  for (const r of ratios) console.log(`${r.name}: ${r.value.toFixed(2)} (target <= ${r.target})`);
  process.exitCode = ratios.every((r) => r.value <= r.target) ? 0 : 1;
}
