// A REST API with CORS and two stages: preflights answered by the OPTIONS MOCK methods the stack defines,
// errors by its DEFAULT_4XX gateway response (with the CORS headers it maps), stages under /<api>/<stage>.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeTempConfig } from "../support/synth.js";
import { call, startTestGateway, type TestGateway } from "./support.js";

const config = {
  tenant: "umbrella",
  environment: "dev",
  region: "us-east-1",
  name_prefix: "umb-dev",
  rest_apis: {
    shop: {
      cors_configuration: { allow_origins: ["https://a.example", "https://b.example"], allow_headers: ["authorization", "content-type"], max_age: 300 },
      methods: { items: { path: "/items/{proxy+}", http_method: "GET", integration: { type: "MOCK" } } },
      stages: { live: {}, beta: {} },
    },
  },
  application: {
    rest_api: "shop",
    authorizer: { issuer: "https://issuer.umbrella.example/", audiences: ["shop"] },
    lambda: { environment_variables: { GREETING: "price: ${amount} %{if x}" } },
  },
};

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ config: writeTempConfig("umbrella-dev.json", config) });
});
afterAll(() => t?.gateway.close());

describe("local gateway, REST API with CORS and two stages", () => {
  test("literal config text reaches the functions as written (the JSON holds it escaped)", () => {
    const health = [...t.gateway.functions.values()].find((fn) => fn.functionName === "umb-dev-health")!;
    expect(t.gateway.runner.environmentOf(health).GREETING).toBe("price: ${amount} %{if x}");
  });

  test("each stage is served under /<api>/<stage>", () => {
    expect(t.gateway.stages.map((s) => s.url.slice(t.gateway.url.length)).sort()).toEqual(["/shop/beta", "/shop/live"]);
  });

  test("a preflight is the OPTIONS MOCK method's answer, naming the caller's origin among several", async () => {
    const reply = await call(t.gateway.url, "OPTIONS", "/shop/live/orders", { headers: { origin: "https://b.example", "access-control-request-method": "POST" } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("access-control-allow-origin")).toBe("https://b.example");
    expect(reply.headers.get("access-control-allow-methods")).toBe("OPTIONS,POST");
    expect(reply.headers.get("access-control-max-age")).toBe("300");
    expect(t.records.at(-1)).toMatchObject({ route: "OPTIONS /orders", integration: "mock" });
  });

  test("gateway errors carry the CORS headers the stack maps into DEFAULT_4XX", async () => {
    const unauthorized = await call(t.gateway.url, "GET", "/shop/live/catalog", { headers: { origin: "https://a.example" } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.json).toEqual({ message: "Unauthorized" });
    expect(unauthorized.headers.get("access-control-allow-origin")).toBe("https://a.example");
    const unknown = await call(t.gateway.url, "GET", "/shop/beta/nothing/here", { headers: { origin: "https://a.example" } });
    expect(unknown.status).toBe(403);
    expect(unknown.json).toEqual({ message: "Missing Authentication Token" });
    expect(unknown.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
    expect((await call(t.gateway.url, "GET", "/elsewhere")).json).toEqual({ message: "Not Found" });
  });

  test("a greedy {proxy+} resource takes any depth below it", async () => {
    const reply = await call(t.gateway.url, "GET", "/shop/beta/items/a/b/c", { headers: { origin: "https://b.example" } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("access-control-allow-origin")).toBe("https://b.example");
    expect(t.records.at(-1)).toMatchObject({ route: "GET /items/{proxy+}", integration: "mock" });
    expect((await call(t.gateway.url, "GET", "/shop/beta/items")).status).toBe(403);
  });
});
