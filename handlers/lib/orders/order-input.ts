// POST /orders body: exactly { customerId, productId, quantity }. Unknown fields are refused (a client
// cannot slip in `totalPrice`, `tenantId`, `status`...); every 400 names the field.
import { ValidationError } from "../errors.js";
import { requireId } from "../ids.js";

export const MAX_QUANTITY = 1_000;
const FIELDS = ["customerId", "productId", "quantity"] as const;

export interface OrderInput {
  readonly customerId: string;
  readonly productId: string;
  readonly quantity: number;
}

export function parseOrderInput(body: Record<string, unknown>): OrderInput {
  for (const field of FIELDS) {
    if (!Object.hasOwn(body, field) || body[field] === null) throw new ValidationError(field, `Missing required field: ${field}`);
  }
  for (const field of Object.keys(body)) {
    if (!(FIELDS as readonly string[]).includes(field)) {
      const shown = /^[A-Za-z0-9_]{1,64}$/.test(field) ? field : "(unprintable)";
      throw new ValidationError(field, `Validation failed: unknown field ${shown}`);
    }
  }
  const customerId = requireId("customerId", body.customerId);
  const productId = requireId("productId", body.productId);
  const quantity = body.quantity;
  if (typeof quantity !== "number" || !Number.isSafeInteger(quantity) || quantity < 1) {
    throw new ValidationError("quantity", "Validation failed: quantity must be a positive integer");
  }
  if (quantity > MAX_QUANTITY) throw new ValidationError("quantity", `Validation failed: quantity must be at most ${MAX_QUANTITY}`);
  return { customerId, productId, quantity };
}

/** Idempotency-Key: 1-255 visible ASCII characters. */
export function parseIdempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(raw)) {
    throw new ValidationError("Idempotency-Key", "Validation failed: Idempotency-Key must be 1-255 visible ASCII characters");
  }
  return raw;
}

/** Price x quantity in minor units, so 99.99 x 3 is 299.97 and not 299.96999999999997. */
export function totalPriceOf(unitPrice: number, quantity: number): number {
  return (Math.round(unitPrice * 100) * quantity) / 100;
}
