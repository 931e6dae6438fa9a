import type { HttpApiConfig } from "../../modules/api-gateway/config/http-api.js";

/** The storefront's routes to the functions acme deploys itself (prod); dev mounts the bundled handlers instead. */
export function storefrontRoutes(environment: string, account: string, region: string): Pick<HttpApiConfig, "jwt_authorizers" | "integrations" | "routes"> {
  const fn = (name: string) => `arn:aws:lambda:${region}:${account}:function:acme-${environment}-${name}`;
  return {
    jwt_authorizers: {
      cognito: {
        audience: ["4h7sd9example0client"],
        issuer: `https://cognito-idp.${region}.amazonaws.com/${region}_AcmePool1`,
      },
    },
    integrations: {
      catalog: { integration_type: "AWS_PROXY", integration_uri: fn("catalog"), timeout_milliseconds: 10000 },
      orders: { integration_type: "AWS_PROXY", integration_uri: fn("orders"), timeout_milliseconds: 10000 },
      health: { integration_type: "AWS_PROXY", integration_uri: fn("health") },
    },
    routes: {
      list_catalog: { route_key: "GET /catalog", target: "integrations/catalog", authorizer_id: "cognito" },
      get_product: { route_key: "GET /catalog/{productId}", target: "integrations/catalog", authorizer_id: "cognito" },
      create_order: { route_key: "POST /orders", target: "integrations/orders", authorizer_id: "cognito", authorization_scopes: ["orders/write"] },
      get_order: { route_key: "GET /orders/{orderId}", target: "integrations/orders", authorizer_id: "cognito" },
      health: { route_key: "GET /health", target: "integrations/health" },
    },
  };
}
