// Per-tenant fixed-window rate limiting through the built bundles, with the clock frozen inside a window:
// a tenant sending 5N requests in a window with limit N gets exactly N through, the rest 429 with
// Retry-After; other tenants are unaffected; the next window starts afresh; the monthly quota holds.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import "./support/environment.js";
import { APPENDIX_B_HEADERS, startAppWorld, TABLE, type AppWorld } from "./support/app-harness.js";
import { ensureHandlersBuilt } from "./support/build.js";
import { putProduct } from "./support/dynamo.js";
import { httpApiEvent, json, restApiEvent, type ApiHandler } from "./support/events.js";

// 2030-01-01T00:00:00.250Z: 250 ms into a 2 s window (windows start at multiples of 2 000 ms).
const WINDOW_START = Date.UTC(2030, 0, 1);
const NOW = WINDOW_START + 250;

describe("rate limiting (built bundles)", () => {
  let world: AppWorld;

  beforeAll(async () => {
    await ensureHandlersBuilt();
    world = await startAppWorld();
    for (const tenant of ["tenant-a", "tenant-b", "tenant-big", "tenant-q"]) await putProduct(world.dynamo.client, TABLE, tenant, { productId: "prod-001", price: 1 });
  });
  afterAll(() => world.dynamo.close());
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const list = (handler: ApiHandler, tenantId: string, i = 0) =>
    handler(i % 2 === 0 ? httpApiEvent({ method: "GET", path: "/catalog", template: "/catalog", caller: { tenantId } }) : restApiEvent({ method: "GET", path: "/catalog", caller: { tenantId } }));

  test("5N concurrent requests with limit N (burst 10 per 2 s window): exactly N pass, the rest get 429 + Retry-After", async () => {
    const catalog = world.load("catalog", { RATE_LIMIT_BASIC: "5/10/1000000" });
    const N = 10;
    const responses = await Promise.all(Array.from({ length: 5 * N }, (_, i) => list(catalog, "tenant-a", i)));
    const passed = responses.filter((r) => r.statusCode === 200);
    const limited = responses.filter((r) => r.statusCode === 429);
    expect(passed).toHaveLength(N);
    expect(limited).toHaveLength(4 * N);
    for (const response of limited) {
      expect(response.headers["Retry-After"]).toBe("2");
      expect(json(response)).toMatchObject({ statusCode: 429, error: "TooManyRequests", message: "Rate limit exceeded", tenantId: "tenant-a" });
      for (const [name, value] of Object.entries(APPENDIX_B_HEADERS)) expect(response.headers[name]).toBe(value);
    }
    // Another tenant has its own window.
    const others = await Promise.all(Array.from({ length: N + 3 }, (_, i) => list(catalog, "tenant-b", i)));
    expect(others.filter((r) => r.statusCode === 200)).toHaveLength(N);
    // The next window starts afresh: the expired one is never read again.
    vi.setSystemTime(WINDOW_START + 2_000);
    const next = await Promise.all(Array.from({ length: 2 * N }, (_, i) => list(catalog, "tenant-a", i)));
    expect(next.filter((r) => r.statusCode === 200)).toHaveLength(N);
  });

  test("Retry-After counts down to the end of the window", async () => {
    const catalog = world.load("catalog", { RATE_LIMIT_BASIC: "1/1/1000000" });
    vi.setSystemTime(WINDOW_START + 10_000 + 100);
    expect((await list(catalog, "tenant-b")).statusCode).toBe(200);
    const limited = await list(catalog, "tenant-b");
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["Retry-After"]).toBe("1");
  });

  test("tiers: a tenant mapped to premium gets the premium limit", async () => {
    const catalog = world.load("catalog", { RATE_LIMIT_BASIC: "1/2/1000000", RATE_LIMIT_PREMIUM: "10/20/1000000", RATE_LIMIT_TENANT_TIERS: "tenant-big=premium" });
    vi.setSystemTime(WINDOW_START + 20_000);
    const big = await Promise.all(Array.from({ length: 30 }, (_, i) => list(catalog, "tenant-big", i)));
    expect(big.filter((r) => r.statusCode === 200)).toHaveLength(20);
  });

  test("the monthly quota: 429 'Monthly quota exceeded' with Retry-After to the month's end", async () => {
    const orders = world.load("orders", { RATE_LIMIT_BASIC: "1000/2000/15" });
    const responses = [];
    for (let i = 0; i < 20; i++) {
      vi.setSystemTime(NOW + i * 5_000); // a new window each time: only the quota can refuse
      responses.push(await orders(httpApiEvent({ method: "POST", path: "/orders", template: "/orders", body: { customerId: "c", productId: "prod-001", quantity: 1 }, caller: { tenantId: "tenant-q" } })));
    }
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(15);
    const refused = responses.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(5);
    expect(json(refused[0]!)).toMatchObject({ message: "Monthly quota exceeded" });
    const secondsToFebruary = Math.ceil((Date.UTC(2030, 1, 1) - (NOW + 15 * 5_000)) / 1000);
    expect(refused[0]!.headers["Retry-After"]).toBe(String(secondsToFebruary));
  });

  test("RATE_LIMIT_ENABLED=false turns the limiter off", async () => {
    const catalog = world.load("catalog", { RATE_LIMIT_BASIC: "1/1/1", RATE_LIMIT_ENABLED: "false" });
    vi.setSystemTime(WINDOW_START + 40_000);
    const responses = await Promise.all(Array.from({ length: 5 }, (_, i) => list(catalog, "tenant-a", i)));
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
  });
});
