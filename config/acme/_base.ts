import type { ConfigBase } from "../../stacks/extend-base.js";

// What every acme environment shares. dev.ts and prod.ts extend it with `extendBase` (stacks/extend-base.ts):
// maps merge by key, arrays replace, null removes a key.
export const acmeBase: ConfigBase = {
  tenant: "acme",
  region: "eu-west-1",
  http_apis: {
    storefront: {
      cors_configuration: {
        allow_origins: ["https://shop.acme.example"],
        allow_methods: ["GET", "POST", "OPTIONS"],
        allow_headers: ["authorization", "content-type", "idempotency-key"],
        max_age: 600,
      },
      tags: { Service: "storefront" },
    },
  },
  log_retention_days: 90,
  common_tags: { Tenant: "acme", CostCenter: "storefront" },
};
