import { defineConfig } from "../../stacks/environment-config.js";
import { extendBase } from "../../stacks/extend-base.js";
import { acmeBase } from "./_base.js";

// acme's development environment runs the bundled handlers (catalog, orders, health and the JWT authorizer)
// on its storefront HTTP API; acme's production environment (prod.ts) routes to functions acme deploys itself.
export default defineConfig(
  extendBase(acmeBase, {
    environment: "dev",
    account_id: "111111111111",
    name_prefix: "acme-dev",
    http_apis: {
      storefront: {
        description: "Acme storefront (dev)",
        cors_configuration: { allow_origins: ["https://dev.shop.acme.example"] },
        stages: {
          dev: { default_route_settings: { throttling_rate_limit: 50, throttling_burst_limit: 100 } },
        },
      },
    },
    application: {
      http_api: "storefront",
      authorizer: {
        issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AcmePool1",
        audiences: ["4h7sd9example0client"],
      },
      lambda: { log_level: "debug", memory_size: 512 },
      // Throwaway data in dev: let `terraform destroy` remove the tables.
      tables: { deletion_protection: false, point_in_time_recovery: false },
      rate_limits: { tenant_tiers: { "acme-internal": "premium" } },
      alarms: { email_subscriptions: ["platform-oncall@acme.example"] },
    },
    lint: {
      suppressions: [
        { rule: "APIGW-HTTP-ROUTE-AUTH", path: "http_apis.storefront.routes.app_get_health", reason: "The health check answers uptime monitors without a token and returns no tenant data (handlers/README.md)." },
        { rule: "APIGW-LOG-GROUP-CMK", reason: "Dev holds synthetic data only; CloudWatch's own encryption is enough, and dev has no KMS key to manage." },
      ],
    },
    log_retention_days: 7,
    common_tags: { Environment: "dev", CostCenter: null },
  }),
);
