// GET /catalog and GET /catalog/{productId} through the built catalog bundle, both payload formats.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import "./support/environment.js";
import { APPENDIX_B_HEADERS, ERROR_BODY_KEYS, startAppWorld, TABLE, type AppWorld } from "./support/app-harness.js";
import { ensureHandlersBuilt } from "./support/build.js";
import { putProduct } from "./support/dynamo.js";
import { httpApiEvent, json, restApiEvent, type ApiHandler } from "./support/events.js";

const SUMMARY_FIELDS = ["category", "currency", "description", "inStock", "name", "price", "productId"];

describe("catalog (built bundle)", () => {
  let world: AppWorld;
  let catalog: ApiHandler;

  beforeAll(async () => {
    await ensureHandlersBuilt();
    world = await startAppWorld();
    catalog = world.load("catalog");
    await putProduct(world.dynamo.client, TABLE, "tenant-123", { productId: "prod-001", name: "Widget Pro", description: "Professional grade widget", price: 99.99 });
    await putProduct(world.dynamo.client, TABLE, "tenant-123", { productId: "prod-002", name: "Gadget Plus", description: "Advanced gadget", price: 149.99 });
    await putProduct(world.dynamo.client, TABLE, "tenant-123", { productId: "prod-003", name: "Thing", price: 1, inStock: false });
    await putProduct(world.dynamo.client, TABLE, "tenant-other", { productId: "prod-009", name: "Not yours", price: 5 });
  });
  afterAll(() => world.dynamo.close());

  const caller = { tenantId: "tenant-123", role: "guest" };

  test("GET /catalog lists the tenant's products with the catalog/orders API contract's fields (HTTP API 2.0)", async () => {
    const response = await catalog(httpApiEvent({ method: "GET", path: "/catalog", template: "/catalog", caller }));
    expect(response.statusCode).toBe(200);
    const body = json(response);
    expect(body).toMatchObject({ statusCode: 200, tenantId: "tenant-123" });
    const data = body.data as Record<string, unknown>[];
    expect(data.map((p) => p.productId)).toEqual(["prod-001", "prod-002", "prod-003"]);
    for (const product of data) expect(Object.keys(product).sort()).toEqual(SUMMARY_FIELDS);
    expect(data[0]).toEqual({ productId: "prod-001", name: "Widget Pro", description: "Professional grade widget", price: 99.99, currency: "USD", category: "Electronics", inStock: true });
    expect(body).not.toHaveProperty("nextToken");
    for (const [name, value] of Object.entries(APPENDIX_B_HEADERS)) expect(response.headers[name]).toBe(value);
  });

  test("GET /catalog/{productId} adds createdAt/updatedAt (REST proxy, catch-all route)", async () => {
    const response = await catalog(restApiEvent({ method: "GET", path: "/catalog/prod-001", caller }));
    expect(response.statusCode).toBe(200);
    const data = json(response).data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual([...SUMMARY_FIELDS, "createdAt", "updatedAt"].sort());
    expect(data).toMatchObject({ productId: "prod-001", price: 99.99, createdAt: "2024-01-15T10:30:00Z" });
  });

  test("routes mounted under a prefix resource (/v1/catalog/{productId}) and HTTP API stage paths resolve", async () => {
    const rest = await catalog(restApiEvent({ method: "GET", path: "/v1/catalog/prod-002", template: "/v1/catalog/{productId}", pathParameters: { productId: "prod-002" }, caller }));
    expect((json(rest).data as { productId: string }).productId).toBe("prod-002");
    const http = await catalog(httpApiEvent({ method: "GET", path: "/prod/catalog/prod-001", caller }));
    expect((json(http).data as { productId: string }).productId).toBe("prod-001");
    const list = await catalog(httpApiEvent({ method: "GET", path: "/prod/catalog", caller }));
    expect(json(list).data).toHaveLength(3);
  });

  test("404 with the catalog/orders API contract's body for an unknown product", async () => {
    const response = await catalog(httpApiEvent({ method: "GET", path: "/catalog/invalid-id", template: "/catalog/{productId}", pathParameters: { productId: "invalid-id" }, caller }));
    const body = json(response);
    expect(response.statusCode).toBe(404);
    expect(Object.keys(body).sort()).toEqual(ERROR_BODY_KEYS);
    expect(body).toMatchObject({ statusCode: 404, error: "NotFound", message: "Product invalid-id not found", tenantId: "tenant-123" });
  });

  test("pagination: limit and an opaque nextToken that cannot leave the tenant", async () => {
    const first = json(await catalog(httpApiEvent({ method: "GET", path: "/catalog", template: "/catalog", query: { limit: "2" }, caller })));
    expect((first.data as { productId: string }[]).map((p) => p.productId)).toEqual(["prod-001", "prod-002"]);
    expect(typeof first.nextToken).toBe("string");
    const second = json(await catalog(httpApiEvent({ method: "GET", path: "/catalog", template: "/catalog", query: { limit: "2", nextToken: String(first.nextToken) }, caller })));
    expect((second.data as { productId: string }[]).map((p) => p.productId)).toEqual(["prod-003"]);
    // A token naming another tenant's product still reads only the caller's partition.
    const crafted = Buffer.from("prod-000").toString("base64url");
    const third = json(await catalog(httpApiEvent({ method: "GET", path: "/catalog", template: "/catalog", query: { nextToken: crafted }, caller: { tenantId: "tenant-other" } })));
    expect((third.data as { productId: string }[]).map((p) => p.productId)).toEqual(["prod-009"]);
  });

  test.each([
    [{ limit: "0" }, "limit"],
    [{ limit: "101" }, "limit"],
    [{ limit: "ten" }, "limit"],
    [{ nextToken: "!!!" }, "nextToken"],
    [{ nextToken: Buffer.from("PRODUCT#x#y").toString("base64url") }, "nextToken"],
  ])("400 names the query parameter: %j", async (query, field) => {
    const body = json(await catalog(httpApiEvent({ method: "GET", path: "/catalog", template: "/catalog", query, caller })));
    expect(body).toMatchObject({ statusCode: 400, error: "BadRequest" });
    expect(String(body.message)).toContain(field);
  });

  test("POST /catalog is 405 with Allow: GET", async () => {
    const response = await catalog(httpApiEvent({ method: "POST", path: "/catalog", template: "/catalog", body: {}, caller }));
    expect(response.statusCode).toBe(405);
    expect(response.headers.Allow).toBe("GET");
    expect(json(response)).toMatchObject({ statusCode: 405, error: "MethodNotAllowed" });
  });

  test("the tenant never comes from the request: path, query, headers and body are ignored", async () => {
    const response = await catalog(
      httpApiEvent({ method: "GET", path: "/catalog", template: "/catalog", query: { tenantId: "tenant-other" }, headers: { "x-tenant-id": "tenant-other" }, body: { tenantId: "tenant-other" }, caller }),
    );
    const body = json(response);
    expect(body.tenantId).toBe("tenant-123");
    expect(response.body).not.toContain("prod-009");
  });
});
