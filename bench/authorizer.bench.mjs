#!/usr/bin/env node
// Handler bundle benchmark (`npm run bench:authorizer`), all in one run:
//   1. bundle sizes (index.js, zip) of every handler;
//   2. cold `require` time of every bundle, each in a fresh Node process (median of BENCH_COLD_RUNS);
//   3. warm verification cost per distinct valid token through the whole built authorizer handler
//      (event parsing, header checks, JWKS-cached key, jose.jwtVerify, claim rules, response), next to bare
//      `jose.jwtVerify` with an already imported key on the same tokens: the library's own cost. Each token
//      is verified by both sides back to back (alternating which goes first); the ratio is taken from the
//      per-round medians.
// Target: ratio <= 1.3 (exit code 1 above it). No network: the JWKS is served on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { buildHandlers } from "../bin/build-handlers.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TOKENS_PER_ROUND = Number(process.env.BENCH_TOKENS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7);
const TARGET = 1.3;
const ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Bench";
const AUDIENCE = "bench-client";
const METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123def4/prod/GET/catalog";

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// 1. sizes ---------------------------------------------------------------------------------------------
const artifacts = await buildHandlers();
console.log("\nBundle sizes");
console.table(
  artifacts.map((a) => ({
    handler: a.name,
    "index.js KiB": +(a.bundleBytes / 1024).toFixed(1),
    "index.js gzip KiB": +(gzipSync(readFileSync(a.bundlePath)).length / 1024).toFixed(1),
    "zip KiB (stored, with map)": +(a.zipBytes / 1024).toFixed(1),
  })),
);

// 2. cold require ---------------------------------------------------------------------------------------
const coldEnv = {
  PATH: process.env.PATH,
  AWS_REGION: "us-east-1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  JWT_ISSUER: ISSUER,
  JWT_AUDIENCE: AUDIENCE,
  TABLE_NAME: "bench",
};
const probe = "const t=process.hrtime.bigint();require(process.argv[1]);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))";
console.log(`Cold require (fresh node process each, median of ${COLD_RUNS})`);
console.table(
  artifacts.map((a) => {
    const runs = Array.from({ length: COLD_RUNS }, () => Number(execFileSync(process.execPath, ["-e", probe, a.bundlePath], { env: coldEnv, encoding: "utf8" })));
    return { handler: a.name, "require ms (median)": +median(runs).toFixed(1), "min ms": +Math.min(...runs).toFixed(1), "max ms": +Math.max(...runs).toFixed(1) };
  }),
);

// 3. warm verify ----------------------------------------------------------------------------------------
const keys = {};
for (const [alg, kid] of [["RS256", "rsa-1"], ["ES256", "ec-1"]]) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  keys[alg] = { alg, kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}
const jwksBody = JSON.stringify({ keys: Object.values(keys).map((k) => k.jwk) });
const server = createServer((_, res) => res.writeHead(200, { "content-type": "application/json" }).end(jwksBody));
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const jwksUri = `http://127.0.0.1:${server.address().port}/.well-known/jwks.json`;

Object.assign(process.env, coldEnv, { JWKS_URI: jwksUri, LOG_LEVEL: "info" });
const { handler } = createRequire(import.meta.url)(artifacts.find((a) => a.name === "authorizer").bundlePath);

let serial = 0;
async function tokens(key, count) {
  const now = Math.floor(Date.now() / 1000);
  return Promise.all(
    Array.from({ length: count }, () =>
      new SignJWT({ token_use: "access", scope: "api/read", "custom:tenant_id": "tenant-123", "custom:role": "user", jti: `t-${++serial}` })
        .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(`user-${serial}`)
        .setIssuedAt(now - 5)
        .setExpirationTime(now + 3_600)
        .sign(key.privateKey),
    ),
  );
}

const events = {
  "http-v2": (token) => ({ version: "2.0", type: "REQUEST", routeArn: METHOD_ARN, identitySource: [`Bearer ${token}`], headers: { authorization: `Bearer ${token}` }, requestContext: { requestId: "bench" } }),
  "rest-token": (token) => ({ type: "TOKEN", authorizationToken: `Bearer ${token}`, methodArn: METHOD_ARN }),
};

async function verifyWithHandler(token, makeEvent) {
  const result = await handler(makeEvent(token));
  if (result.isAuthorized === false) throw new Error("bench token rejected");
}

function verifyBare(token, key) {
  return jwtVerify(token, key.publicKey, { issuer: ISSUER, algorithms: [key.alg] });
}

/**
 * Per-token interleaving: each token is verified by both sides back to back, in alternating order, so
 * that load changes on a shared machine hit both sides alike. Returns mean µs per token for each side.
 */
async function measure(list, makeEvent, key) {
  let handlerNs = 0n;
  let bareNs = 0n;
  for (let i = 0; i < list.length; i++) {
    const token = list[i];
    for (const side of i % 2 === 0 ? ["handler", "bare"] : ["bare", "handler"]) {
      const started = process.hrtime.bigint();
      if (side === "handler") await verifyWithHandler(token, makeEvent);
      else await verifyBare(token, key);
      const elapsed = process.hrtime.bigint() - started;
      if (side === "handler") handlerNs += elapsed;
      else bareNs += elapsed;
    }
  }
  return { handler: Number(handlerNs) / 1e3 / list.length, bare: Number(bareNs) / 1e3 / list.length };
}

const rows = [];
for (const alg of ["RS256", "ES256"]) {
  const key = keys[alg];
  for (const [shape, makeEvent] of Object.entries(events)) {
    // Warm-up: JIT, the JWKS fetch and key import, on tokens not measured afterwards.
    await measure(await tokens(key, 300), makeEvent, key);
    const handlerUs = [];
    const bareUs = [];
    for (let round = 0; round < ROUNDS; round++) {
      const result = await measure(await tokens(key, TOKENS_PER_ROUND), makeEvent, key); // distinct tokens, each verified once per side
      handlerUs.push(result.handler);
      bareUs.push(result.bare);
    }
    const h = median(handlerUs);
    const b = median(bareUs);
    rows.push({ alg, shape, "handler µs/token": +h.toFixed(1), "bare jwtVerify µs/token": +b.toFixed(1), ratio: +(h / b).toFixed(3) });
  }
}
server.close();

console.log(`Warm verify per distinct valid token (${ROUNDS} rounds x ${TOKENS_PER_ROUND} tokens, medians)`);
console.table(rows);
const worst = Math.max(...rows.map((r) => r.ratio));
console.log(`worst ratio ${worst.toFixed(3)} (target <= ${TARGET})`);
process.exitCode = worst <= TARGET ? 0 : 1;
