// Integrations and authorization the bundled handlers do not use: HTTP_PROXY to a loopback server (and to
// anything else: 501), AWS_IAM (403, signatures are not checked locally), a REST usage plan quota, and a
// non-proxy HTTP integration (501 naming it). An HTTP API `$default` stage is served at /<api>.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeTempConfig } from "../support/synth.js";
import { call, startTestGateway, type TestGateway } from "./support.js";

let backend: Server;
let t: TestGateway;
const seen: { method: string; url: string; body: string; header: string | undefined }[] = [];

beforeAll(async () => {
  backend = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      seen.push({ method: request.method!, url: request.url!, body, header: request.headers["x-trace"] as string | undefined });
      response.writeHead(201, { "content-type": "text/plain", "x-backend": "yes" }).end(`backend saw ${request.method} ${request.url}`);
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
  const port = (backend.address() as AddressInfo).port;
  const config = {
    name_prefix: "edge",
    http_apis: {
      edge: {
        stages: { $default: {} },
        integrations: {
          backend: { integration_type: "HTTP_PROXY", integration_method: "ANY", integration_uri: `http://127.0.0.1:${port}/{proxy}` },
          external: { integration_type: "HTTP_PROXY", integration_method: "GET", integration_uri: "https://api.example.com/" },
        },
        routes: {
          svc: { route_key: "ANY /svc/{proxy+}", target: "integrations/backend" },
          ext: { route_key: "GET /ext", target: "integrations/external" },
          iam: { route_key: "GET /iam", target: "integrations/backend", authorization_type: "AWS_IAM" },
        },
      },
    },
    rest_apis: {
      partner: {
        methods: {
          ping: { path: "/ping", http_method: "GET", api_key_required: true, integration: { type: "MOCK" } },
          open: { path: "/open", http_method: "GET", integration: { type: "MOCK" } },
          legacy: { path: "/legacy", http_method: "GET", integration: { type: "HTTP", uri: "https://legacy.example.com/", http_method: "GET" } },
        },
        stages: { v1: {}, v2: { throttle_settings: { throttling_burst_limit: 2, throttling_rate_limit: 1 } } },
        api_keys: { k: {} },
        usage_plans: { p: { api_stages: [{ stage: "v1" }], quota_settings: { limit: 3, period: "DAY" }, api_keys: ["k"] } },
      },
    },
  };
  t = await startTestGateway({ config: writeTempConfig("edge.tfvars.json", config) });
});
afterAll(async () => {
  await t?.gateway.close();
  backend?.close();
});

describe("local gateway integrations", () => {
  test("an HTTP API's $default stage is served at /<api>, a REST stage at /<api>/<stage>", () => {
    expect(t.gateway.stages.map((s) => s.url.slice(t.gateway.url.length)).sort()).toEqual(["/edge", "/partner/v1", "/partner/v2"]);
  });

  test("HTTP_PROXY to a loopback URL forwards method, path, query, headers and body, and answers with the backend's response", async () => {
    const reply = await call(t.gateway.url, "POST", "/edge/svc/a/b?x=1", { body: { n: 1 }, headers: { "x-trace": "t-1" } });
    expect(reply.status).toBe(201);
    expect(reply.text).toBe("backend saw POST /a/b?x=1");
    expect(reply.headers.get("x-backend")).toBe("yes");
    expect(seen.at(-1)).toEqual({ method: "POST", url: "/a/b?x=1", body: '{"n":1}', header: "t-1" });
  });

  test("HTTP_PROXY anywhere else, and integrations that do not run locally, are 501 naming them", async () => {
    const ext = await call(t.gateway.url, "GET", "/edge/ext");
    expect(ext.status).toBe(501);
    expect(ext.json.message).toContain("https://api.example.com/");
    const legacy = await call(t.gateway.url, "GET", "/partner/v1/legacy");
    expect(legacy.status).toBe(501);
    expect(legacy.json.message).toMatch(/aws_api_gateway_integration\.\S+ \(HTTP\)/);
  });

  test("AWS_IAM routes are 403 with a message saying signatures are not checked locally", async () => {
    const reply = await call(t.gateway.url, "GET", "/edge/iam");
    expect(reply.status).toBe(403);
    expect(reply.json.message).toMatch(/does not check SigV4 signatures/);
    expect(seen.some((s) => s.url === "/iam")).toBe(false);
  });

  test("REST stage throttling: a bucket per method with the stage's burst and rate", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(t.gateway.url, "GET", "/partner/v2/open")).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await call(t.gateway.url, "GET", "/partner/v2/open")).json).toEqual({ message: "Too Many Requests" });
    expect((await call(t.gateway.url, "GET", "/partner/v1/open")).status).toBe(200);
    t.clock.advance(1_000);
    expect((await call(t.gateway.url, "GET", "/partner/v2/open")).status).toBe(200);
  });

  test("a usage plan quota: 429 Too Many Requests (the contract's body) past its limit for the period", async () => {
    const headers = { "x-api-key": t.gateway.apiKeys[0]!.value };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(t.gateway.url, "GET", "/partner/v1/ping", { headers })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await call(t.gateway.url, "GET", "/partner/v1/ping", { headers })).json).toEqual({ message: "Too Many Requests" });
    t.clock.advance(86_400_000);
    expect((await call(t.gateway.url, "GET", "/partner/v1/ping", { headers })).status).toBe(200);
  });
});
