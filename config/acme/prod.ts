import { defineConfig } from "../../stacks/environment-config.js";
import { extendBase } from "../../stacks/extend-base.js";
import { acmeBase } from "./_base.js";
import { storefrontRoutes } from "./_storefront.js";

export default defineConfig(
  extendBase(acmeBase, {
    environment: "prod",
    account_id: "222222222222",
    backend: { s3: { bucket: "acme-terraform-state", region: "eu-west-1" } },
    name_prefix: "acme-prod",
    http_apis: {
      storefront: {
        description: "Acme storefront (prod)",
        ...storefrontRoutes("prod", "222222222222", "eu-west-1"),
        stages: {
          prod: {
            default_route_settings: { throttling_rate_limit: 1000, throttling_burst_limit: 2000, detailed_metrics_enabled: true },
            route_settings: { create_order: { throttling_rate_limit: 100, throttling_burst_limit: 200 } },
          },
        },
      },
    },
    http_api_custom_domains: {
      shop: {
        api_name: "storefront",
        domain_name: "api.shop.acme.example",
        domain_name_configuration: { certificate_arn: "arn:aws:acm:eu-west-1:222222222222:certificate/0f3c9a62-1b2c-4d5e-8f90-123456789abc" },
      },
    },
    lint: {
      suppressions: [{ rule: "APIGW-HTTP-ROUTE-AUTH", path: "http_apis.storefront.routes.health", reason: "The health check answers uptime monitors without a token and returns no tenant data (handlers/README.md)." }],
    },
    log_kms_key_id: "arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    common_tags: { Environment: "prod" },
  }),
);
