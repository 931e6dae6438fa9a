// The orders Lambda, assembled once per container.
import type { Env } from "../env.js";
import { createApiHandler, type ApiHandler } from "../app/api-handler.js";
import { containerDeps } from "../app/deps.js";
import { IdempotencyRepository } from "../data/idempotency-repository.js";
import { OrderRepository } from "../data/order-repository.js";
import { ProductRepository } from "../data/product-repository.js";
import { ResourceOwners } from "../data/resource-owners.js";
import { OrderService } from "./order-service.js";
import { ordersRoutes } from "./orders-routes.js";

export function createOrdersHandler(env: Env): ApiHandler {
  const { config, logger, client, rateLimiter } = containerDeps("orders", env);
  const service = new OrderService({
    products: new ProductRepository(client, config.tableName),
    orders: new OrderRepository(client, config.tableName),
    idempotency: new IdempotencyRepository(client, config.sessionsTableName),
    owners: new ResourceOwners(client, config.tableName),
    idempotencyTtlSeconds: config.idempotencyTtlSeconds,
    waitMs: config.idempotencyWaitMs,
  });
  return createApiHandler({ routes: ordersRoutes(service), logger, rateLimiter });
}
