// Randomized: no request of one tenant ever returns another tenant's data. Tenants share product ids
// (with different names and prices) and create orders through the API; then random callers ask for random
// resources of random tenants, in both payload formats. Own resources: 200 with the caller's own data.
// Anyone else's: 404 exactly like a missing id, and a `cross_tenant_access` security log line with the
// catalog/orders API contract's fields. The seed is printed so a failure can be replayed
// (HANDLER_TEST_SEED=<n>).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import "./support/environment.js";
import { startAppWorld, TABLE, type AppWorld } from "./support/app-harness.js";
import { ensureHandlersBuilt } from "./support/build.js";
import { putProduct } from "./support/dynamo.js";
import { httpApiEvent, json, restApiEvent, type ApiCall, type ApiHandler } from "./support/events.js";
import { LogCapture } from "./support/logs.js";

const SEED = Number(process.env.HANDLER_TEST_SEED ?? Date.now() % 1_000_000);
const TENANTS = ["acme", "globex", "initech", "umbrella", "hooli"];
const REQUESTS = 300;

/** mulberry32: small, seedable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Owned {
  tenant: string;
  kind: "product" | "order";
  id: string;
  /** A value only this tenant's copy carries. */
  marker: string;
}

describe(`tenant isolation, randomized (seed ${SEED})`, () => {
  const logs = new LogCapture();
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let world: AppWorld;
  let catalog: ApiHandler;
  let orders: ApiHandler;
  const owned: Owned[] = [];

  const event = (call: ApiCall) => (random() < 0.5 ? httpApiEvent(call) : restApiEvent(call));

  beforeAll(async () => {
    await ensureHandlersBuilt();
    world = await startAppWorld();
    catalog = world.load("catalog");
    orders = world.load("orders");
    const sharedIds = Array.from({ length: 6 }, (_, i) => `prod-${i}`);
    for (const tenant of TENANTS) {
      const ids = new Set([...sharedIds.filter(() => random() < 0.6), `prod-only-${tenant}`]);
      for (const productId of ids) {
        const price = Math.round(random() * 100_000) / 100 + 1;
        await putProduct(world.dynamo.client, TABLE, tenant, { productId, name: `${productId} of ${tenant}`, price });
        owned.push({ tenant, kind: "product", id: productId, marker: `${productId} of ${tenant}` });
      }
      for (let i = 0; i < 4; i++) {
        const productId = pick([...ids]);
        const customerId = `cust-${tenant}-${i}`;
        const response = await orders(event({ method: "POST", path: "/orders", template: "/orders", body: { customerId, productId, quantity: 1 + Math.floor(random() * 5) }, caller: { tenantId: tenant, role: "admin", sub: `admin-${tenant}` } }));
        expect(response.statusCode).toBe(200);
        owned.push({ tenant, kind: "order", id: (json(response).data as { orderId: string }).orderId, marker: customerId });
      }
    }
  });
  afterAll(() => world.dynamo.close());
  beforeEach(() => logs.start());
  afterEach(() => logs.stop());

  test(`${REQUESTS} random reads: own data only; anyone else's is a logged 404`, async () => {
    let crossTenant = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const caller = pick(TENANTS);
      const target = pick(owned);
      // Roles that may read every order of their tenant (role limits are tested in roles.test.ts).
      const role = target.kind === "order" ? pick(["moderator", "admin", "Admin"]) : pick(["guest", "user", "moderator", "admin"]);
      const mine = owned.find((o) => o.tenant === caller && o.kind === target.kind && o.id === target.id);
      const path = target.kind === "product" ? `/catalog/${target.id}` : `/orders/${target.id}`;
      const template = target.kind === "product" ? "/catalog/{productId}" : "/orders/{orderId}";
      const param: Record<string, string> = target.kind === "product" ? { productId: target.id } : { orderId: target.id };
      logs.clear();
      const response = await (target.kind === "product" ? catalog : orders)(
        event({ method: "GET", path, template: random() < 0.5 ? template : undefined, pathParameters: param, caller: { tenantId: caller, role, sub: `caller-${caller}` } }),
      );
      const body = json(response);
      expect(body.tenantId).toBe(caller);
      for (const other of TENANTS.filter((t) => t !== caller)) {
        expect(response.body).not.toContain(` of ${other}`);
        expect(response.body).not.toContain(`cust-${other}-`);
      }
      if (mine !== undefined) {
        expect(response.statusCode).toBe(200);
        expect(response.body).toContain(mine.marker);
        continue;
      }
      crossTenant += 1;
      expect(response.statusCode).toBe(404);
      expect(body).toMatchObject({ statusCode: 404, error: "NotFound", message: `${target.kind === "product" ? "Product" : "Order"} ${target.id} not found` });
      const violations = logs.where((line) => line.security_event === "cross_tenant_access");
      expect(violations.length).toBeGreaterThanOrEqual(1);
      const holders = new Set(owned.filter((o) => o.kind === target.kind && o.id === target.id).map((o) => o.tenant));
      for (const line of violations) {
        expect(line).toMatchObject({
          level: "WARNING",
          message: "SECURITY VIOLATION: Cross-tenant access attempt",
          security_event: "cross_tenant_access",
          authenticated_tenant: caller,
          resource_type: target.kind,
          resource_id: target.id,
        });
        expect(holders.has(String(line.requested_tenant))).toBe(true);
        expect(line.requested_tenant).not.toBe(caller);
        expect(line.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
    }
    expect(crossTenant).toBeGreaterThan(REQUESTS / 4);
  });

  test("GET /catalog lists exactly the caller's products, for every tenant", async () => {
    for (const tenant of TENANTS) {
      const response = await catalog(event({ method: "GET", path: "/catalog", template: "/catalog", caller: { tenantId: tenant, role: "guest" } }));
      const names = (json(response).data as { name: string }[]).map((p) => p.name).sort();
      expect(names).toEqual(owned.filter((o) => o.tenant === tenant && o.kind === "product").map((o) => o.marker).sort());
    }
  });

  test("a product id that exists only elsewhere cannot be ordered either (404 + security log)", async () => {
    const response = await orders(event({ method: "POST", path: "/orders", template: "/orders", body: { customerId: "c", productId: "prod-only-globex", quantity: 1 }, caller: { tenantId: "acme", role: "admin" } }));
    expect(json(response)).toMatchObject({ statusCode: 404, message: "Product prod-only-globex not found", tenantId: "acme" });
    expect(logs.where((line) => line.security_event === "cross_tenant_access")).toMatchObject([
      { requested_tenant: "globex", authenticated_tenant: "acme", resource_type: "product", resource_id: "prod-only-globex" },
    ]);
  });
});
