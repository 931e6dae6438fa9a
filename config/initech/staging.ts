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
  http_apis: {
    orders: {
      description: "Initech orders API (staging)",
      cors_configuration: { allow_origins: ["https://staging.orders.initech.example"], allow_headers: ["authorization", "content-type", "idempotency-key"] },
      stages: { staging: {} },
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
  log_retention_days: 30,
  common_tags: { Tenant: "initech", Environment: "staging" },
});
