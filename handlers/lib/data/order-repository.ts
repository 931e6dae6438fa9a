// Orders of one tenant: PK `TENANT#<tenantId>#ORDER`, SK `ORDER#<orderId>`, plus the owner-index entry
// (GSI1) used only to recognise cross-tenant access attempts.
import { N, readNumber, readString, S, type Item } from "./attribute-values.js";
import type { DynamoDb } from "./dynamodb-client.js";
import { isConditionalCheckFailed, translateSdkError } from "./sdk-errors.js";
import { entitySortKey, ownerIndexKeys, TABLE, tenantPartition } from "./table.js";

export type OrderStatus = "PENDING";

export interface Order {
  readonly orderId: string;
  readonly tenantId: string;
  readonly customerId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly totalPrice: number;
  readonly currency: string;
  readonly status: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** `sub` of the caller that created it: what "own orders" means. */
  readonly createdBy: string;
  /** For an order placed under an Idempotency-Key: the hash of the request body it was placed for. */
  readonly requestHash?: string;
}

/** The order id is taken: the same order was already written (a retried or taken-over request). */
export class OrderExistsError extends Error {
  static readonly code = "ERR_ORDER_EXISTS";
  readonly code = "ERR_ORDER_EXISTS";
  override name = "OrderExistsError";

  constructor(
    readonly tenantId: string,
    readonly orderId: string,
  ) {
    super(`order ${orderId} already exists in tenant ${tenantId}`);
  }
}

export class OrderRepository {
  constructor(
    private readonly client: DynamoDb,
    private readonly tableName: string,
  ) {}

  /** Writes a new order; never overwrites one (OrderExistsError). */
  async create(order: Order): Promise<void> {
    const owner = ownerIndexKeys("ORDER", order.orderId, order.tenantId);
    const item: Item = {
      [TABLE.partitionKey]: S(tenantPartition(order.tenantId, "ORDER")),
      [TABLE.sortKey]: S(entitySortKey("ORDER", order.orderId)),
      [TABLE.ownerIndexPartitionKey]: S(owner.pk),
      [TABLE.ownerIndexSortKey]: S(owner.sk),
      entityType: S("ORDER"),
      orderId: S(order.orderId),
      tenantId: S(order.tenantId),
      customerId: S(order.customerId),
      productId: S(order.productId),
      quantity: N(order.quantity),
      totalPrice: N(order.totalPrice),
      currency: S(order.currency),
      status: S(order.status),
      createdAt: S(order.createdAt),
      updatedAt: S(order.updatedAt),
      createdBy: S(order.createdBy),
    };
    if (order.requestHash !== undefined) item.requestHash = S(order.requestHash);
    try {
      await this.client.putItem({
        TableName: this.tableName,
        Item: item,
        ConditionExpression: "attribute_not_exists(#pk)",
        ExpressionAttributeNames: { "#pk": TABLE.partitionKey },
      });
    } catch (error) {
      if (isConditionalCheckFailed(error)) throw new OrderExistsError(order.tenantId, order.orderId);
      translateSdkError(error);
    }
  }

  async get(tenantId: string, orderId: string): Promise<Order | undefined> {
    const output = await this.client
      .getItem({
        TableName: this.tableName,
        Key: { [TABLE.partitionKey]: S(tenantPartition(tenantId, "ORDER")), [TABLE.sortKey]: S(entitySortKey("ORDER", orderId)) },
        ConsistentRead: true,
      })
      .catch(translateSdkError);
    return output.Item === undefined ? undefined : toOrder(output.Item);
  }
}

function toOrder(item: Item): Order | undefined {
  const orderId = readString(item, "orderId");
  const tenantId = readString(item, "tenantId");
  const quantity = readNumber(item, "quantity");
  const totalPrice = readNumber(item, "totalPrice");
  if (orderId === undefined || tenantId === undefined || quantity === undefined || totalPrice === undefined) return undefined;
  const createdAt = readString(item, "createdAt") ?? "";
  const requestHash = readString(item, "requestHash");
  return {
    orderId,
    tenantId,
    customerId: readString(item, "customerId") ?? "",
    productId: readString(item, "productId") ?? "",
    quantity,
    totalPrice,
    currency: readString(item, "currency") ?? "USD",
    status: readString(item, "status") ?? "PENDING",
    createdAt,
    updatedAt: readString(item, "updatedAt") ?? createdAt,
    createdBy: readString(item, "createdBy") ?? "",
    ...(requestHash === undefined ? {} : { requestHash }),
  };
}
