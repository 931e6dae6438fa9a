import { defineConfig } from "../../stacks/environment-config.js";

// initech runs the bundled handlers behind a REST API for its own customers (the application's tenants): each
// tenant's tier is enforced by API Gateway's usage plans before any function runs.
export default defineConfig({
  tenant: "initech",
  environment: "prod",
  region: "us-east-2",
  account_id: "333333333333",
  backend: { s3: { bucket: "initech-terraform-state", region: "us-east-2" } },
  name_prefix: "initech-prod",
  rest_apis: {
    orders: {
      description: "Initech orders API",
      endpoint_configuration: { types: ["REGIONAL"] },
      stages: {
        v1: {
          throttle_settings: { throttling_rate_limit: 500, throttling_burst_limit: 1000, metrics_enabled: true },
          xray_tracing_enabled: true,
        },
      },
    },
  },
  application: {
    rest_api: "orders",
    authorizer: {
      issuer: "https://login.initech.example/",
      audiences: ["orders-api"],
      tenant_claim: "tenant_id",
      role_claim: "role",
    },
    lambda: { memory_size: 1024, timeout: 10, reserved_concurrent_executions: 200 },
    rate_limits: { default_tier: "standard" },
    tiers: { partner: { rate_per_second: 50, burst: 100, monthly_quota: 500_000 } },
    // Moving a tenant to another tier is this one line; its API key stays, its usage plan key moves.
    tenants: {
      initech: { tier: "premium" },
      acme: { tier: "standard" },
      "chotchkies": { tier: "partner", monthly_quota: 250_000 },
      "intertrode": { tier: "basic", status: "suspended" },
    },
    alarms: { sns_topic_arn: "arn:aws:sns:us-east-2:333333333333:initech-oncall", api_latency_p99_ms: 1500 },
  },
  log_retention_days: 365,
  common_tags: { Tenant: "initech", Environment: "prod" },
});
