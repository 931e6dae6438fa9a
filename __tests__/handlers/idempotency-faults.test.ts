// An Idempotency-Key creates at most one order, whatever fails. The built orders bundle talks to dynalite
// through a fault proxy that applies the order write and then loses its reply (500s, a reset connection, no
// answer at all), lets the write land only after the request gave up, or fails the idempotency record's
// completion. Each time the client retries with the same key: the same body gets that order (same id), a
// different body gets the documented 422, and the table holds exactly one order.
import { beforeAll, describe, expect, test } from "vitest";
import "./support/environment.js";
import { contextWithRemaining, ERROR_BODY_KEYS, TABLE } from "./support/app-harness.js";
import { ordersOf, putProduct } from "./support/dynamo.js";
import { httpApiEvent, json, restApiEvent, type ApiHandler, type LambdaResponse } from "./support/events.js";
import { touchesIdempotencyRecord, touchesOrder, type Fault } from "./support/fault-proxy.js";
import { faultWorld } from "./support/fault-world.js";
import { LogCapture } from "./support/logs.js";

const TENANT = "tenant-faults";
const CALLER = { tenantId: TENANT, role: "user", sub: "buyer-f" };
const BODY = { customerId: "cust-f", productId: "prod-001", quantity: 2 };
/** 3 s left in the function: a 2.4 s request budget, which a reply that never comes exhausts. */
const SHORT = contextWithRemaining(3_000);
const TIMEOUT = 60_000;

describe("Idempotency-Key: at most one order, whatever fails (built bundle, DynamoDB behind a fault proxy)", () => {
  const logs = new LogCapture();
  const suite = faultWorld(logs, async (world) => {
    await putProduct(world.dynamo.client, TABLE, TENANT, { productId: "prod-001", price: 12.5 });
    await putProduct(world.dynamo.client, TABLE, TENANT, { productId: "prod-002", price: 3 });
  });
  let orders: ApiHandler;
  beforeAll(() => {
    orders = suite.world.load("orders", { DYNAMODB_ENDPOINT: suite.proxy.endpoint, RATE_LIMIT_ENABLED: "false" });
  });

  const post = (key: string, body: unknown = BODY, context?: ReturnType<typeof contextWithRemaining>, format: "v1" | "v2" = "v2") => {
    const call = { method: "POST", path: "/orders", template: "/orders", body, caller: CALLER, headers: { "Idempotency-Key": key } };
    return orders(format === "v2" ? httpApiEvent(call) : restApiEvent(call), context);
  };
  /** A client honouring 409 / 503: tries again (a claim left by a request cut short frees itself when its lock expires). */
  const retryWhileBusy = async (send: () => Promise<LambdaResponse>) => {
    let response = await send();
    for (let i = 0; i < 10 && (response.statusCode === 409 || response.statusCode === 503); i++) response = await send();
    return response;
  };
  const orderCount = async () => (await ordersOf(suite.world.dynamo.client, TABLE, TENANT)).length;
  const orderIdOf = (response: LambdaResponse) => (json(response).data as { orderId: string }).orderId;

  function expectRetryLater(response: LambdaResponse): void {
    expect(response.statusCode).toBe(503);
    expect(response.headers["Retry-After"]).toBe("1");
    expect(json(response)).toMatchObject({ statusCode: 503, error: "ServiceUnavailable" });
  }

  /** The first order write is applied and its reply lost as `first`; the SDK's retries of it meet `retries`. */
  const loseTheOrderWriteReply = (first: Fault, retries: Fault) => {
    suite.proxy.inject({ operation: "PutItem", when: touchesOrder, fault: first, times: 1 });
    suite.proxy.inject({ operation: "PutItem", when: touchesOrder, fault: retries });
  };

  test.each([
    ["answered with 500s", "apply-then-500", "500"],
    ["lost with the connection", "apply-then-reset", "reset"],
  ] as const)(
    "order written, reply %s (and every SDK retry too): 503 + Retry-After; the retry returns that order; one order",
    async (_name, first, retries) => {
      const before = await orderCount();
      loseTheOrderWriteReply(first, retries);
      const failed = await post(`lost-${first}`);
      expectRetryLater(failed);
      expect(suite.proxy.injected[first]).toBe(1);
      expect(suite.proxy.injected[retries]).toBeGreaterThanOrEqual(1); // the SDK retried, into the same loss
      suite.proxy.clearRules();
      expect(await orderCount()).toBe(before + 1); // the write was applied
      const retried = await post(`lost-${first}`, { quantity: 2, productId: "prod-001", customerId: "cust-f" }, undefined, "v1");
      expect(retried.statusCode).toBe(200);
      const stored = await ordersOf(suite.world.dynamo.client, TABLE, TENANT);
      expect(stored).toHaveLength(before + 1);
      expect(stored.map((item) => item.orderId?.S)).toContain(orderIdOf(retried));
      expect(json(retried).data).toMatchObject({ ...BODY, totalPrice: 25, status: "PENDING" });
      // And again: still that order.
      expect(orderIdOf(await post(`lost-${first}`))).toBe(orderIdOf(retried));
      expect(await orderCount()).toBe(before + 1);
    },
    TIMEOUT,
  );

  test(
    "order written, reply never comes: 503 + Retry-After within the request's time; the retry returns that order",
    async () => {
      const before = await orderCount();
      suite.proxy.inject({ operation: "PutItem", when: touchesOrder, fault: "apply-then-stall", times: 1 });
      suite.proxy.inject({ operation: "PutItem", when: touchesOrder, fault: "stall" }); // the SDK's own retries get no answer either
      expectRetryLater(await post("lost-silence", BODY, SHORT));
      expect(suite.proxy.injected["apply-then-stall"]).toBe(1);
      suite.proxy.clearRules();
      const retried = await post("lost-silence");
      expect(retried.statusCode).toBe(200);
      expect(await orderCount()).toBe(before + 1);
      expect(orderIdOf(await post("lost-silence"))).toBe(orderIdOf(retried));
    },
    TIMEOUT,
  );

  test(
    "every DynamoDB reply comes 1 s late: the request as a whole ends at its deadline (503 + Retry-After); the retry gets one order",
    async () => {
      const before = await orderCount();
      // A keyed POST makes five calls in a row (claim, order check, product, order write, completion): at
      // least 5 s of waiting against a 2.4 s budget, on any machine.
      suite.proxy.inject({ fault: "slow" });
      expectRetryLater(await post("slow-everything", BODY, SHORT));
      expect(suite.proxy.injected.slow).toBeGreaterThanOrEqual(2);
      suite.proxy.clearRules();
      const retried = await retryWhileBusy(() => post("slow-everything"));
      expect(retried.statusCode).toBe(200);
      expect(await orderCount()).toBe(before + 1);
    },
    TIMEOUT,
  );

  test(
    "the order write lands only after the request gave up: the retry returns that order, not a second one",
    async () => {
      const before = await orderCount();
      suite.proxy.inject({ operation: "PutItem", when: touchesOrder, fault: "apply-after-give-up", times: 1 });
      suite.proxy.inject({ operation: "PutItem", when: touchesOrder, fault: "stall" });
      expectRetryLater(await post("late-write", BODY, SHORT));
      await suite.proxy.lateWritesLanded();
      suite.proxy.clearRules();
      expect(suite.proxy.injected["apply-after-give-up"]).toBe(1);
      expect(await orderCount()).toBe(before + 1);
      const retried = await post("late-write");
      expect(retried.statusCode).toBe(200);
      const stored = await ordersOf(suite.world.dynamo.client, TABLE, TENANT);
      expect(stored).toHaveLength(before + 1);
      expect(stored.map((item) => item.orderId?.S)).toContain(orderIdOf(retried));
    },
    TIMEOUT,
  );

  test(
    "after a lost reply, the same key with a different body is still 422 and creates nothing; the original body still gets its order",
    async () => {
      const before = await orderCount();
      loseTheOrderWriteReply("apply-then-500", "500");
      expectRetryLater(await post("lost-then-other-body"));
      suite.proxy.clearRules();
      const other = await post("lost-then-other-body", { ...BODY, productId: "prod-002" });
      expect(other.statusCode).toBe(422);
      const error = json(other);
      expect(Object.keys(error).sort()).toEqual(ERROR_BODY_KEYS);
      expect(error).toMatchObject({ statusCode: 422, error: "UnprocessableEntity", message: "Idempotency-Key was already used with a different request body" });
      expect(await orderCount()).toBe(before + 1);
      const original = await post("lost-then-other-body");
      expect(original.statusCode).toBe(200);
      expect(json(original).data).toMatchObject({ productId: "prod-001", quantity: 2 });
      expect(await orderCount()).toBe(before + 1);
    },
    TIMEOUT,
  );

  test(
    "the order is written but its idempotency record cannot be completed: the order is returned, and the retry gets it at once",
    async () => {
      const before = await orderCount();
      suite.proxy.inject({ operation: "UpdateItem", when: touchesIdempotencyRecord, fault: "500" });
      const first = await post("record-not-completed");
      expect(first.statusCode).toBe(200);
      expect(suite.proxy.injected["500"]).toBeGreaterThanOrEqual(1);
      suite.proxy.clearRules();
      // The record stays IN_PROGRESS under a live lock; the retry must not wait it out (nor answer 409).
      const retried = await post("record-not-completed", BODY, contextWithRemaining(60_000));
      expect(retried.statusCode).toBe(200);
      expect(orderIdOf(retried)).toBe(orderIdOf(first));
      expect(await orderCount()).toBe(before + 1);
    },
    TIMEOUT,
  );

  test(
    "a retry while the first request's write is stalled does not make a second order",
    async () => {
      const before = await orderCount();
      suite.proxy.inject({ operation: "PutItem", when: touchesOrder, fault: "apply-then-stall", times: 1 });
      suite.proxy.inject({ operation: "PutItem", when: touchesOrder, fault: "stall" });
      const stalled = post("concurrent-stall", BODY, SHORT);
      // The retry arrives while the first still holds the claim: it waits, then gets 409 or that order.
      const impatient = await post("concurrent-stall", BODY, SHORT);
      expect([200, 409, 503]).toContain(impatient.statusCode);
      expectRetryLater(await stalled);
      suite.proxy.clearRules();
      const settled = await post("concurrent-stall");
      expect(settled.statusCode).toBe(200);
      if (impatient.statusCode === 200) expect(orderIdOf(impatient)).toBe(orderIdOf(settled));
      expect(await orderCount()).toBe(before + 1);
    },
    TIMEOUT,
  );
});
