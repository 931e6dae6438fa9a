#!/usr/bin/env node
// Authorizer benchmark (`npm run bench:authorizer`; bundle sizes and cold starts are bench/bundles.bench.mjs):
// the warm verification cost per distinct valid token through the whole built authorizer handler (event
// parsing, header checks, JWKS-cached key, jose.jwtVerify, claim rules, response), next to bare
// `jose.jwtVerify` with an already imported key on the same tokens: the library's own cost. Each token is
// verified by both sides back to back (alternating which goes first); the ratio is taken from the per-round
// medians. Target: ratio <= 1.3 (exit code 1 above it). No network: the JWKS is served on 127.0.0.1.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { ensureHandlersBuilt } from "../bin/build-handlers.mjs";
import { isMain, median, ratio } from "./support/ratios.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TARGET = 1.3;
const ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Bench";
const AUDIENCE = "bench-client";
const METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123def4/prod/GET/catalog";


/** @param {{ quick?: boolean }} options */
export async function run({ quick = false } = {}) {
  const tokensPerRound = Number(process.env.BENCH_TOKENS ?? (quick ? 100 : 500));
  const rounds = Number(process.env.BENCH_ROUNDS ?? (quick ? 3 : 7));
  const artifacts = await ensureHandlersBuilt({ root: ROOT });
  const keys = {};
  for (const [alg, kid] of [["RS256", "rsa-1"], ["ES256", "ec-1"]]) {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    keys[alg] = { alg, kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
  }
  const jwksBody = JSON.stringify({ keys: Object.values(keys).map((k) => k.jwk) });
  const server = createServer((_, res) => res.writeHead(200, { "content-type": "application/json" }).end(jwksBody));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const jwksUri = `http://127.0.0.1:${server.address().port}/.well-known/jwks.json`;

  // The bundle reads its settings once, at load, from process.env (as in Lambda).
  Object.assign(process.env, { AWS_REGION: "us-east-1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWKS_URI: jwksUri, LOG_LEVEL: "info" });
  const { handler } = createRequire(import.meta.url)(join(dirname(artifacts.authorizer.zipPath), "authorizer", "index.js"));

  let serial = 0;
  const tokens = (key, count) => {
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
  };
  const events = {
    "http-v2": (token) => ({ version: "2.0", type: "REQUEST", routeArn: METHOD_ARN, identitySource: [`Bearer ${token}`], headers: { authorization: `Bearer ${token}` }, requestContext: { requestId: "bench" } }),
    "rest-token": (token) => ({ type: "TOKEN", authorizationToken: `Bearer ${token}`, methodArn: METHOD_ARN }),
  };

  /** Per-token interleaving, so that load changes on a shared machine hit both sides alike; mean µs per token. */
  async function measure(list, makeEvent, key) {
    let handlerNs = 0n;
    let bareNs = 0n;
    for (let i = 0; i < list.length; i++) {
      const token = list[i];
      for (const side of i % 2 === 0 ? ["handler", "bare"] : ["bare", "handler"]) {
        const started = process.hrtime.bigint();
        if (side === "handler") {
          const result = await handler(makeEvent(token));
          if (result.isAuthorized === false) throw new Error("bench token rejected");
        } else {
          await jwtVerify(token, key.publicKey, { issuer: ISSUER, algorithms: [key.alg] });
        }
        const elapsed = process.hrtime.bigint() - started;
        if (side === "handler") handlerNs += elapsed;
        else bareNs += elapsed;
      }
    }
    return { handler: Number(handlerNs) / 1e3 / list.length, bare: Number(bareNs) / 1e3 / list.length };
  }

  const table = [];
  const ratios = [];
  try {
    for (const alg of ["RS256", "ES256"]) {
      const key = keys[alg];
      for (const [shape, makeEvent] of Object.entries(events)) {
        // Warm-up: JIT, the JWKS fetch and key import, on tokens not measured afterwards.
        await measure(await tokens(key, quick ? 50 : 300), makeEvent, key);
        const handlerUs = [];
        const bareUs = [];
        for (let round = 0; round < rounds; round++) {
          const result = await measure(await tokens(key, tokensPerRound), makeEvent, key);
          handlerUs.push(result.handler);
          bareUs.push(result.bare);
        }
        const h = median(handlerUs);
        const b = median(bareUs);
        table.push({ alg, shape, "handler µs/token": +h.toFixed(1), "bare jwtVerify µs/token": +b.toFixed(1), ratio: +(h / b).toFixed(3) });
        ratios.push(ratio("authorizer", `authorizer verify, ${alg} ${shape} (handler / bare jose.jwtVerify)`, { value: h }, { value: b }, TARGET, " µs"));
      }
    }
  } finally {
    server.close();
  }
  return { table, ratios };
}

if (isMain(import.meta.url)) {
  const { table, ratios } = await run();
  console.log("Warm verify per distinct valid token (medians)");
  console.table(table);
  const worst = Math.max(...ratios.map((r) => r.value));
  console.log(`worst ratio ${worst.toFixed(3)} (target <= ${TARGET})`);
  process.exitCode = worst <= TARGET ? 0 : 1;
}
