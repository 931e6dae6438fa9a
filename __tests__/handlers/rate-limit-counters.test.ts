// What the rate limiter costs in DynamoDB calls and what it stores (built bundles; the counters in their own
// table behind the fault proxy, which counts calls and injects no fault): one item per tenant and month; one
// conditional update per request in an open window, two for the request that opens one; a refusal explained
// by the counters DynamoDB returns with it, or by one read where they are missing (dynalite); a request the
// window refuses does not count against the month; a container whose clock is behind counts in the window
// another one opened. The clock is frozen inside a window, within minutes of the real time: a clock far off
// makes the SDK correct its skew from dynalite's Date header and retry the first refused call.
import { GetItemCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import "./support/environment.js";
import { TABLE } from "./support/app-harness.js";
import { createKeyTable, putProduct } from "./support/dynamo.js";
import { httpApiEvent, json } from "./support/events.js";
import { faultWorld } from "./support/fault-world.js";
import { LogCapture } from "./support/logs.js";

const LIMITS_TABLE = "counters";
// A 2 s window a minute from now (windows start at multiples of their length since the epoch), a whole month
// of windows ahead of it.
const WINDOW = Math.ceil((Date.now() + 60_000) / 2_000) * 2_000;
const MONTH = new Date(WINDOW).toISOString().slice(0, 7);
const MONTH_ENDS_S = Date.UTC(new Date(WINDOW).getUTCFullYear(), new Date(WINDOW).getUTCMonth() + 1, 1) / 1000;

describe("rate-limit counters (built bundles)", () => {
  const logs = new LogCapture();
  const suite = faultWorld(logs, async (world) => {
    await createKeyTable(world.dynamo.client, LIMITS_TABLE, { gsi1: false });
    for (const tenant of ["t-steady", "t-full", "t-returned", "t-clock"]) await putProduct(world.dynamo.client, TABLE, tenant, { productId: "prod-001", price: 1 });
  });
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"], now: WINDOW + 100 }));
  afterEach(() => vi.useRealTimers());

  /** The catalog with `limits` (rate/burst/monthly quota) for every tenant, its counters in LIMITS_TABLE. */
  const catalog = (limits: string) => suite.world.load("catalog", { DYNAMODB_ENDPOINT: suite.proxy.endpoint, RATE_LIMIT_TABLE_NAME: LIMITS_TABLE, RATE_LIMIT_BASIC: limits });
  const list = (handler: ReturnType<typeof catalog>, tenantId: string) => handler(httpApiEvent({ method: "GET", path: "/catalog", template: "/catalog", caller: { tenantId } }));
  /** The calls one request made on the counters' table, by operation. */
  async function countersCalls(request: () => Promise<unknown>): Promise<Record<string, number>> {
    const before = suite.proxy.calls.length;
    await request();
    const calls: Record<string, number> = {};
    for (const call of suite.proxy.calls.slice(before)) if (call.table === LIMITS_TABLE) calls[call.operation] = (calls[call.operation] ?? 0) + 1;
    return calls;
  }
  const stored = async (tenantId: string) =>
    (await suite.world.dynamo.client.send(new GetItemCommand({ TableName: LIMITS_TABLE, Key: { PK: { S: `TENANT#${tenantId}#RATELIMIT` }, SK: { S: `QUOTA#${MONTH}` } } }))).Item;

  test("one item per tenant and month; one update per request in an open window, two for the request that opens it", async () => {
    const handler = catalog("5/10/1000000");
    expect(await countersCalls(() => list(handler, "t-steady"))).toEqual({ UpdateItem: 2 });
    for (let i = 0; i < 4; i++) expect(await countersCalls(() => list(handler, "t-steady"))).toEqual({ UpdateItem: 1 });
    // A new container counts in the window the others opened: one update.
    expect(await countersCalls(() => list(catalog("5/10/1000000"), "t-steady"))).toEqual({ UpdateItem: 1 });
    vi.setSystemTime(WINDOW + 2_000);
    expect(await countersCalls(() => list(handler, "t-steady"))).toEqual({ UpdateItem: 2 });
    expect(await stored("t-steady")).toEqual({
      PK: { S: "TENANT#t-steady#RATELIMIT" },
      SK: { S: `QUOTA#${MONTH}` },
      count: { N: "7" },
      windowStart: { N: String(WINDOW + 2_000) },
      windowCount: { N: "1" },
      expiresAt: { N: String(MONTH_ENDS_S + 86_400) },
    });
    const items = (await suite.world.dynamo.client.send(new ScanCommand({ TableName: LIMITS_TABLE }))).Items ?? [];
    expect(items.filter((item) => item.PK!.S === "TENANT#t-steady#RATELIMIT")).toHaveLength(1);
  });

  test("a request the window refuses: 429, not counted against the month; without counters in the refusal, one read explains it", async () => {
    const handler = catalog("1/2/1000000");
    for (let i = 0; i < 2; i++) expect((await list(handler, "t-full")).statusCode).toBe(200);
    let refused: { statusCode: number; headers: Record<string, string> } | undefined;
    expect(await countersCalls(async () => (refused = (await list(handler, "t-full")) as typeof refused))).toEqual({ UpdateItem: 2, GetItem: 1 });
    expect(refused!.statusCode).toBe(429);
    expect(refused!.headers["Retry-After"]).toBe("2");
    expect(await stored("t-full")).toMatchObject({ count: { N: "2" }, windowCount: { N: "2" } });
  });

  test("with the counters in the refusal, as DynamoDB returns them: a refused request costs one update and no read", async () => {
    suite.proxy.returnsItemOnConditionFailure = true;
    const handler = catalog("1/2/3");
    for (let i = 0; i < 2; i++) expect((await list(handler, "t-returned")).statusCode).toBe(200);
    expect(await countersCalls(() => list(handler, "t-returned"))).toEqual({ UpdateItem: 1 });
    // The next window: the refusal shows the old window, so the request opens the new one (no read).
    vi.setSystemTime(WINDOW + 2_100);
    expect(await countersCalls(() => list(handler, "t-returned"))).toEqual({ UpdateItem: 2 });
    // The month is full (3): refused by the quota with one update.
    vi.setSystemTime(WINDOW + 4_100);
    let refused: { statusCode: number; body: string } | undefined;
    expect(await countersCalls(async () => (refused = (await list(handler, "t-returned")) as typeof refused))).toEqual({ UpdateItem: 1 });
    expect(refused!.statusCode).toBe(429);
    expect(json(refused as never)).toMatchObject({ message: "Monthly quota exceeded" });
  });

  test("a container whose clock is behind counts in the later window another one opened, up to its burst", async () => {
    const handler = catalog("1/2/1000000");
    vi.setSystemTime(WINDOW + 2_050);
    expect((await list(handler, "t-clock")).statusCode).toBe(200);
    // 100 ms behind: still in the previous window by its own clock.
    vi.setSystemTime(WINDOW + 1_950);
    expect((await list(handler, "t-clock")).statusCode).toBe(200);
    expect(await stored("t-clock")).toMatchObject({ count: { N: "2" }, windowStart: { N: String(WINDOW + 2_000) }, windowCount: { N: "2" } });
    const refused = await list(handler, "t-clock");
    expect(refused.statusCode).toBe(429);
    // Until the end of the window it was refused by (WINDOW + 4 000), from this clock: 2.05 s, rounded up.
    expect(refused.headers["Retry-After"]).toBe("3");
  });
});
