// The local gateway serving config/acme/dev.ts (an HTTP API with the bundled handlers behind a Lambda
// authorizer), driven with plain HTTP on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RULES } from "../../handlers/lib/auth/roles.js";
import { call, forgedLike, startTestGateway, tampered, type TestGateway } from "./support.js";

const ORIGIN = "https://dev.shop.acme.example";
let t: TestGateway;
let base: string;
const token = (tenant: string, role: string, extra: { scopes?: string[]; expiresInSeconds?: number; subject?: string } = {}) =>
  t.gateway.token({ tenant, role, scopes: extra.scopes ?? ["orders/write"], expiresInSeconds: extra.expiresInSeconds, subject: extra.subject });

beforeAll(async () => {
  t = await startTestGateway({ config: "config/acme/dev.ts" });
  base = t.gateway.url;
});
afterAll(() => t?.gateway.close());

describe("local gateway, HTTP API (config/acme/dev.ts)", () => {
  test("serves the one stage at /, with the stack's functions and only the authorizer's JWKS_URI changed", () => {
    expect(t.gateway.stages).toEqual([{ kind: "http", api: "storefront", stage: "dev", url: base }]);
    expect(Object.keys(t.gateway.overrides)).toEqual(["acme-dev-authorizer"]);
    const catalog = [...t.gateway.functions.values()].find((fn) => fn.functionName === "acme-dev-catalog")!;
    const env = t.gateway.runner.environmentOf(catalog);
    expect(env.TABLE_NAME).toBe("acme-dev-data");
    expect(env.RATE_LIMIT_TABLE_NAME).toBe("acme-dev-rate-limits");
    expect(env.JWKS_URI).toBeUndefined();
  });

  test("a burst above the route's burst limit is answered 429 until the bucket refills", async () => {
    // The stage's default route settings: burst 100, 50 per second; the clock stands still.
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) statuses.push((await call(base, "GET", "/health")).status);
    expect(statuses.slice(0, 100).every((s) => s === 200)).toBe(true);
    const limited = await call(base, "GET", "/health");
    expect(statuses[100]).toBe(429);
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ message: "Too Many Requests" });
    // Other routes have buckets of their own.
    expect((await call(base, "GET", "/catalog", { token: await token("acme", "user") })).status).toBe(200);
    t.clock.advance(1_000);
    expect((await call(base, "GET", "/health")).status).toBe(200);
  });

  test("catalog: each tenant sees its own products, never another tenant's", async () => {
    const acme = await call(base, "GET", "/catalog", { token: await token("acme", "guest") });
    expect(acme.status).toBe(200);
    expect(acme.json.tenantId).toBe("acme");
    expect(acme.json.data.map((p: any) => p.productId)).toEqual(["acme-anvil", "acme-giant-magnet", "acme-rocket-skates"]);
    const globex = await call(base, "GET", "/catalog", { token: await token("globex", "user") });
    expect(globex.json.data.map((p: any) => p.productId)).toEqual(["globex-flamethrower", "globex-hammock"]);
    expect((await call(base, "GET", "/catalog/acme-anvil", { token: await token("acme", "user") })).json.data.name).toBe("Anvil");
    expect((await call(base, "GET", "/catalog/acme-anvil", { token: await token("globex", "admin") })).status).toBe(404);
  });

  test("orders: a user creates and reads its own; the role matrix decides who else may", async () => {
    const alice = await token("acme", "user", { subject: "alice" });
    const created = await call(base, "POST", "/orders", { token: alice, body: { customerId: "cust-1", productId: "acme-anvil", quantity: 2 } });
    expect(created.status).toBe(200);
    const orderId = created.json.data.orderId;
    expect(created.json.data.totalPrice).toBe(259);
    expect((await call(base, "GET", `/orders/${orderId}`, { token: alice })).json.data.orderId).toBe(orderId);
    // Another user of the tenant: own orders only (not found, not forbidden).
    expect((await call(base, "GET", `/orders/${orderId}`, { token: await token("acme", "user", { subject: "bob" }) })).status).toBe(404);
    // Moderators and admins read all of the tenant's orders; never another tenant's.
    expect(RULES.moderator.orders.read).toBe("all");
    expect((await call(base, "GET", `/orders/${orderId}`, { token: await token("acme", "moderator", { subject: "mo" }) })).status).toBe(200);
    expect((await call(base, "GET", `/orders/${orderId}`, { token: await token("globex", "admin", { subject: "alice" }) })).status).toBe(404);
    // A second tenant's flow.
    const globexUser = await token("globex", "user", { subject: "gina" });
    const theirs = await call(base, "POST", "/orders", { token: globexUser, body: { customerId: "g-1", productId: "globex-hammock", quantity: 1 } });
    expect(theirs.status).toBe(200);
    expect(theirs.json.tenantId).toBe("globex");
    expect((await call(base, "GET", `/orders/${theirs.json.data.orderId}`, { token: globexUser })).status).toBe(200);
    expect((await call(base, "POST", "/orders", { token: globexUser, body: { customerId: "g-1", productId: "acme-anvil", quantity: 1 } })).status).toBe(404);
  });

  test("403 where the role matrix forbids: guests neither place nor read orders", async () => {
    expect(RULES.guest.orders).toEqual({ read: "none", write: "none" });
    const guest = await token("acme", "guest");
    const placed = await call(base, "POST", "/orders", { token: guest, body: { customerId: "c", productId: "acme-anvil", quantity: 1 } });
    expect(placed.status).toBe(403);
    expect(placed.json).toMatchObject({ statusCode: 403, error: "Forbidden", tenantId: "acme" });
    expect((await call(base, "GET", "/orders/o-1", { token: guest })).status).toBe(403);
  });

  test("no token: 401 from the gateway without invoking the authorizer; expired or forged: the authorizer denies (403, as HTTP API answers a simple-response denial)", async () => {
    const missing = await call(base, "GET", "/catalog");
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({ message: "Unauthorized" });
    expect(t.records.at(-1)).toMatchObject({ authorizer: expect.stringContaining("identity source missing"), integration: "-" });
    const valid = await token("acme", "admin");
    for (const bad of [await token("acme", "admin", { expiresInSeconds: -3600 }), await forgedLike(valid), tampered(valid, { "custom:tenant_id": "globex" })]) {
      const reply = await call(base, "GET", "/catalog", { token: bad });
      expect(reply.status).toBe(403);
      expect(reply.json).toEqual({ message: "Forbidden" });
    }
  });

  test("the authorizer's answer is cached per identity source for its TTL (300 s)", async () => {
    const fresh = await token("acme", "user", { subject: "cache-probe" });
    await call(base, "GET", "/catalog", { token: fresh });
    expect(t.records.at(-1)).toMatchObject({ authorizer: "lambda allow", cacheHit: false });
    await call(base, "GET", "/catalog/acme-anvil", { token: fresh });
    expect(t.records.at(-1)).toMatchObject({ authorizer: "lambda allow", cacheHit: true, route: "GET /catalog/{productId}" });
    t.clock.advance(301_000);
    await call(base, "GET", "/catalog", { token: fresh });
    expect(t.records.at(-1)).toMatchObject({ cacheHit: false });
  });

  test("CORS: the gateway answers preflights from the API's configuration; errors carry the CORS headers too", async () => {
    const preflight = await call(base, "OPTIONS", "/orders", { headers: { origin: ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET,POST,OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization,content-type,idempotency-key");
    expect(preflight.headers.get("access-control-max-age")).toBe("600");
    const stranger = await call(base, "OPTIONS", "/orders", { headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
    for (const [path, status] of [["/catalog", 401], ["/nowhere", 404]] as const) {
      const reply = await call(base, "GET", path, { headers: { origin: ORIGIN } });
      expect(reply.status).toBe(status);
      expect(reply.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    }
    expect((await call(base, "GET", "/nowhere")).json).toEqual({ message: "Not Found" });
  });

  test("one log line per request: method, path, route, authorizer decision, integration, status, latency", async () => {
    await call(base, "GET", "/catalog", { token: await token("acme", "user") });
    const record = t.records.at(-1)!;
    expect(record).toMatchObject({ method: "GET", path: "/catalog", route: "GET /catalog", integration: expect.stringMatching(/^lambda:acme-dev-catalog/), status: 200 });
    expect(record.latencyMs).toBeGreaterThan(0);
  });
});
