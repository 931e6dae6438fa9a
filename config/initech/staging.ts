import { defineConfig } from "../../stacks/environment-config.js";

// initech's staging environment brings its own identity: a Cognito user pool whose per-tenant machine clients
// and staff web app sign in, and the bundled handlers' authorizer trusts exactly that pool (issuer and client ids
// come from the pool; nothing to copy by hand).
export default defineConfig({
  tenant: "initech",
  environment: "staging",
  region: "us-east-2",
  account_id: "333333333333",
  backend: { s3: { bucket: "initech-terraform-state", region: "us-east-2" } },
  name_prefix: "initech-staging",
  // The same customer-managed key as production for the tables and every log group (stage, functions, trigger).
  kms_key_arn: "arn:aws:kms:us-east-2:333333333333:key/5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
  http_apis: {
    orders: {
      description: "Initech orders API (staging)",
      cors_configuration: { allow_origins: ["https://staging.orders.initech.example"], allow_headers: ["authorization", "content-type", "idempotency-key"] },
      stages: { staging: { default_route_settings: { throttling_rate_limit: 100, throttling_burst_limit: 200 } } },
    },
  },
  application: {
    http_api: "orders",
    lambda: { memory_size: 256 },
    tables: { deletion_protection: false, point_in_time_recovery: false },
    tenants: {
      initech: { tier: "standard" },
      chotchkies: { tier: "basic" },
    },
  },
  identity: {
    domain_prefix: "initech-staging-login",
    // Every tenant above gets a client-credentials client; this one may only read.
    machine_clients: { chotchkies: { scopes: ["api/read"], access_token_validity_minutes: 30 } },
    user_clients: {
      staff_portal: {
        callback_urls: ["https://staging.orders.initech.example/callback", "http://localhost:5173/callback"],
        logout_urls: ["https://staging.orders.initech.example/"],
      },
    },
    deletion_protection: false,
  },
  lint: {
    suppressions: [{ rule: "APIGW-HTTP-ROUTE-AUTH", path: "http_apis.orders.routes.app_get_health", reason: "The health check answers uptime monitors without a token and returns no tenant data (handlers/README.md)." }],
  },
  log_retention_days: 30,
  common_tags: { Tenant: "initech", Environment: "staging" },
});
