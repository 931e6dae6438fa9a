// The answers API Gateway makes itself (401, 403, 429, 4xx, 5xx) carry the handlers' security headers and the
// bodies the API contract documents: checked on the synthesized JSON and through the local gateway, which serves
// that JSON.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SECURITY_HEADERS } from "../../handlers/lib/http/security-headers.js";
import { builtHandlers, synthConfig, writeTempConfig } from "../support/synth.js";
import { call, startTestGateway, type TestGateway } from "../local/support.js";

const config = {
  tenant: "umbrella",
  environment: "dev",
  region: "us-east-1",
  name_prefix: "umb-dev",
  rest_apis: {
    shop: {
      cors_configuration: { allow_origins: ["https://a.example"], allow_headers: ["authorization", "content-type"] },
      methods: { ping: { path: "/ping", http_method: "GET", integration: { type: "MOCK" } } },
      stages: { live: {}, closed: { throttle_settings: { throttling_rate_limit: 0, throttling_burst_limit: 0 } } },
    },
  },
  application: { rest_api: "shop", authorizer: { issuer: "https://issuer.umbrella.example/", audiences: ["shop"] } },
};

function expectSecurityHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect([name, headers.get(name)]).toEqual([name, value]);
}

describe("REST gateway responses in the synthesized JSON", () => {
  test("the six types, each with every security header, the CORS headers, and the documented body", async () => {
    const { stack } = synthConfig(config, "umbrella", await builtHandlers());
    const responses = Object.values(stack.resource.aws_api_gateway_gateway_response as Record<string, any>);
    const byType = Object.fromEntries(responses.map((r) => [r.response_type, r]));
    expect(Object.keys(byType).sort()).toEqual(["ACCESS_DENIED", "DEFAULT_4XX", "DEFAULT_5XX", "QUOTA_EXCEEDED", "THROTTLED", "UNAUTHORIZED"]);
    expect(Object.fromEntries(responses.map((r) => [r.response_type, [r.status_code ?? null, r.response_templates["application/json"]]]))).toEqual({
      DEFAULT_4XX: [null, '{"message":$context.error.messageString}'],
      DEFAULT_5XX: [null, '{"message":$context.error.messageString}'],
      UNAUTHORIZED: ["401", '{"message":"Unauthorized"}'],
      ACCESS_DENIED: ["403", '{"message":"Forbidden"}'],
      THROTTLED: ["429", '{"message":"Too Many Requests"}'],
      QUOTA_EXCEEDED: ["429", '{"message":"Too Many Requests"}'],
    });
    for (const response of responses) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.response_parameters[`gatewayresponse.header.${name}`]).toBe(`'${value}'`);
      expect(response.response_parameters["gatewayresponse.header.Access-Control-Allow-Origin"]).toBe("'https://a.example'");
    }
  });

  test("without CORS there are no CORS headers, and the security headers stay", async () => {
    const plain = structuredClone(config) as any;
    delete plain.rest_apis.shop.cors_configuration;
    const { stack } = synthConfig(plain, "umbrella", await builtHandlers());
    for (const response of Object.values(stack.resource.aws_api_gateway_gateway_response as Record<string, any>)) {
      expect(Object.keys(response.response_parameters).filter((k) => k.includes("Access-Control"))).toEqual([]);
      expect(response.response_parameters["gatewayresponse.header.X-Content-Type-Options"]).toBe("'nosniff'");
    }
  });
});

describe("REST gateway responses through the local gateway", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ config: writeTempConfig("umbrella-dev.json", config) });
  });
  afterAll(() => t?.gateway.close());

  test("401 without a token: the contract's body, the security headers, the CORS headers", async () => {
    const reply = await call(t.gateway.url, "GET", "/shop/live/catalog", { headers: { origin: "https://a.example" } });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ message: "Unauthorized" });
    expectSecurityHeaders(reply.headers);
    expect(reply.headers.get("access-control-allow-origin")).toBe("https://a.example");
  });

  test("429 on a stage that admits nothing: the contract's body and the security headers", async () => {
    const reply = await call(t.gateway.url, "GET", "/shop/closed/ping");
    expect(reply.status).toBe(429);
    expect(reply.json).toEqual({ message: "Too Many Requests" });
    expectSecurityHeaders(reply.headers);
  });

  test("403 for an unknown path (DEFAULT_4XX) carries the security headers too", async () => {
    const reply = await call(t.gateway.url, "GET", "/shop/live/nothing/here");
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ message: "Missing Authentication Token" });
    expectSecurityHeaders(reply.headers);
  });
});
