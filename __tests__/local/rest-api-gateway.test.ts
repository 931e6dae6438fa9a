// The local gateway serving config/initech/prod.ts (a REST API with the bundled handlers behind a TOKEN
// authorizer whose tenants' API keys API Gateway meters under their tiers' usage plans), driven with plain HTTP.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { call, forgedLike, startTestGateway, tampered, type TestGateway } from "./support.js";

let t: TestGateway;
let base: string;
const token = (tenant: string, role: string, extra: { expiresInSeconds?: number; subject?: string } = {}) => t.gateway.token({ tenant, role, ...extra });

beforeAll(async () => {
  t = await startTestGateway({ config: "config/initech/prod.ts" });
  base = t.gateway.url;
});
afterAll(() => t?.gateway.close());

describe("local gateway, REST API (config/initech/prod.ts)", () => {
  test("tokens carry the claims the stack's authorizer reads (tenant_id, role)", () => {
    expect(t.gateway.tokenProfiles).toEqual([{ issuer: "https://login.initech.example/", audience: "orders-api", tenantClaim: "tenant_id", roleClaim: "role" }]);
  });

  test("catalog and orders for two tenants through the TOKEN authorizer", async () => {
    const initech = await call(base, "GET", "/catalog", { token: await token("initech", "user") });
    expect(initech.status).toBe(200);
    expect(initech.json.data.map((p: any) => p.productId)).toEqual(["initech-stapler", "initech-tps-cover"]);
    const acme = await call(base, "GET", "/catalog", { token: await token("acme", "user") });
    expect(acme.json.data.map((p: any) => p.productId)).toEqual(["acme-anvil", "acme-giant-magnet", "acme-rocket-skates"]);

    const peter = await token("initech", "user", { subject: "peter" });
    const order = await call(base, "POST", "/orders", { token: peter, body: { customerId: "c-9", productId: "initech-stapler", quantity: 3 } });
    expect(order.status).toBe(200);
    expect(order.json.data.totalPrice).toBe(72);
    const orderId = order.json.data.orderId;
    expect((await call(base, "GET", `/orders/${orderId}`, { token: peter })).json.data.productId).toBe("initech-stapler");
    expect((await call(base, "GET", `/orders/${orderId}`, { token: await token("initech", "admin", { subject: "bill" }) })).status).toBe(200);
    expect((await call(base, "GET", `/orders/${orderId}`, { token: await token("acme", "admin", { subject: "peter" }) })).status).toBe(404);
    const acmeOrder = await call(base, "POST", "/orders", { token: await token("acme", "moderator"), body: { customerId: "a-1", productId: "acme-anvil", quantity: 1 } });
    expect(acmeOrder.json).toMatchObject({ statusCode: 200, tenantId: "acme" });
  });

  test("401 for a missing, expired or forged token, in API Gateway's body", async () => {
    const valid = await token("initech", "admin");
    const cases = [undefined, await token("initech", "admin", { expiresInSeconds: -600 }), await forgedLike(valid), tampered(valid, { tenant_id: "acme" })];
    for (const bad of cases) {
      const reply = await call(base, "GET", "/catalog", { token: bad });
      expect(reply.status).toBe(401);
      expect(reply.json).toEqual({ message: "Unauthorized" });
      expect(reply.headers.get("x-amzn-errortype")).toBe("UnauthorizedException");
    }
  });

  test("403 where the role matrix forbids", async () => {
    const guest = await token("initech", "guest");
    const reply = await call(base, "POST", "/orders", { token: guest, body: { customerId: "c", productId: "initech-stapler", quantity: 1 } });
    expect(reply.status).toBe(403);
    expect(reply.json).toMatchObject({ error: "Forbidden", tenantId: "initech" });
  });

  test("unknown paths and methods: 403 Missing Authentication Token", async () => {
    for (const [method, path] of [["GET", "/nowhere"], ["DELETE", "/catalog"], ["GET", "/partner/ping"]] as const) {
      const reply = await call(base, method, path);
      expect(reply.status).toBe(403);
      expect(reply.json).toEqual({ message: "Missing Authentication Token" });
    }
  });

  test("tenants' tiers: the authorizer supplies each tenant's key (no x-api-key), its plan throttles; suspended and unknown tenants get 401", async () => {
    expect(t.gateway.apiKeys.map((k) => k.name).sort()).toEqual(["initech-prod-tenant-acme", "initech-prod-tenant-chotchkies", "initech-prod-tenant-initech", "initech-prod-tenant-intertrode"]);
    const chotchkies = await token("chotchkies", "user");
    // chotchkies' own plan: burst 100, 50 per second; the clock stands still.
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) statuses.push((await call(base, "GET", "/catalog", { token: chotchkies })).status);
    expect(statuses.slice(0, 100)).toEqual(Array(100).fill(200));
    expect(statuses[100]).toBe(429);
    // Another tenant's key is in another plan, untouched by chotchkies' burst.
    expect((await call(base, "GET", "/catalog", { token: await token("acme", "user") })).status).toBe(200);
    t.clock.advance(1_000);
    expect((await call(base, "GET", "/catalog", { token: chotchkies })).status).toBe(200);
    expect((await call(base, "GET", "/catalog", { token: await token("intertrode", "user") })).status).toBe(401);
    expect((await call(base, "GET", "/catalog", { token: await token("unlisted-co", "user") })).status).toBe(401);
  });
});
