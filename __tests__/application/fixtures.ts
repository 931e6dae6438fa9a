/** A tenant environment with one HTTP API and the bundled handlers on it. */
export function httpEnvironment(application: Record<string, unknown> = {}, api: Record<string, unknown> = {}): any {
  return {
    tenant: "acme",
    environment: "dev",
    region: "eu-west-1",
    name_prefix: "acme-dev",
    common_tags: { Team: "platform" },
    http_apis: {
      public: {
        cors_configuration: { allow_origins: ["https://shop.example.com"], allow_methods: ["GET", "POST"], allow_headers: ["authorization", "content-type", "idempotency-key"] },
        stages: { live: { name: "$default", auto_deploy: true, default_route_settings: { throttling_rate_limit: 100, throttling_burst_limit: 200 } } },
        ...api,
      },
    },
    application: {
      http_api: "public",
      authorizer: { issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123", audiences: ["client-a", "client-b"] },
      ...application,
    },
  };
}

/** A tenant environment with one REST API (methods) and the bundled handlers on it. */
export function restEnvironment(application: Record<string, unknown> = {}, api: Record<string, unknown> = {}): any {
  return {
    tenant: "acme",
    environment: "prod",
    region: "eu-west-1",
    name_prefix: "acme-prod",
    rest_apis: {
      shop: {
        endpoint_configuration: { types: ["REGIONAL"] },
        stages: { prod: { throttle_settings: { throttling_rate_limit: 100, throttling_burst_limit: 200 }, xray_tracing_enabled: true } },
        ...api,
      },
    },
    application: {
      rest_api: "shop",
      authorizer: { issuer: "https://issuer.example.com", audiences: ["shop-api"] },
      ...application,
    },
  };
}
