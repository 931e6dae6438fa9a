// Lambda entry: POST /orders, GET /orders/{orderId}. See handlers/lib/app/config.ts for its environment.
import { createOrdersHandler } from "../lib/orders/orders-handler.js";

export const handler = createOrdersHandler(process.env);
