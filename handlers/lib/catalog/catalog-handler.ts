// The catalog Lambda, assembled once per container.
import type { Env } from "../env.js";
import { createApiHandler, type ApiHandler } from "../app/api-handler.js";
import { containerDeps } from "../app/deps.js";
import { ProductRepository } from "../data/product-repository.js";
import { ResourceOwners } from "../data/resource-owners.js";
import { catalogRoutes } from "./catalog-routes.js";

export function createCatalogHandler(env: Env): ApiHandler {
  const { config, logger, client, rateLimiter } = containerDeps("catalog", env);
  const routes = catalogRoutes({
    products: new ProductRepository(client, config.tableName),
    owners: new ResourceOwners(client, config.tableName),
  });
  return createApiHandler({ routes, logger, rateLimiter });
}
