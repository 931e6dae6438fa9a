import type { HttpApiConfig } from "../../modules/api-gateway/config/http-api.js";

/** The storefront API both acme environments deploy; each environment sets its own stages and limits. */
export function storefrontApi(environment: string, account: string, region: string): HttpApiConfig {
  const fn = (name: string) => `arn:aws:lambda:${region}:${account}:function:acme-${environment}-${name}`;
  return {
    description: `Acme storefront (${environment})`,
    cors_configuration: {
      allow_origins: [environment === "prod" ? "https://shop.acme.example" : "https://dev.shop.acme.example"],
      allow_methods: ["GET", "POST", "OPTIONS"],
      allow_headers: ["authorization", "content-type", "idempotency-key"],
      max_age: 600,
    },
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
    tags: { Service: "storefront" },
  };
}
