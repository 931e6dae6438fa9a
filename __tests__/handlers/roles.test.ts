// The role rule table (the role matrix of the enterprise integration requirements), row by row, through the built bundles:
//   role       | GET /catalog(/{id}) | POST /orders | GET own order | GET another user's order (same tenant)
//   guest      | 200                 | 403          | 403           | 403
//   user       | 200                 | 200          | 200           | 404 (+ cross_user_access log)
//   moderator  | 200                 | 200          | 200           | 200
//   admin      | 200                 | 200          | 200           | 200
// Roles compare case-insensitively; unknown or missing roles are guest.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import "./support/environment.js";
import { ERROR_BODY_KEYS, startAppWorld, TABLE, type AppWorld } from "./support/app-harness.js";
import { ensureHandlersBuilt } from "./support/build.js";
import { putProduct } from "./support/dynamo.js";
import { httpApiEvent, json, restApiEvent, type ApiHandler, type CallerContext } from "./support/events.js";
import { LogCapture } from "./support/logs.js";

const TENANT = "tenant-roles";

interface Row {
  role: string | undefined;
  catalog: number;
  create: number;
  readOwn: number;
  readOthers: number;
}

const ROWS: Row[] = [
  { role: "guest", catalog: 200, create: 403, readOwn: 403, readOthers: 403 },
  { role: "user", catalog: 200, create: 200, readOwn: 200, readOthers: 404 },
  { role: "moderator", catalog: 200, create: 200, readOwn: 200, readOthers: 200 },
  { role: "admin", catalog: 200, create: 200, readOwn: 200, readOthers: 200 },
  // spellings and unknowns
  { role: "Admin", catalog: 200, create: 200, readOwn: 200, readOthers: 200 },
  { role: "MODERATOR", catalog: 200, create: 200, readOwn: 200, readOthers: 200 },
  { role: "User", catalog: 200, create: 200, readOwn: 200, readOthers: 404 },
  { role: "superuser", catalog: 200, create: 403, readOwn: 403, readOthers: 403 },
  { role: "", catalog: 200, create: 403, readOwn: 403, readOthers: 403 },
  { role: undefined, catalog: 200, create: 403, readOwn: 403, readOthers: 403 },
];

describe("role rule table (built bundles)", () => {
  const logs = new LogCapture();
  let world: AppWorld;
  let catalog: ApiHandler;
  let orders: ApiHandler;
  let othersOrderId: string;

  beforeAll(async () => {
    await ensureHandlersBuilt();
    world = await startAppWorld();
    catalog = world.load("catalog");
    orders = world.load("orders");
    await putProduct(world.dynamo.client, TABLE, TENANT, { productId: "prod-001", price: 10 });
    const created = await orders(
      httpApiEvent({ method: "POST", path: "/orders", template: "/orders", body: { customerId: "c", productId: "prod-001", quantity: 1 }, caller: { tenantId: TENANT, role: "user", sub: "someone-else" } }),
    );
    othersOrderId = (json(created).data as { orderId: string }).orderId;
  });
  afterAll(() => world.dynamo.close());
  beforeEach(() => logs.start());
  afterEach(() => logs.stop());

  describe.each(ROWS.map((row) => [JSON.stringify(row.role ?? null), row] as const))("role %s", (_label, row) => {
    const caller = (): CallerContext => ({ tenantId: TENANT, sub: `me-${row.role ?? "none"}`, ...(row.role === undefined ? { role: undefined } : { role: row.role }) });
    const call = (handler: () => ApiHandler, event: () => unknown) => handler()(event());

    test(`GET /catalog -> ${row.catalog}, GET /catalog/{productId} -> ${row.catalog}`, async () => {
      expect((await call(() => catalog, () => httpApiEvent({ method: "GET", path: "/catalog", template: "/catalog", caller: caller() }))).statusCode).toBe(row.catalog);
      expect((await call(() => catalog, () => restApiEvent({ method: "GET", path: "/catalog/prod-001", caller: caller() }))).statusCode).toBe(row.catalog);
    });

    test(`POST /orders -> ${row.create}`, async () => {
      const response = await orders(httpApiEvent({ method: "POST", path: "/orders", template: "/orders", body: { customerId: "c", productId: "prod-001", quantity: 1 }, caller: caller() }));
      expect(response.statusCode).toBe(row.create);
      if (row.create === 403) {
        expect(Object.keys(json(response)).sort()).toEqual(ERROR_BODY_KEYS);
        expect(json(response)).toMatchObject({ statusCode: 403, error: "Forbidden", tenantId: TENANT });
      }
    });

    test(`GET own order -> ${row.readOwn}`, async () => {
      // Own order: created by this caller's sub (written by an admin-capable path when the role may not create).
      const creator = row.create === 200 ? caller() : { ...caller(), role: "admin" };
      const created = json(await orders(httpApiEvent({ method: "POST", path: "/orders", template: "/orders", body: { customerId: "c", productId: "prod-001", quantity: 1 }, caller: creator })));
      const id = (created.data as { orderId: string }).orderId;
      const response = await orders(restApiEvent({ method: "GET", path: `/orders/${id}`, template: "/orders/{orderId}", pathParameters: { orderId: id }, caller: caller() }));
      expect(response.statusCode).toBe(row.readOwn);
    });

    test(`GET another user's order -> ${row.readOthers}`, async () => {
      logs.clear();
      const response = await orders(httpApiEvent({ method: "GET", path: `/orders/${othersOrderId}`, template: "/orders/{orderId}", pathParameters: { orderId: othersOrderId }, caller: caller() }));
      expect(response.statusCode).toBe(row.readOthers);
      if (row.readOthers === 404) {
        // Indistinguishable from an order that does not exist.
        expect(json(response)).toMatchObject({ statusCode: 404, error: "NotFound", message: `Order ${othersOrderId} not found` });
        expect(logs.where((line) => line.security_event === "cross_user_access")).toMatchObject([{ authenticated_tenant: TENANT, resource_type: "order", resource_id: othersOrderId }]);
      }
      if (row.readOthers === 200) expect((json(response).data as { orderId: string }).orderId).toBe(othersOrderId);
    });
  });
});
