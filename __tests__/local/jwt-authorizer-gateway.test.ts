// The local gateway serving config/acme/prod.ts: an HTTP API whose routes use a JWT authorizer (checked by
// the gateway itself) and integrations naming Lambda functions that the stack does not build.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { call, forgedLike, startTestGateway, tampered, type TestGateway } from "./support.js";

let t: TestGateway;
let base: string;

beforeAll(async () => {
  t = await startTestGateway({ config: "config/acme/prod.ts" });
  base = t.gateway.url;
});
afterAll(() => t?.gateway.close());

describe("local gateway, HTTP API JWT authorizer (config/acme/prod.ts)", () => {
  test("tokens are issued for the authorizer's issuer and audience", () => {
    expect(t.gateway.tokenProfiles).toEqual([
      { issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AcmePool1", audience: "4h7sd9example0client", tenantClaim: "custom:tenant_id", roleClaim: "custom:role" },
    ]);
    expect(t.gateway.functions.size).toBe(0);
  });

  test("401 for a missing, expired or forged token, before any integration runs", async () => {
    const valid = await t.gateway.token({ tenant: "acme", role: "user" });
    for (const bad of [undefined, await t.gateway.token({ tenant: "acme", role: "user", expiresInSeconds: -60 }), await forgedLike(valid), tampered(valid, { aud: "another-client" })]) {
      const reply = await call(base, "GET", "/catalog", { token: bad, headers: { origin: "https://shop.acme.example" } });
      expect(reply.status).toBe(401);
      expect(reply.json).toEqual({ message: "Unauthorized" });
      expect(reply.headers.get("access-control-allow-origin")).toBe("https://shop.acme.example");
      expect(t.records.at(-1)!.integration).toBe("-");
    }
  });

  test("403 when the token lacks the route's scope", async () => {
    const noScope = await t.gateway.token({ tenant: "acme", role: "user" });
    const reply = await call(base, "POST", "/orders", { token: noScope, body: { customerId: "c", productId: "p", quantity: 1 } });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ message: "Forbidden" });
  });

  test("an integration naming a function the stack does not build fails as in AWS: 500 after authorization", async () => {
    const scoped = await t.gateway.token({ tenant: "acme", role: "user", scopes: ["orders/write"] });
    const reply = await call(base, "POST", "/orders", { token: scoped, body: { customerId: "c", productId: "p", quantity: 1 } });
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual({ message: "Internal Server Error" });
    expect(t.records.at(-1)).toMatchObject({ authorizer: "jwt allow", integration: expect.stringContaining("arn:aws:lambda:eu-west-1:222222222222:function:acme-prod-orders") });
    expect(t.records.at(-1)!.integration).toContain("is not a function this stack builds");
  });
});
