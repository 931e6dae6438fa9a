// POST /orders and GET /orders/{orderId} (the catalog/orders API contract).
import { requireId } from "../ids.js";
import type { Order } from "../data/order-repository.js";
import { jsonObjectBody } from "../http/json-body.js";
import type { RouteSpec } from "../http/router.js";
import type { RouteHandler, RouteInput } from "../app/api-handler.js";
import { parseIdempotencyKey, parseOrderInput } from "./order-input.js";
import type { OrderService } from "./order-service.js";

export function ordersRoutes(service: OrderService): RouteSpec<RouteHandler>[] {
  return [
    { method: "POST", template: "/orders", handler: (input) => createOrder(service, input) },
    { method: "GET", template: "/orders/{orderId}", handler: (input) => getOrder(service, input) },
  ];
}

async function createOrder(service: OrderService, { request, caller, logger }: RouteInput) {
  const scope = { caller, requestId: request.requestId, logger };
  const idempotencyKey = parseIdempotencyKey(request.headers["idempotency-key"]);
  const order = await service.create(scope, parseOrderInput(jsonObjectBody(request)), idempotencyKey);
  return { data: orderCreated(order) };
}

async function getOrder(service: OrderService, { request, caller, params, logger }: RouteInput) {
  const orderId = requireId("orderId", params.orderId);
  const order = await service.get({ caller, requestId: request.requestId, logger }, orderId);
  return { data: { ...orderCreated(order), updatedAt: order.updatedAt } };
}

/** The catalog/orders API contract's order fields; `tenantId` and `createdBy` stay internal. */
function orderCreated(order: Order) {
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    productId: order.productId,
    quantity: order.quantity,
    totalPrice: order.totalPrice,
    currency: order.currency,
    status: order.status,
    createdAt: order.createdAt,
  };
}
