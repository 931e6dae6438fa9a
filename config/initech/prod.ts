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
  // One customer-managed key for the tables and every log group (stage, functions, WAF).
  kms_key_arn: "arn:aws:kms:us-east-2:333333333333:key/5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
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
    // The full alarm set; the thresholds not given here keep the defaults in handlers/README.md.
    alarms: { sns_topic_arn: "arn:aws:sns:us-east-2:333333333333:initech-oncall", api_latency_p99_ms: 1500, api_4xx_rate_percent: 15, lambda_duration_percent_of_timeout: 75 },
    dashboard: true,
  },
  // The stack's own web ACL on the public stage: AWS managed rules (known bad inputs counted while Initech's
  // partners move off an old client), a per-IP rate limit, and blocks for a sanctioned country and a scanner.
  waf: {
    managed_rules: { known_bad_inputs: "count" },
    rate_limit: { limit: 1000, window_seconds: 300 },
    blocked_countries: ["KP"],
    blocked_user_agents: ["sqlmap"],
  },
  lint: {
    suppressions: [
      { rule: "APIGW-REST-METHOD-AUTH", path: "rest_apis.orders.methods.app_get_health", reason: "The health check answers uptime monitors without a token and returns no tenant data (handlers/README.md)." },
      {
        rule: "APIGW-REQUEST-VALIDATION",
        path: "rest_apis.orders.methods.app_post_orders",
        reason: "The orders handler validates the body against the API contract and answers the documented 400 body; a gateway model would duplicate that contract.",
      },
    ],
  },
  log_retention_days: 365,
  common_tags: { Tenant: "initech", Environment: "prod" },
});
