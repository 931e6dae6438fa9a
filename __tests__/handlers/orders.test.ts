// POST /orders and GET /orders/{orderId} through the built orders bundle, against dynalite, in both
// payload formats: the catalog/orders API contract's bodies, server-side prices, validation naming the field, idempotency.
import { createHash } from "node:crypto";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import "./support/environment.js";
import { APPENDIX_B_HEADERS, ERROR_BODY_KEYS, startAppWorld, TABLE, type AppWorld } from "./support/app-harness.js";
import { ensureHandlersBuilt } from "./support/build.js";
import { ordersOf, putProduct } from "./support/dynamo.js";
import { httpApiEvent, json, restApiEvent, type ApiCall, type ApiHandler, type CallerContext, type LambdaResponse } from "./support/events.js";
import { LogCapture } from "./support/logs.js";

const ADMIN: CallerContext = { tenantId: "tenant-123", role: "admin", sub: "user-a" };
const ORDER_FIELDS = ["createdAt", "currency", "customerId", "orderId", "productId", "quantity", "status", "totalPrice"];

describe("orders (built bundle)", () => {
  const logs = new LogCapture();
  let world: AppWorld;
  let orders: ApiHandler;

  beforeAll(async () => {
    await ensureHandlersBuilt();
    world = await startAppWorld();
    orders = world.load("orders");
    const put = (tenant: string, product: Parameters<typeof putProduct>[3]) => putProduct(world.dynamo.client, TABLE, tenant, product);
    await put("tenant-123", { productId: "prod-001", name: "Widget Pro", price: 99.99 });
    await put("tenant-123", { productId: "prod-002", name: "Gadget Plus", price: 149.99 });
    await put("tenant-123", { productId: "prod-out", name: "Sold out", price: 5, inStock: false });
    await put("tenant-idem", { productId: "prod-001", price: 10 });
  });
  afterAll(() => world.dynamo.close());
  beforeEach(() => logs.start());
  afterEach(() => logs.stop());

  const post = (body: unknown, extra: Partial<ApiCall> = {}) =>
    orders(httpApiEvent({ method: "POST", path: "/orders", template: "/orders", body, caller: ADMIN, ...extra }));

  test("POST /orders: the catalog/orders API contract's envelope, totalPrice from the catalog (99.99 x 2)", async () => {
    const response = await post({ customerId: "cust-456", productId: "prod-001", quantity: 2 });
    expect(response.statusCode).toBe(200);
    const body = json(response);
    expect(Object.keys(body).sort()).toEqual(["data", "requestId", "statusCode", "tenantId"]);
    expect(body).toMatchObject({ statusCode: 200, tenantId: "tenant-123" });
    const data = body.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(ORDER_FIELDS);
    expect(data).toMatchObject({ customerId: "cust-456", productId: "prod-001", quantity: 2, totalPrice: 199.98, currency: "USD", status: "PENDING" });
    expect(data.orderId).toMatch(/^order-[0-9a-f-]{36}$/);
    expect(data.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    for (const [name, value] of Object.entries(APPENDIX_B_HEADERS)) expect(response.headers[name]).toBe(value);
    expect(response.headers["Content-Type"]).toBe("application/json");
  });

  test("money is computed in minor units: 99.99 x 3 = 299.97", async () => {
    const data = json(await post({ customerId: "cust-1", productId: "prod-001", quantity: 3 })).data as Record<string, unknown>;
    expect(data.totalPrice).toBe(299.97);
  });

  test("a client-supplied totalPrice (or tenantId, status) is refused, naming the field, and creates nothing", async () => {
    const before = (await ordersOf(world.dynamo.client, TABLE, "tenant-123")).length;
    for (const field of ["totalPrice", "tenantId", "status"]) {
      const response = await post({ customerId: "cust-1", productId: "prod-001", quantity: 1, [field]: field === "totalPrice" ? 0.01 : "x" });
      expect(response.statusCode).toBe(400);
      expect(json(response).message).toBe(`Validation failed: unknown field ${field}`);
    }
    expect((await ordersOf(world.dynamo.client, TABLE, "tenant-123")).length).toBe(before);
  });

  test("GET /orders/{orderId} returns the stored order (with updatedAt), in both payload formats", async () => {
    const created = json(await post({ customerId: "cust-9", productId: "prod-002", quantity: 1 })).data as Record<string, unknown>;
    const id = String(created.orderId);
    const viaHttp = await orders(httpApiEvent({ method: "GET", path: `/orders/${id}`, template: "/orders/{orderId}", pathParameters: { orderId: id }, caller: ADMIN }));
    const viaRest = await orders(restApiEvent({ method: "GET", path: `/orders/${id}`, caller: ADMIN }));
    for (const response of [viaHttp, viaRest]) {
      expect(response.statusCode).toBe(200);
      const data = json(response).data as Record<string, unknown>;
      expect(Object.keys(data).sort()).toEqual([...ORDER_FIELDS, "updatedAt"].sort());
      expect(data).toMatchObject({ ...created, totalPrice: 149.99 });
    }
  });

  test("POST through a REST {proxy+} route under a stage prefix works the same", async () => {
    const response = await orders(restApiEvent({ method: "POST", path: "/v1/orders", body: { customerId: "c-1", productId: "prod-002", quantity: 2 }, caller: ADMIN }));
    expect(response.statusCode).toBe(200);
    expect((json(response).data as Record<string, unknown>).totalPrice).toBe(299.98);
  });

  test("a base64-encoded body (HTTP API) is decoded", async () => {
    const event = httpApiEvent({ method: "POST", path: "/orders", template: "/orders", caller: ADMIN });
    Object.assign(event, { body: Buffer.from(JSON.stringify({ customerId: "c-1", productId: "prod-001", quantity: 1 })).toString("base64"), isBase64Encoded: true });
    expect((await orders(event)).statusCode).toBe(200);
  });

  test.each([
    [{ customerId: "cust-456", quantity: 2 }, "productId", "Missing required field: productId"],
    [{ productId: "prod-001", quantity: 2 }, "customerId", "Missing required field: customerId"],
    [{ customerId: "c", productId: "prod-001" }, "quantity", "Missing required field: quantity"],
    [{ customerId: "c", productId: "prod-001", quantity: null }, "quantity", "Missing required field: quantity"],
    [{ customerId: "c", productId: "prod-001", quantity: 0 }, "quantity", "Validation failed: quantity must be a positive integer"],
    [{ customerId: "c", productId: "prod-001", quantity: -1 }, "quantity", "Validation failed: quantity must be a positive integer"],
    [{ customerId: "c", productId: "prod-001", quantity: 1.5 }, "quantity", "Validation failed: quantity must be a positive integer"],
    [{ customerId: "c", productId: "prod-001", quantity: "2" }, "quantity", "Validation failed: quantity must be a positive integer"],
    [{ customerId: "c", productId: "prod-001", quantity: 1001 }, "quantity", "Validation failed: quantity must be at most 1000"],
    [{ customerId: "c#x", productId: "prod-001", quantity: 1 }, "customerId", "Validation failed: customerId must be 1-128 letters, digits, '-' or '_'"],
    [{ customerId: "c", productId: "PRODUCT#x", quantity: 1 }, "productId", "Validation failed: productId must be 1-128 letters, digits, '-' or '_'"],
    [{ customerId: "c", productId: { $ne: 1 }, quantity: 1 }, "productId", "Validation failed: productId must be 1-128 letters, digits, '-' or '_'"],
    ["{not json", "body", "Validation failed: body must be valid JSON"],
    ["[1,2]", "body", "Validation failed: body must be a JSON object"],
    ["", "body", "Missing required field: body"],
  ])("400 names the field: %j -> %s", async (body, field, message) => {
    const response = await post(body);
    expect(response.statusCode).toBe(400);
    const error = json(response);
    expect(Object.keys(error).sort()).toEqual(ERROR_BODY_KEYS);
    expect(error).toMatchObject({ statusCode: 400, error: "BadRequest", message, tenantId: "tenant-123" });
    expect(String(error.message)).toContain(field);
    expect(error.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    for (const [name, value] of Object.entries(APPENDIX_B_HEADERS)) expect(response.headers[name]).toBe(value);
  });

  test("an invalid Idempotency-Key or orderId is a 400 naming it", async () => {
    const badKey = await post({ customerId: "c", productId: "prod-001", quantity: 1 }, { headers: { "Idempotency-Key": "has space" } });
    expect(json(badKey)).toMatchObject({ statusCode: 400, message: "Validation failed: Idempotency-Key must be 1-255 visible ASCII characters" });
    const badId = await orders(httpApiEvent({ method: "GET", path: "/orders/a%23b", caller: ADMIN }));
    expect(json(badId)).toMatchObject({ statusCode: 400, message: "Validation failed: orderId must be 1-128 letters, digits, '-' or '_'" });
  });

  test("an oversized body is a 413", async () => {
    const response = await post({ customerId: "c".repeat(20_000), productId: "prod-001", quantity: 1 });
    expect(json(response)).toMatchObject({ statusCode: 413, error: "PayloadTooLarge" });
  });

  describe("bodies are read only as application/json", () => {
    const BODY = { customerId: "cust-ct", productId: "prod-001", quantity: 1 };
    /** The event of a payload format with exactly these headers (v2 lower-cases names, v1 keeps them as sent). */
    const withHeaders = (format: "v1" | "v2", headers: Record<string, string>) => {
      const call = { method: "POST", path: "/orders", template: "/orders", body: BODY, caller: ADMIN };
      return format === "v2"
        ? { ...httpApiEvent(call), headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) }
        : { ...restApiEvent(call), headers, multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])) };
    };

    test.each([
      ["v2", {}],
      ["v1", {}],
      ["v2", { "Content-Type": "text/plain" }],
      ["v1", { "content-type": "text/plain; charset=utf-8" }],
      ["v1", { "Content-Type": "application/x-www-form-urlencoded" }],
      ["v2", { "content-type": "application/json-patch+json" }],
      ["v2", { "content-type": "application/jsonp" }],
      ["v1", { "CONTENT-TYPE": "application/json; charset=iso-8859-1" }],
      ["v2", { "content-type": "" }],
    ] as const)("%s with headers %j: 415 with the error body, and no order", async (format, headers) => {
      const before = (await ordersOf(world.dynamo.client, TABLE, "tenant-123")).length;
      const response = await orders(withHeaders(format, headers));
      expect(response.statusCode).toBe(415);
      const error = json(response);
      expect(Object.keys(error).sort()).toEqual(ERROR_BODY_KEYS);
      expect(error).toMatchObject({ statusCode: 415, error: "UnsupportedMediaType", message: "Content-Type must be application/json", tenantId: "tenant-123" });
      for (const [name, value] of Object.entries(APPENDIX_B_HEADERS)) expect(response.headers[name]).toBe(value);
      expect((await ordersOf(world.dynamo.client, TABLE, "tenant-123")).length).toBe(before);
    });

    test.each([
      ["v2", { "content-type": "application/json" }],
      ["v2", { "Content-Type": "Application/JSON; charset=UTF-8" }],
      ["v1", { "Content-Type": "application/json" }],
      ["v1", { "content-type": "application/json;charset=utf-8" }],
      ["v1", { "CONTENT-TYPE": 'application/json; charset="utf-8"' }],
    ] as const)("%s with headers %j: accepted", async (format, headers) => {
      expect((await orders(withHeaders(format, headers))).statusCode).toBe(200);
    });
  });

  test("unknown product: 404 with the catalog/orders API contract's message; out of stock: 409", async () => {
    expect(json(await post({ customerId: "c", productId: "prod-nope", quantity: 1 }))).toMatchObject({ statusCode: 404, error: "NotFound", message: "Product prod-nope not found" });
    expect(json(await post({ customerId: "c", productId: "prod-out", quantity: 1 }))).toMatchObject({ statusCode: 409, error: "Conflict", message: "Product prod-out is out of stock" });
  });

  test("unknown order: 404 'Order <id> not found'", async () => {
    const response = await orders(httpApiEvent({ method: "GET", path: "/orders/order-missing", template: "/orders/{orderId}", pathParameters: { orderId: "order-missing" }, caller: ADMIN }));
    expect(json(response)).toMatchObject({ statusCode: 404, error: "NotFound", message: "Order order-missing not found", tenantId: "tenant-123" });
  });

  test("no authorizer context: 401 with the error body; wrong method: 405; unknown route: 404", async () => {
    const anonymous = await orders(httpApiEvent({ method: "POST", path: "/orders", template: "/orders", body: {}, caller: null }));
    expect(json(anonymous)).toMatchObject({ statusCode: 401, error: "Unauthorized", tenantId: null });
    const forged = await orders(httpApiEvent({ method: "GET", path: "/orders/x", caller: { tenantId: "TENANT#x" } }));
    expect(json(forged)).toMatchObject({ statusCode: 401 });
    const wrongMethod = await orders(httpApiEvent({ method: "DELETE", path: "/orders/x", caller: ADMIN }));
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.Allow).toBe("GET");
    expect(json(await orders(httpApiEvent({ method: "GET", path: "/nowhere", caller: ADMIN })))).toMatchObject({ statusCode: 404, message: "Route not found" });
  });

  test("one log line per request, with requestId, tenantId, userId, route, status, duration, version, and no body or token", async () => {
    logs.clear();
    const event = httpApiEvent({ method: "POST", path: "/orders", template: "/orders", body: { customerId: "secret-customer", productId: "prod-001", quantity: 1 }, caller: ADMIN, headers: { authorization: "Bearer eyJhbGciOi.secret.token" } });
    await orders(event);
    const lines = logs.where((line) => line.message === "request completed");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "INFO", service: "orders", requestId: event.requestContext.requestId, tenantId: "tenant-123", route: "POST /orders", status: 200 });
    expect(lines[0]).toMatchObject({ userId: ADMIN.sub, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(typeof lines[0]!.duration).toBe("number");
    expect(lines[0]!.durationMs).toBeUndefined();
    expect(typeof lines[0]!.timestamp).toBe("string");
    expect(logs.text()).not.toContain("secret-customer");
    expect(logs.text()).not.toContain("secret.token");
  });

  describe("idempotency", () => {
    const IDEM: CallerContext = { tenantId: "tenant-idem", role: "user", sub: "buyer-1" };
    // Rate limiting is not under test here (and 200 requests would all count on one counter item).
    let idemOrders: ApiHandler;
    beforeAll(() => {
      // dynalite serialises the 200 claims in this one process: allow the waiting requests plenty of time.
      idemOrders = world.load("orders", { RATE_LIMIT_ENABLED: "false", IDEMPOTENCY_WAIT_MS: "20000" });
    });
    /** A client honouring 409 / 503: tries again (a claim stuck by a failed release frees itself when its lock expires). */
    const retryWhileBusy = async (send: () => Promise<LambdaResponse>) => {
      let response = await send();
      for (let i = 0; i < 10 && (response.statusCode === 409 || response.statusCode === 503); i++) response = await send();
      return response;
    };
    const postIdem = (key: string, body: unknown, caller = IDEM) =>
      idemOrders(httpApiEvent({ method: "POST", path: "/orders", template: "/orders", body, caller, headers: { "Idempotency-Key": key } }));

    test("200 concurrent POSTs with one Idempotency-Key make exactly one order; every success is that order, the rest may retry into it", async () => {
      const before = (await ordersOf(world.dynamo.client, TABLE, "tenant-idem")).length;
      const body = { customerId: "cust-1", productId: "prod-001", quantity: 3 };
      const burst = await Promise.all(Array.from({ length: 200 }, () => postIdem("key-concurrent", body)));
      // How many finish inside the wait depends on the machine; what the key guarantees does not: one
      // order, every 200 is that order, and anything else is a documented "try again" (409 / 503 + Retry-After).
      for (const response of burst.filter((r) => r.statusCode !== 200)) {
        expect([409, 503]).toContain(response.statusCode);
        if (response.statusCode === 503) expect(response.headers["Retry-After"]).toBe("1");
      }
      const retried = [];
      for (const response of burst) retried.push(response.statusCode === 200 ? response : await retryWhileBusy(() => postIdem("key-concurrent", body)));
      expect(retried.map((r) => r.statusCode)).toEqual(Array(200).fill(200));
      const ids = new Set(retried.map((r) => (json(r).data as { orderId: string }).orderId));
      expect(ids.size).toBe(1);
      const after = await ordersOf(world.dynamo.client, TABLE, "tenant-idem");
      expect(after.length - before).toBe(1);
      expect(after.map((item) => item.orderId?.S)).toContain([...ids][0]);
    });

    test("a retry with the same key and body returns the same order (same data)", async () => {
      const body = { customerId: "cust-2", productId: "prod-001", quantity: 1 };
      const first = json(await postIdem("key-retry", body));
      const second = json(await postIdem("key-retry", { quantity: 1, productId: "prod-001", customerId: "cust-2" }));
      expect(second.data).toEqual(first.data);
      expect(second.requestId).not.toBe(first.requestId);
    });

    test("the same key with a different body is a 422 and creates nothing", async () => {
      await postIdem("key-mismatch", { customerId: "cust-3", productId: "prod-001", quantity: 1 });
      const before = (await ordersOf(world.dynamo.client, TABLE, "tenant-idem")).length;
      const response = await postIdem("key-mismatch", { customerId: "cust-3", productId: "prod-001", quantity: 2 });
      expect(response.statusCode).toBe(422);
      expect(json(response)).toMatchObject({ statusCode: 422, error: "UnprocessableEntity", message: "Idempotency-Key was already used with a different request body" });
      expect((await ordersOf(world.dynamo.client, TABLE, "tenant-idem")).length).toBe(before);
    });

    test("keys belong to their caller: another user's identical key makes its own order", async () => {
      const body = { customerId: "cust-4", productId: "prod-001", quantity: 1 };
      const mine = json(await postIdem("key-shared", body)).data as { orderId: string };
      const theirs = json(await postIdem("key-shared", body, { ...IDEM, sub: "buyer-2" })).data as { orderId: string };
      expect(theirs.orderId).not.toBe(mine.orderId);
    });

    test("a failed request releases its key: the retry runs again", async () => {
      expect((await postIdem("key-release", { customerId: "c", productId: "prod-missing", quantity: 1 })).statusCode).toBe(404);
      expect((await postIdem("key-release", { customerId: "c", productId: "prod-001", quantity: 1 })).statusCode).toBe(200);
    });

    const claimKey = (sub: string, key: string) => createHash("sha256").update(`${sub}\n${key}`).digest("hex");
    const requestHash = (body: { customerId: string; productId: string; quantity: number }) =>
      createHash("sha256").update(JSON.stringify([body.customerId, body.productId, body.quantity])).digest("hex");
    const abandonedClaim = (key: string, body: { customerId: string; productId: string; quantity: number }, orderId: string, lockExpiresAtMs = Date.now() - 1_000) =>
      world.dynamo.client.send(
        new PutItemCommand({
          TableName: TABLE,
          Item: {
            PK: { S: "TENANT#tenant-idem#IDEMPOTENCY" },
            SK: { S: `KEY#${claimKey("buyer-1", key)}` },
            status: { S: "IN_PROGRESS" },
            requestHash: { S: requestHash(body) },
            orderId: { S: orderId },
            claimToken: { S: "dead-lambda" },
            lockExpiresAtMs: { N: String(lockExpiresAtMs) },
            expiresAt: { N: String(Math.floor(Date.now() / 1000) + 3_600) },
          },
        }),
      );

    test("a claim abandoned by a crashed request is taken over, reusing its order id", async () => {
      const body = { customerId: "cust-5", productId: "prod-001", quantity: 2 };
      await abandonedClaim("key-crash", body, "order-from-crashed-request");
      const response = await postIdem("key-crash", body);
      expect(response.statusCode).toBe(200);
      expect((json(response).data as { orderId: string }).orderId).toBe("order-from-crashed-request");
    });

    test("a live claim held by another request: 409 once the wait is over, and no order", async () => {
      const body = { customerId: "cust-7", productId: "prod-001", quantity: 1 };
      await abandonedClaim("key-busy", body, "order-being-made", Date.now() + 60_000);
      const impatient = world.load("orders", { RATE_LIMIT_ENABLED: "false", IDEMPOTENCY_WAIT_MS: "0" });
      const response = await impatient(httpApiEvent({ method: "POST", path: "/orders", template: "/orders", body, caller: IDEM, headers: { "Idempotency-Key": "key-busy" } }));
      expect(json(response)).toMatchObject({ statusCode: 409, error: "Conflict", message: "A request with this Idempotency-Key is still being processed" });
      const ids = (await ordersOf(world.dynamo.client, TABLE, "tenant-idem")).map((item) => item.orderId?.S);
      expect(ids).not.toContain("order-being-made");
    });

    test("if the crashed request had already written its order, the takeover returns it and writes no second one", async () => {
      const body = { customerId: "cust-6", productId: "prod-001", quantity: 1 };
      const first = json(await postIdem("key-crash-2-original", body)).data as { orderId: string };
      await abandonedClaim("key-crash-2", body, first.orderId);
      const before = (await ordersOf(world.dynamo.client, TABLE, "tenant-idem")).length;
      const response = await postIdem("key-crash-2", body);
      expect((json(response).data as { orderId: string }).orderId).toBe(first.orderId);
      expect((await ordersOf(world.dynamo.client, TABLE, "tenant-idem")).length).toBe(before);
    });
  });

  test("a 500 says nothing about its cause (missing table), and the cause is logged", async () => {
    const broken = world.load("orders", { TABLE_NAME: "missing-table" });
    logs.clear();
    const response = await broken(httpApiEvent({ method: "GET", path: "/orders/order-1", template: "/orders/{orderId}", pathParameters: { orderId: "order-1" }, caller: ADMIN }));
    expect(response.statusCode).toBe(500);
    const body = json(response);
    expect(Object.keys(body).sort()).toEqual(ERROR_BODY_KEYS);
    expect(body).toMatchObject({ statusCode: 500, error: "InternalServerError", message: "Internal server error", tenantId: "tenant-123" });
    for (const leak of ["ResourceNotFound", "missing-table", "dynalite", "127.0.0.1", "Error:", " at ", "node_modules", "stack"]) expect(response.body).not.toContain(leak);
    for (const [name, value] of Object.entries(APPENDIX_B_HEADERS)) expect(response.headers[name]).toBe(value);
    expect(logs.where((line) => line.message === "request failed" && line.level === "ERROR")).toHaveLength(1);
    // The limiter's table is missing too: it fails open, loudly.
    expect(logs.where((line) => line.event === "rate_limiter_unavailable")).toHaveLength(1);
  });
});
