// Tokens of the pool the identity section creates, end to end through the built bundles with real keys:
// the pre-token-generation trigger, given Cognito's V2/V3 events, returns the claims; a token minted with
// exactly those claims (plus what Cognito itself writes) goes through the authorizer; the authorizer's context
// goes to the catalog and orders handlers. A token without a role claim is authorized by its scopes
// (handlers/lib/auth/scopes.ts); one with a role claim by the role matrix, whatever its scopes.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import "./support/environment.js";
import { startAppWorld, TABLE, type AppWorld } from "./support/app-harness.js";
import { loadAuthorizer, startJwks, type AuthorizerFn } from "./support/authorizer-harness.js";
import { ensureHandlersBuilt, loadHandler } from "./support/build.js";
import { putProduct } from "./support/dynamo.js";
import { httpAuthorizerEvent, httpApiEvent, json, type ApiHandler } from "./support/events.js";
import type { JwksServer } from "./support/jwks-server.js";
import { ISSUER, makeTestKeys, NOW_SECONDS, sign, type TestKeys } from "./support/tokens.js";

const TENANT_A = "tenant-a";
const TENANT_B = "tenant-b";
const CLIENT_A = "7m2mclientaexample0000000";
const CLIENT_B = "7m2mclientbexample0000000";
const WEB_CLIENT = "3webclientexample00000000";

type Trigger = (event: unknown) => Promise<any>;

/** A V3_0 client-credentials event as Cognito sends it: no user, the app client in callerContext. */
function clientCredentialsEvent(clientId: string, scopes: string[], clientMetadata?: Record<string, string>) {
  return {
    version: "3",
    triggerSource: "TokenGeneration_ClientCredentials",
    region: "us-east-1",
    userPoolId: "us-east-1_TestPool",
    userName: clientId,
    callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId },
    request: { userAttributes: {}, groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null }, scopes, ...(clientMetadata ? { clientMetadata } : {}) },
    response: { claimsAndScopeOverrideDetails: null },
  };
}

/** A V2_0 user-authentication event: the user's attributes, including the custom ones. */
function userAuthenticationEvent(attributes: Record<string, string>, triggerSource = "TokenGeneration_Authentication") {
  return {
    version: "2",
    triggerSource,
    region: "us-east-1",
    userPoolId: "us-east-1_TestPool",
    userName: "jane",
    callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: WEB_CLIENT },
    request: {
      userAttributes: { sub: "user-sub-jane", "cognito:user_status": "CONFIRMED", email: "jane@example.com", email_verified: "true", ...attributes },
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      scopes: ["openid", "email", "aws.cognito.signin.user.admin"],
    },
    response: { claimsAndScopeOverrideDetails: null },
  };
}

/** What Cognito writes into a client-credentials access token itself (no `aud`, `sub` = client id). */
function machineTokenClaims(clientId: string, scope: string, added: Record<string, unknown>) {
  return { sub: clientId, client_id: clientId, token_use: "access", scope, iss: ISSUER, iat: NOW_SECONDS - 60, exp: NOW_SECONDS + 3_540, version: 2, jti: `jti-${clientId}-${Math.random()}`, ...added };
}

function userTokenClaims(added: Record<string, unknown>, scope = "openid email") {
  return { sub: "user-sub-jane", client_id: WEB_CLIENT, username: "jane", token_use: "access", scope, iss: ISSUER, iat: NOW_SECONDS - 60, exp: NOW_SECONDS + 3_540, ...added };
}

describe("identity tokens through the trigger, the authorizer and the API (built bundles)", () => {
  let keys: TestKeys;
  let jwks: JwksServer;
  let authorizer: AuthorizerFn;
  let trigger: Trigger;
  let world: AppWorld;
  let catalog: ApiHandler;
  let orders: ApiHandler;

  beforeAll(async () => {
    await ensureHandlersBuilt();
    keys = await makeTestKeys();
    jwks = await startJwks(keys);
    // As Terraform writes it: the pool's client ids are the audiences (matched against `client_id`).
    authorizer = loadAuthorizer(jwks.uri, { JWT_AUDIENCE: [CLIENT_A, CLIENT_B, WEB_CLIENT].join(",") });
    trigger = loadHandler<Trigger>("token-claims", { CLIENT_TENANTS: `${CLIENT_A}=${TENANT_A},${CLIENT_B}=${TENANT_B}`, LOG_LEVEL: "silent" });
    world = await startAppWorld();
    catalog = world.load("catalog");
    orders = world.load("orders");
    for (const tenant of [TENANT_A, TENANT_B]) await putProduct(world.dynamo.client, TABLE, tenant, { productId: "prod-001", price: 25 });
  });
  afterAll(async () => {
    await jwks.close();
    world.dynamo.close();
  });

  /** The authorizer's context for a token, at the tokens' frozen "now". */
  async function contextFor(claims: Record<string, unknown>): Promise<Record<string, string>> {
    const token = await sign(claims, keys.rsa);
    vi.useFakeTimers({ toFake: ["Date"], now: NOW_SECONDS * 1000 });
    try {
      const result = (await authorizer(httpAuthorizerEvent(`Bearer ${token}`))) as { isAuthorized: boolean; context?: Record<string, string> };
      expect(result.isAuthorized).toBe(true);
      return result.context!;
    } finally {
      vi.useRealTimers();
    }
  }

  /** An HTTP API event carrying exactly the authorizer's context. */
  function withContext(event: ReturnType<typeof httpApiEvent>, context: Record<string, string>) {
    return { ...event, requestContext: { ...event.requestContext, authorizer: { lambda: context } } };
  }
  const listCatalog = (context: Record<string, string>) => catalog(withContext(httpApiEvent({ method: "GET", path: "/catalog", template: "/catalog", caller: null }), context));
  const placeOrder = (context: Record<string, string>) =>
    orders(withContext(httpApiEvent({ method: "POST", path: "/orders", template: "/orders", body: { customerId: "cust-1", productId: "prod-001", quantity: 2 }, caller: null }), context));
  const readOrder = (context: Record<string, string>, orderId: string) =>
    orders(withContext(httpApiEvent({ method: "GET", path: `/orders/${orderId}`, template: "/orders/{orderId}", pathParameters: { orderId }, caller: null }), context));

  async function machineContext(clientId: string, scopes: string[]) {
    const out = await trigger(clientCredentialsEvent(clientId, scopes));
    return contextFor(machineTokenClaims(clientId, scopes.join(" "), out.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride));
  }

  describe("the trigger", () => {
    test("client credentials: the tenant the client belongs to, no role; clientMetadata cannot choose another", async () => {
      const out = await trigger(clientCredentialsEvent(CLIENT_A, ["api/read"], { "custom:tenant_id": TENANT_B, tenant: TENANT_B }));
      expect(out.response.claimsAndScopeOverrideDetails).toStrictEqual({ accessTokenGeneration: { claimsToAddOrOverride: { "custom:tenant_id": TENANT_A } } });
      // The rest of the event goes back as Cognito sent it.
      expect(out.triggerSource).toBe("TokenGeneration_ClientCredentials");
      expect(out.request.scopes).toEqual(["api/read"]);
    });

    test("user authentication and refresh: the user's tenant and role attributes", async () => {
      for (const source of ["TokenGeneration_Authentication", "TokenGeneration_HostedAuth", "TokenGeneration_RefreshTokens"]) {
        const out = await trigger(userAuthenticationEvent({ "custom:tenant_id": TENANT_B, "custom:role": "Moderator" }, source));
        expect(out.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride).toStrictEqual({ "custom:tenant_id": TENANT_B, "custom:role": "Moderator" });
      }
    });

    test("a client not in CLIENT_TENANTS and a user without a tenant get no tenant claim, and the authorizer refuses their tokens", async () => {
      const stranger = await trigger(clientCredentialsEvent("7unknownclient00000000000", ["api/read"]));
      expect(stranger.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride).toStrictEqual({});
      const user = await trigger(userAuthenticationEvent({}));
      expect(user.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride).toStrictEqual({});
      const token = await sign(machineTokenClaims(CLIENT_A, "api/read", {}), keys.rsa);
      vi.useFakeTimers({ toFake: ["Date"], now: NOW_SECONDS * 1000 });
      try {
        expect(await authorizer(httpAuthorizerEvent(`Bearer ${token}`))).toStrictEqual({ isAuthorized: false });
      } finally {
        vi.useRealTimers();
      }
    });

    test("an event that is not a pre-token-generation event fails the token request", async () => {
      await expect(trigger({ triggerSource: "TokenGeneration_Authentication", request: {} })).rejects.toThrow(/pre token generation event/);
    });
  });

  describe("a machine client's token: tenant, client_id and scopes, no role", () => {
    test("api/read api/write lists the catalog, places an order and reads it back, in its own tenant", async () => {
      const context = await machineContext(CLIENT_A, ["api/read", "api/write"]);
      expect(context).toMatchObject({ tenantId: TENANT_A, sub: CLIENT_A, scope: "api/read api/write", grant: "scope" });
      const list = await listCatalog(context);
      expect(list.statusCode).toBe(200);
      expect(json(list)).toMatchObject({ tenantId: TENANT_A, data: [{ productId: "prod-001" }] });
      const placed = await placeOrder(context);
      expect(placed.statusCode).toBe(200);
      expect(json(placed)).toMatchObject({ tenantId: TENANT_A, data: { productId: "prod-001", quantity: 2, totalPrice: 50 } });
      const order = json(placed).data as { orderId: string };
      const read = await readOrder(context, order.orderId);
      expect(read.statusCode).toBe(200);
      expect((json(read).data as { orderId: string }).orderId).toBe(order.orderId);
      // Another tenant's client does not see it.
      expect((await readOrder(await machineContext(CLIENT_B, ["api/read"]), order.orderId)).statusCode).toBe(404);
    });

    test("api/read alone lists the catalog but cannot place an order (403)", async () => {
      const context = await machineContext(CLIENT_A, ["api/read"]);
      expect((await listCatalog(context)).statusCode).toBe(200);
      const refused = await placeOrder(context);
      expect(refused.statusCode).toBe(403);
      expect(json(refused)).toMatchObject({ statusCode: 403, error: "Forbidden", tenantId: TENANT_A });
    });

    test("api/write alone places an order but reads neither the catalog nor the order", async () => {
      const context = await machineContext(CLIENT_B, ["api/write"]);
      expect((await listCatalog(context)).statusCode).toBe(403);
      const placed = await placeOrder(context);
      expect(placed.statusCode).toBe(200);
      expect((await readOrder(context, (json(placed).data as { orderId: string }).orderId)).statusCode).toBe(403);
    });
  });

  describe("a role claim overrides the scopes, as the role matrix says", () => {
    test("Guest with api/read api/write: catalog yes, orders no", async () => {
      const trigged = await trigger(userAuthenticationEvent({ "custom:tenant_id": TENANT_A, "custom:role": "Guest" }));
      const context = await contextFor(userTokenClaims(trigged.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride, "api/read api/write"));
      expect(context).toMatchObject({ tenantId: TENANT_A, role: "guest", grant: "role" });
      expect((await listCatalog(context)).statusCode).toBe(200);
      expect((await placeOrder(context)).statusCode).toBe(403);
    });

    test("Admin without any API scope: places orders and reads the tenant's others' orders", async () => {
      const machine = await machineContext(CLIENT_A, ["api/read", "api/write"]);
      const machineOrder = (json(await placeOrder(machine)).data as { orderId: string }).orderId;
      const trigged = await trigger(userAuthenticationEvent({ "custom:tenant_id": TENANT_A, "custom:role": "Admin" }));
      const context = await contextFor(userTokenClaims(trigged.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride, "openid"));
      expect(context).toMatchObject({ role: "admin", scope: "openid", grant: "role" });
      expect((await placeOrder(context)).statusCode).toBe(200);
      expect((await readOrder(context, machineOrder)).statusCode).toBe(200);
    });

    test("User: own orders only, another client's order is not found", async () => {
      const machine = await machineContext(CLIENT_A, ["api/read", "api/write"]);
      const machineOrder = (json(await placeOrder(machine)).data as { orderId: string }).orderId;
      const trigged = await trigger(userAuthenticationEvent({ "custom:tenant_id": TENANT_A, "custom:role": "User" }));
      const context = await contextFor(userTokenClaims(trigged.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride));
      const own = (json(await placeOrder(context)).data as { orderId: string }).orderId;
      expect((await readOrder(context, own)).statusCode).toBe(200);
      expect((await readOrder(context, machineOrder)).statusCode).toBe(404);
    });
  });
});
