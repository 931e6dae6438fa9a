#!/usr/bin/env node
// The local gateway's throughput: requests per second through route selection, the Lambda authorizer (its
// result cached as the stack sets it), the catalog handler and DynamoDB: GET /catalog/{productId}, one GetItem
// per request (the stack turns tenant rate limiting off, which would add two counter updates), from clients
// (BENCH_CONCURRENCY, default 1) each with its own token and a keep-alive node:http agent, as the SDK uses;
// against raw dynalite GetItem/PutItem (alternating) from this same process, same concurrency, same run.
// Target: the gateway serves at least a third of the raw rate (ratio raw/gateway <= 3).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, get } from "node:http";
import { fileURLToPath } from "node:url";
import { GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { runTypeScript } from "../bin/run-ts.mjs";
import { isMain, ratio } from "./support/ratios.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TARGET = 3;
// One client at a time by default: on a small shared machine more clients measure CPU contention between the
// function processes and dynalite, not the gateway.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);

/** An HTTP API with the bundled handlers, no stage throttling and no tenant rate limiting: nothing here limits the rate. */
const CONFIG = {
  tenant: "bench",
  environment: "local",
  region: "us-east-1",
  name_prefix: "bench-local",
  http_apis: { shop: { stages: { live: {} } } },
  application: {
    http_api: "shop",
    authorizer: { issuer: "https://issuer.bench.example/", audiences: ["bench"] },
    rate_limits: { enabled: false },
    lambda: { log_level: "warn" },
  },
};

async function drive(total, makeRequest) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      while (next < total) await makeRequest(next++, worker);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

/** @param {{ quick?: boolean }} options */
export async function run({ quick = false } = {}) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const total = Number(process.env.BENCH_REQUESTS ?? (quick ? 100 : 2000));
  const state = mkdtempSync(join(tmpdir(), "bench-gateway-"));
  const configFile = join(state, "bench-local.json");
  writeFileSync(configFile, JSON.stringify(CONFIG));
  const { startLocalGateway } = await runTypeScript(join(ROOT, "local/gateway.ts"));
  const gateway = await startLocalGateway({ config: configFile, port: 0, root: ROOT, stateDir: join(state, "local") });
  const agent = new Agent({ keepAlive: true });
  try {
    const tokens = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => gateway.token({ tenant: "acme", role: "user", subject: `bench-${i}` })));
    const request = (_, worker) =>
      new Promise((resolve, reject) => {
        get(`${gateway.url}/catalog/acme-anvil`, { agent, headers: { authorization: `Bearer ${tokens[worker]}` } }, (response) => {
          response.resume();
          response.on("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`gateway answered ${response.statusCode}`))));
        }).on("error", reject);
      });
    await drive(Math.max(40, CONCURRENCY * 10), request); // cold starts and the authorizer cache
    const gatewayRate = await drive(total, request);

    const table = [...gateway.dynamo.tables.values()].find((name) => name.endsWith("-data"));
    const { client } = gateway.dynamo;
    const raw = async (i, worker) => {
      const key = { PK: { S: `BENCH#${worker}` }, SK: { S: `ITEM#${i % 50}` } };
      if (i % 2 === 0) await client.send(new GetItemCommand({ TableName: table, Key: key }));
      else await client.send(new PutItemCommand({ TableName: table, Item: { ...key, value: { N: String(i) } } }));
    };
    await drive(200, raw);
    const rawRate = await drive(total, raw);
    return {
      table: [{ "gateway requests/s": +gatewayRate.toFixed(0), "raw GetItem/PutItem per s": +rawRate.toFixed(0), concurrency: CONCURRENCY, requests: total }],
      ratios: [
        ratio("gateway", "throughput, gateway GET /catalog/{productId} (authorizer + handler + GetItem) vs raw dynalite GetItem/PutItem (raw ÷ gateway)", { value: gatewayRate, label: "req/s" }, { value: rawRate, label: "ops/s" }, TARGET, "", { higherIsBetter: true }),
      ],
    };
  } finally {
    agent.destroy();
    await gateway.close();
    rmSync(state, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const { table, ratios } = await run({ quick: process.argv.includes("--quick") });
  console.table(table);
  console.log(`ratio ${ratios[0].value} (target <= ${TARGET})`);
  process.exitCode = ratios[0].value <= TARGET ? 0 : 1;
}
