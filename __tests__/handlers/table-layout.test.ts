// The three-table layout the runtime stack deploys (data, sessions, rate limits): each handler writes each
// kind of item to the table its environment names, so each IAM policy can name only the tables it needs.
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, expect, test } from "vitest";
import "./support/environment.js";
import { startAppWorld, TABLE, type AppWorld } from "./support/app-harness.js";
import { ensureHandlersBuilt } from "./support/build.js";
import { createKeyTable, putProduct } from "./support/dynamo.js";
import { httpApiEvent, json, type CallerContext } from "./support/events.js";

const SESSIONS = "app-sessions";
const LIMITS = "app-rate-limits";
const BUYER: CallerContext = { tenantId: "tenant-layout", role: "user", sub: "buyer-9" };

let world: AppWorld;
beforeAll(async () => {
  await ensureHandlersBuilt();
  world = await startAppWorld();
  // As modules/data creates them: PK/SK only, no index.
  for (const name of [SESSIONS, LIMITS]) await createKeyTable(world.dynamo.client, name, { gsi1: false });
  await putProduct(world.dynamo.client, TABLE, "tenant-layout", { productId: "prod-1", price: 12.5 });
});
afterAll(() => world.dynamo.close());

const keysIn = async (table: string) =>
  ((await world.dynamo.client.send(new ScanCommand({ TableName: table }))).Items ?? []).map((item) => item.PK!.S!).sort();

test("orders with SESSIONS_TABLE_NAME and RATE_LIMIT_TABLE_NAME: idempotency records and counters leave the data table", async () => {
  const orders = world.load("orders", { SESSIONS_TABLE_NAME: SESSIONS, RATE_LIMIT_TABLE_NAME: LIMITS, RATE_LIMIT_BASIC: undefined });
  const event = httpApiEvent({ method: "POST", path: "/orders", template: "/orders", caller: BUYER, body: { customerId: "c-1", productId: "prod-1", quantity: 2 }, headers: { "Idempotency-Key": "k-1" } });
  const first = await orders(event);
  expect(first.statusCode).toBe(200);
  expect(json(first).data).toMatchObject({ totalPrice: 25 });
  const retry = await orders(event);
  expect(json(retry).data).toEqual(json(first).data);

  expect(await keysIn(SESSIONS)).toEqual(["TENANT#tenant-layout#IDEMPOTENCY"]);
  expect(new Set(await keysIn(LIMITS))).toEqual(new Set(["TENANT#tenant-layout#RATELIMIT"]));
  const data = await keysIn(TABLE);
  expect(data.filter((pk) => pk.startsWith("TENANT#tenant-layout#"))).toEqual(["TENANT#tenant-layout#ORDER", "TENANT#tenant-layout#PRODUCT"]);
});
