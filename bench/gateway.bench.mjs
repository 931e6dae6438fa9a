#!/usr/bin/env node
// The local gateway's throughput: requests per second through route, Lambda authorizer (its cache as the stack
// sets it), the catalog handler and DynamoDB: GET /catalog/{productId}, which makes two DynamoDB calls (the
// tenant's rate-limit counter update and the product GetItem), from clients (BENCH_CONCURRENCY, default 1) with their own
// tokens; against raw dynalite GetItem/PutItem (alternating: the same mix of one read and one write) from this
// same process, with the same concurrency, in the same run.
// Target: the gateway serves at least a third of the raw rate (ratio raw/gateway <= 3).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GetItemCommand, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { runTypeScript } from "../bin/run-ts.mjs";
import { isMain, ratio } from "./support/ratios.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TARGET = 3;
// One client at a time by default: on a small shared machine more clients measure CPU contention between the
// function processes and dynalite, not the gateway.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);

/** An HTTP API with the bundled handlers, no stage throttling and the premium tenant tier: nothing here limits the rate. */
const CONFIG = {
  tenant: "bench",
  environment: "local",
  region: "us-east-1",
  name_prefix: "bench-local",
  http_apis: { shop: { stages: { live: {} } } },
  application: {
    http_api: "shop",
    authorizer: { issuer: "https://issuer.bench.example/", audiences: ["bench"] },
    rate_limits: { default_tier: "premium" },
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
  const total = Number(process.env.BENCH_REQUESTS ?? (quick ? 200 : 2000));
  const state = mkdtempSync(join(tmpdir(), "bench-gateway-"));
  const configFile = join(state, "bench-local.json");
  writeFileSync(configFile, JSON.stringify(CONFIG));
  const { startLocalGateway } = await runTypeScript(join(ROOT, "local/gateway.ts"));
  const gateway = await startLocalGateway({ config: configFile, port: 0, root: ROOT, stateDir: join(state, "local") });
  try {
    const tokens = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => gateway.token({ tenant: "acme", role: "user", subject: `bench-${i}` })));
    const request = async (_, worker) => {
      const headers = { authorization: `Bearer ${tokens[worker]}` };
      const response = await fetch(`${gateway.url}/catalog/acme-anvil`, { headers });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`gateway answered ${response.status}`);
    };
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
        ratio("gateway", "throughput, gateway GET /catalog/{productId} (authorizer + handler + 2 DynamoDB calls) vs raw dynalite GetItem/PutItem (raw ÷ gateway)", { value: gatewayRate, label: "req/s" }, { value: rawRate, label: "ops/s" }, TARGET, "", { higherIsBetter: true }),
      ],
    };
  } finally {
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
