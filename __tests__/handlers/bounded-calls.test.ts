// Every AWS call a handler makes is bounded: the built catalog and orders bundles talk to dynalite through a
// fault proxy that stalls, drops or fails chosen calls. Whatever the fault, the handler answers 503 with
// Retry-After and the documented error body; when only the rate limiter's table stalls, the limiter fails
// open and the request is served. The tests assert what the handler answers, never how fast: deadlines come
// from the Lambda context the test passes, and the proxy counts the faults it injected.
import { describe, expect, test, vi } from "vitest";
import "./support/environment.js";
import { APPENDIX_B_HEADERS, contextWithRemaining, ERROR_BODY_KEYS, TABLE } from "./support/app-harness.js";
import { createKeyTable, ordersOf, putProduct } from "./support/dynamo.js";
import { httpApiEvent, json, restApiEvent, type LambdaResponse } from "./support/events.js";
import type { Fault } from "./support/fault-proxy.js";
import { faultWorld } from "./support/fault-world.js";
import { LogCapture } from "./support/logs.js";

const TENANT = "tenant-bounded";
const CALLER = { tenantId: TENANT, role: "admin", sub: "user-b" };
const LIMITS_TABLE = "rate-limits";
/** 3 s left in the function: a 2.4 s request budget, which a stalled call exhausts. */
const SHORT = contextWithRemaining(3_000);
// Generous against the work (a few seconds at most); only the pre-fix code, which waits forever, reaches it.
const TIMEOUT = 60_000;

describe("every AWS call is bounded (built bundles, DynamoDB behind a fault proxy)", () => {
  const logs = new LogCapture();
  const suite = faultWorld(logs, async (world) => {
    await createKeyTable(world.dynamo.client, LIMITS_TABLE, { gsi1: false });
    await putProduct(world.dynamo.client, TABLE, TENANT, { productId: "prod-001", price: 10 });
  });

  const load = (name: "catalog" | "orders", env: Record<string, string | undefined> = {}) => suite.world.load(name, { DYNAMODB_ENDPOINT: suite.proxy.endpoint, ...env });
  const listCatalog = { method: "GET", path: "/catalog", template: "/catalog", caller: CALLER };
  const getOrder = { method: "GET", path: "/orders/order-1", template: "/orders/{orderId}", pathParameters: { orderId: "order-1" }, caller: CALLER };
  const postOrder = { method: "POST", path: "/orders", template: "/orders", body: { customerId: "c-1", productId: "prod-001", quantity: 1 }, caller: CALLER };

  function expectServiceUnavailable(response: LambdaResponse): void {
    expect(response.statusCode).toBe(503);
    expect(response.headers["Retry-After"]).toBe("1");
    const body = json(response);
    expect(Object.keys(body).sort()).toEqual(ERROR_BODY_KEYS);
    expect(body).toMatchObject({ statusCode: 503, error: "ServiceUnavailable", message: "Service temporarily unavailable", tenantId: TENANT });
    for (const [name, value] of Object.entries(APPENDIX_B_HEADERS)) expect(response.headers[name]).toBe(value);
  }

  const EVERY_CALL: Fault[] = ["stall", "stall-body", "close-mid-response", "reset", "500", "throttle"];

  test.each(EVERY_CALL)(
    "catalog, every DynamoDB call meets '%s': 503 + Retry-After (HTTP API and REST)",
    async (fault) => {
      suite.proxy.inject({ fault });
      const catalog = load("catalog");
      expectServiceUnavailable(await catalog(httpApiEvent(listCatalog), SHORT));
      expectServiceUnavailable(await catalog(restApiEvent(listCatalog), SHORT));
      expect(suite.proxy.injected[fault] ?? 0).toBeGreaterThanOrEqual(2);
    },
    TIMEOUT,
  );

  test.each(["stall", "stall-body", "close-mid-response"] as const)(
    "orders, every DynamoDB call meets '%s': POST and GET answer 503 + Retry-After, and no order is written",
    async (fault) => {
      const before = (await ordersOf(suite.world.dynamo.client, TABLE, TENANT)).length;
      suite.proxy.inject({ fault });
      const orders = load("orders");
      expectServiceUnavailable(await orders(httpApiEvent(postOrder), SHORT));
      expectServiceUnavailable(await orders(httpApiEvent({ ...postOrder, headers: { "Idempotency-Key": `bounded-${fault}` } }), SHORT));
      expectServiceUnavailable(await orders(restApiEvent(getOrder), SHORT));
      suite.proxy.clearRules();
      expect((await ordersOf(suite.world.dynamo.client, TABLE, TENANT)).length).toBe(before);
    },
    TIMEOUT,
  );

  test(
    "with time to spare in the function, a stalled call still ends at its own cap: 503 + Retry-After",
    async () => {
      suite.proxy.inject({ operation: "GetItem", fault: "stall" });
      const orders = load("orders"); // the harness's context: 15 minutes left
      expectServiceUnavailable(await orders(httpApiEvent(getOrder)));
      expect(suite.proxy.injected.stall).toBeGreaterThanOrEqual(1);
    },
    TIMEOUT,
  );

  test(
    "only the rate limiter's table stalls: the limiter fails open (logged) and the request is served",
    async () => {
      suite.proxy.inject({ table: LIMITS_TABLE, fault: "stall" });
      const env = { RATE_LIMIT_TABLE_NAME: LIMITS_TABLE, RATE_LIMIT_TIMEOUT_MS: "500" };
      const catalog = load("catalog", env);
      const orders = load("orders", env);
      const listed = await catalog(httpApiEvent(listCatalog));
      expect(listed.statusCode).toBe(200);
      expect(json(listed).data).toEqual([expect.objectContaining({ productId: "prod-001" })]);
      const placed = await orders(restApiEvent(postOrder));
      expect(placed.statusCode).toBe(200);
      expect(logs.where((line) => line.event === "rate_limiter_unavailable" && line.level === "ERROR")).toHaveLength(2);
      // Each request's counter update stalled (more than once if the SDK retried, e.g. on a stale socket), and none got through.
      expect(suite.proxy.injected.stall).toBeGreaterThanOrEqual(2);
      expect(suite.proxy.calls.filter((call) => call.table === LIMITS_TABLE)).toHaveLength(suite.proxy.injected.stall!);
    },
    TIMEOUT,
  );

  test(
    "the rate limiter's table stalls and so does the data: still 503 + Retry-After, never a hang",
    async () => {
      suite.proxy.inject({ fault: "stall" });
      const catalog = load("catalog", { RATE_LIMIT_TABLE_NAME: LIMITS_TABLE });
      expectServiceUnavailable(await catalog(httpApiEvent(listCatalog), SHORT));
      // The limiter's own deadline always ends its stalled call and logs it, but on a starved machine its timer and
      // the request's can come due together and the 503 may be answered first: wait for the line, in either order.
      await vi.waitFor(() => expect(logs.where((line) => line.event === "rate_limiter_unavailable")).toHaveLength(1), { timeout: TIMEOUT / 2, interval: 20 });
    },
    TIMEOUT,
  );
});
