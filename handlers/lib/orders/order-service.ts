// Placing and reading orders. The tenant and the creator come from the caller (authorizer context); the
// price comes from the tenant's catalog, never from the client. With an Idempotency-Key, the first request
// claims the key and creates the order; concurrent and later requests with the same key and body get that
// same order; the same key with a different body gets 422. A claim whose request failed is released; one
// whose Lambda died mid-way is taken over after its lock expires, reusing the claimed order id, so a
// crash can never make two orders.
import { createHash, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { ConflictError, ForbiddenError, IdempotencyKeyReusedError } from "../errors.js";
import type { Logger } from "../logger.js";
import { reachOf } from "../auth/roles.js";
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
  /** How long a claim may be held before another request may take it over. */
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
  private readonly lockMs: number;
  private readonly waitMs: number;
  private readonly pollMs: number;

  constructor(private readonly deps: OrderServiceDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.lockMs = deps.lockMs ?? 30_000;
    this.waitMs = deps.waitMs ?? 5_000;
    this.pollMs = deps.pollMs ?? 50;
  }

  async create(scope: RequestScope, input: OrderInput, idempotencyKey: string | undefined): Promise<Order> {
    if (reachOf(scope.caller.role, "orders", "write") === "none") throw new ForbiddenError();
    if (idempotencyKey === undefined) return this.place(scope, input, newOrderId());
    return this.createOnce(scope, input, idempotencyKey);
  }

  async get(scope: RequestScope, orderId: string): Promise<Order> {
    const { caller } = scope;
    const reach = reachOf(caller.role, "orders", "read");
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
    const deadline = this.now() + this.waitMs;
    for (let attempt = 0; ; attempt++) {
      const claimToken = randomUUID();
      const orderId = newOrderId();
      const claim = { tenantId, recordKey, requestHash, orderId, claimToken, nowMs: this.now(), lockMs: this.lockMs, ttlSeconds: this.deps.idempotencyTtlSeconds };
      if (await idempotency.claim(claim)) return this.placeUnderClaim(scope, input, orderId, recordKey, claimToken);
      const record = await idempotency.get(tenantId, recordKey, this.now());
      if (record !== undefined) {
        if (record.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
        if (record.status === "COMPLETED") return this.completedOrder(scope, record.orderId);
        if (record.lockExpiresAtMs <= this.now()) {
          if (await idempotency.takeOver(tenantId, recordKey, record.claimToken, claimToken, this.now(), this.lockMs)) {
            return this.placeUnderClaim(scope, input, record.orderId, recordKey, claimToken);
          }
          continue;
        }
      }
      if (this.now() >= deadline) throw new ConflictError("A request with this Idempotency-Key is still being processed");
      // Exponential backoff with jitter: waiting requests must not crowd out the one doing the work.
      await sleep(Math.min(this.pollMs * 2 ** attempt, 1_000) * (0.5 + Math.random() / 2));
    }
  }

  private async placeUnderClaim(scope: RequestScope, input: OrderInput, orderId: string, recordKey: string, claimToken: string): Promise<Order> {
    const { tenantId } = scope.caller;
    let order: Order;
    try {
      order = await this.place(scope, input, orderId);
    } catch (error) {
      await this.deps.idempotency.release(tenantId, recordKey, claimToken).catch((releaseError: unknown) => {
        scope.logger.error({ err: releaseError, requestId: scope.requestId }, "could not release idempotency claim");
      });
      throw error;
    }
    await this.deps.idempotency.complete(tenantId, recordKey, claimToken);
    return order;
  }

  private async completedOrder(scope: RequestScope, orderId: string): Promise<Order> {
    const order = await this.deps.orders.get(scope.caller.tenantId, orderId);
    if (order === undefined) throw new Error(`idempotency record points at missing order ${orderId}`);
    return order;
  }

  private async place(scope: RequestScope, input: OrderInput, orderId: string): Promise<Order> {
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
    };
    try {
      await this.deps.orders.create(order);
      return order;
    } catch (error) {
      if (!(error instanceof OrderExistsError)) throw error;
      // A taken-over claim whose first holder did write the order: that order is the answer.
      return this.completedOrder(scope, orderId);
    }
  }
}

function newOrderId(): string {
  return `order-${randomUUID()}`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
