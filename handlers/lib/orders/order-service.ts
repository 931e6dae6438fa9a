// Placing and reading orders. The tenant and the creator come from the caller (authorizer context); the
// price comes from the tenant's catalog, never from the client.
//
// With an Idempotency-Key, at most one order is ever created, whatever fails:
// - the order id is derived from (tenant, caller, key), so every attempt with that key writes the same
//   item, and the write is conditional (never overwrites): a second order cannot exist;
// - the order carries the hash of the body it was placed for, so the order itself answers a retry: same
//   body, that order; another body, 422. This holds even when the idempotency record is gone, e.g. after a
//   write was applied but its reply was lost and the request, failing, released its claim;
// - the idempotency record (a conditional put: one concurrent request wins) keeps concurrent requests from
//   doing the work twice; the others wait for it (at most IDEMPOTENCY_WAIT_MS and half the request's
//   remaining time) and then get the order, or 409. A claim whose request was cut short (or whose Lambda
//   died) is taken over once its lock expires: at the holder's deadline, 30 s at most.
import { createHash, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { ConflictError, ForbiddenError, IdempotencyKeyReusedError } from "../errors.js";
import { currentDeadline } from "../request-deadline.js";
import type { Logger } from "../logger.js";
import { callerReach } from "../auth/caller-reach.js";
import type { IdempotencyRepository } from "../data/idempotency-repository.js";
import { OrderExistsError, type Order, type OrderRepository } from "../data/order-repository.js";
import type { ProductRepository } from "../data/product-repository.js";
import type { ResourceOwners } from "../data/resource-owners.js";
import { isoSeconds } from "../http/responses.js";
import { notFoundAfterOwnerCheck } from "../security/not-found.js";
import { logCrossUserAccess } from "../security/security-log.js";
import type { Caller } from "../tenant/caller.js";
import { totalPriceOf, type OrderInput } from "./order-input.js";

export interface OrderServiceDeps {
  readonly products: ProductRepository;
  readonly orders: OrderRepository;
  readonly idempotency: IdempotencyRepository;
  readonly owners: ResourceOwners;
  readonly idempotencyTtlSeconds: number;
  readonly now?: () => number;
  /** Longest a claim may be held before another request may take it over (less when the request's deadline is nearer). */
  readonly lockMs?: number;
  /** How long a request waits for a concurrent one holding the same key before answering 409. */
  readonly waitMs?: number;
  /** First re-check delay while waiting; doubles each time, up to 1 s. */
  readonly pollMs?: number;
}

export interface RequestScope {
  readonly caller: Caller;
  readonly requestId: string;
  readonly logger: Logger;
}

export class OrderService {
  private readonly now: () => number;
  private readonly maxLockMs: number;
  private readonly waitMs: number;
  private readonly pollMs: number;

  constructor(private readonly deps: OrderServiceDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.maxLockMs = deps.lockMs ?? 30_000;
    this.waitMs = deps.waitMs ?? 5_000;
    this.pollMs = deps.pollMs ?? 50;
  }

  async create(scope: RequestScope, input: OrderInput, idempotencyKey: string | undefined): Promise<Order> {
    if (callerReach(scope.caller, "orders", "write") === "none") throw new ForbiddenError();
    if (idempotencyKey === undefined) return this.place(scope, input, newOrderId());
    return this.createOnce(scope, input, idempotencyKey);
  }

  async get(scope: RequestScope, orderId: string): Promise<Order> {
    const { caller } = scope;
    const reach = callerReach(caller, "orders", "read");
    if (reach === "none") throw new ForbiddenError();
    const order = await this.deps.orders.get(caller.tenantId, orderId);
    const attempt = { requestId: scope.requestId, authenticatedTenant: caller.tenantId, resourceType: "ORDER" as const, resourceId: orderId };
    if (order === undefined) throw await notFoundAfterOwnerCheck(this.deps.owners, scope.logger, attempt);
    if (reach === "own" && order.createdBy !== caller.sub) {
      logCrossUserAccess(scope.logger, attempt);
      throw await notFoundAfterOwnerCheck(this.deps.owners, scope.logger, attempt);
    }
    return order;
  }

  private async createOnce(scope: RequestScope, input: OrderInput, idempotencyKey: string): Promise<Order> {
    const { tenantId, sub } = scope.caller;
    const { idempotency } = this.deps;
    const recordKey = sha256(`${sub}\n${idempotencyKey}`);
    const requestHash = sha256(JSON.stringify([input.customerId, input.productId, input.quantity]));
    const orderId = idempotentOrderId(tenantId, recordKey);
    const waitUntil = this.now() + Math.min(this.waitMs, (currentDeadline()?.remainingMs() ?? Number.POSITIVE_INFINITY) / 2);
    let orderChecked = false;
    for (let attempt = 0; ; attempt++) {
      const claimToken = randomUUID();
      const claim = { tenantId, recordKey, requestHash, orderId, claimToken, nowMs: this.now(), lockMs: this.lockMs(), ttlSeconds: this.deps.idempotencyTtlSeconds };
      if (await idempotency.claim(claim)) return this.placeUnderClaim(scope, input, { recordKey, requestHash, orderId, claimToken });
      const record = await idempotency.get(tenantId, recordKey, this.now());
      if (record !== undefined) {
        if (record.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
        if (record.status === "COMPLETED") return this.completedOrder(scope, record.orderId);
        if (!orderChecked) {
          // The holder may have written the order and then lost its reply or its life: the order answers.
          orderChecked = true;
          const written = await this.orderPlacedFor(scope, record.orderId, requestHash);
          if (written !== undefined) return written;
        }
        if (record.lockExpiresAtMs <= this.now()) {
          if (await idempotency.takeOver(tenantId, recordKey, record.claimToken, claimToken, this.now(), this.lockMs())) {
            return this.placeUnderClaim(scope, input, { recordKey, requestHash, orderId: record.orderId, claimToken });
          }
          continue;
        }
      }
      if (this.now() >= waitUntil) throw new ConflictError("A request with this Idempotency-Key is still being processed");
      // Exponential backoff with jitter: waiting requests must not crowd out the one doing the work.
      await sleep(Math.min(this.pollMs * 2 ** attempt, 1_000) * (0.5 + Math.random() / 2));
    }
  }

  /**
   * How long a new claim holds the key: until the request's deadline (plus a second), after which the
   * holder can make no call any more, so a claim left by a request cut short frees itself at once.
   */
  private lockMs(): number {
    const deadline = currentDeadline();
    return deadline === undefined ? this.maxLockMs : Math.min(this.maxLockMs, Math.ceil(deadline.remainingMs()) + 1_000);
  }

  private async placeUnderClaim(scope: RequestScope, input: OrderInput, claim: HeldClaim): Promise<Order> {
    const { tenantId } = scope.caller;
    let order: Order;
    try {
      // An earlier attempt with this key may have written the order already (its claim since released).
      order = (await this.orderPlacedFor(scope, claim.orderId, claim.requestHash)) ?? (await this.place(scope, input, claim.orderId, claim.requestHash));
    } catch (error) {
      await this.deps.idempotency.release(tenantId, claim.recordKey, claim.claimToken).catch((releaseError: unknown) => {
        scope.logger.error({ err: releaseError, requestId: scope.requestId }, "could not release idempotency claim");
      });
      throw error;
    }
    // The order exists: that is the answer even if the record cannot be marked (a retry finds the order).
    await this.deps.idempotency.complete(tenantId, claim.recordKey, claim.claimToken).catch((completeError: unknown) => {
      scope.logger.error({ err: completeError, requestId: scope.requestId }, "could not complete idempotency record");
    });
    return order;
  }

  /** The order already placed under this id, if any; 422 if it was placed for another body. */
  private async orderPlacedFor(scope: RequestScope, orderId: string, requestHash: string): Promise<Order | undefined> {
    const order = await this.deps.orders.get(scope.caller.tenantId, orderId);
    if (order === undefined) return undefined;
    if (order.requestHash !== undefined && order.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    return order;
  }

  private async completedOrder(scope: RequestScope, orderId: string): Promise<Order> {
    const order = await this.deps.orders.get(scope.caller.tenantId, orderId);
    if (order === undefined) throw new Error(`idempotency record points at missing order ${orderId}`);
    return order;
  }

  private async place(scope: RequestScope, input: OrderInput, orderId: string, requestHash?: string): Promise<Order> {
    const { caller } = scope;
    const product = await this.deps.products.get(caller.tenantId, input.productId, true);
    if (product === undefined) {
      throw await notFoundAfterOwnerCheck(this.deps.owners, scope.logger, {
        requestId: scope.requestId,
        authenticatedTenant: caller.tenantId,
        resourceType: "PRODUCT",
        resourceId: input.productId,
      });
    }
    if (!product.inStock) throw new ConflictError(`Product ${product.productId} is out of stock`);
    const createdAt = isoSeconds(new Date(this.now()));
    const order: Order = {
      orderId,
      tenantId: caller.tenantId,
      customerId: input.customerId,
      productId: product.productId,
      quantity: input.quantity,
      totalPrice: totalPriceOf(product.price, input.quantity),
      currency: product.currency,
      status: "PENDING",
      createdAt,
      updatedAt: createdAt,
      createdBy: caller.sub,
      ...(requestHash === undefined ? {} : { requestHash }),
    };
    try {
      await this.deps.orders.create(order);
      return order;
    } catch (error) {
      if (!(error instanceof OrderExistsError) || requestHash === undefined) throw error;
      // Written meanwhile under this key (a taken-over claim, a late write of a lost attempt): the answer.
      const written = await this.orderPlacedFor(scope, orderId, requestHash);
      if (written === undefined) throw error;
      return written;
    }
  }
}

function newOrderId(): string {
  return `order-${randomUUID()}`;
}

/** `order-<uuid>` derived from the tenant and the record key (sha256 of caller and Idempotency-Key). */
export function idempotentOrderId(tenantId: string, recordKey: string): string {
  const hex = sha256(`${tenantId}\n${recordKey}`).slice(0, 32).split("");
  hex[12] = "8"; // UUID version 8: custom, name-derived
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16); // RFC 9562 variant
  const h = hex.join("");
  return `order-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface HeldClaim {
  readonly recordKey: string;
  readonly requestHash: string;
  readonly orderId: string;
  readonly claimToken: string;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
