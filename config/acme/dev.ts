import { defineConfig } from "../../stacks/environment-config.js";
import { storefrontApi } from "./_storefront.js";

export default defineConfig({
  tenant: "acme",
  environment: "dev",
  region: "eu-west-1",
  name_prefix: "acme-dev",
  http_apis: {
    storefront: {
      ...storefrontApi("dev", "111111111111", "eu-west-1"),
      stages: {
        dev: { default_route_settings: { throttling_rate_limit: 50, throttling_burst_limit: 100 } },
      },
    },
  },
  log_retention_days: 7,
  common_tags: { Tenant: "acme", Environment: "dev", ManagedBy: "cdktf-apigateway" },
});
