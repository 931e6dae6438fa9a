// Products of one tenant: PK `TENANT#<tenantId>#PRODUCT`, SK `PRODUCT#<productId>`. Products are written by
// the tenant's catalog tooling (outside this service) with the attributes read below.
import { readBoolean, readNumber, readString, S, type Item } from "./attribute-values.js";
import type { DynamoDb } from "./dynamodb-client.js";
import { translateSdkError } from "./sdk-errors.js";
import { entitySortKey, TABLE, tenantPartition } from "./table.js";

export interface Product {
  readonly productId: string;
  readonly name: string;
  readonly description: string;
  readonly price: number;
  readonly currency: string;
  readonly category: string;
  readonly inStock: boolean;
  readonly createdAt: string | undefined;
  readonly updatedAt: string | undefined;
}

export interface ProductPage {
  readonly products: Product[];
  /** Sort key of the last item read, when more may follow. */
  readonly lastSortKey: string | undefined;
}

export class ProductRepository {
  constructor(
    private readonly client: DynamoDb,
    private readonly tableName: string,
  ) {}

  async list(tenantId: string, limit: number, afterSortKey: string | undefined): Promise<ProductPage> {
    const pk = tenantPartition(tenantId, "PRODUCT");
    const output = await this.client
      .query({
        TableName: this.tableName,
        KeyConditionExpression: "#pk = :pk AND begins_with(#sk, :prefix)",
        ExpressionAttributeNames: { "#pk": TABLE.partitionKey, "#sk": TABLE.sortKey },
        ExpressionAttributeValues: { ":pk": S(pk), ":prefix": S("PRODUCT#") },
        Limit: limit,
        ExclusiveStartKey: afterSortKey === undefined ? undefined : { [TABLE.partitionKey]: S(pk), [TABLE.sortKey]: S(afterSortKey) },
      })
      .catch(translateSdkError);
    const products: Product[] = [];
    for (const item of output.Items ?? []) {
      const product = toProduct(item);
      if (product !== undefined) products.push(product);
    }
    const last = output.LastEvaluatedKey;
    return { products, lastSortKey: last === undefined ? undefined : readString(last, TABLE.sortKey) };
  }

  async get(tenantId: string, productId: string, consistent: boolean): Promise<Product | undefined> {
    const output = await this.client
      .getItem({
        TableName: this.tableName,
        Key: { [TABLE.partitionKey]: S(tenantPartition(tenantId, "PRODUCT")), [TABLE.sortKey]: S(entitySortKey("PRODUCT", productId)) },
        ConsistentRead: consistent,
      })
      .catch(translateSdkError);
    return output.Item === undefined ? undefined : toProduct(output.Item);
  }
}

/** An item without an id or a usable price is not a product anyone can see or order. */
function toProduct(item: Item): Product | undefined {
  const productId = readString(item, "productId");
  const price = readNumber(item, "price");
  if (productId === undefined || price === undefined || price < 0) return undefined;
  return {
    productId,
    name: readString(item, "name") ?? "",
    description: readString(item, "description") ?? "",
    price,
    currency: readString(item, "currency") ?? "USD",
    category: readString(item, "category") ?? "",
    inStock: readBoolean(item, "inStock") ?? false,
    createdAt: readString(item, "createdAt"),
    updatedAt: readString(item, "updatedAt"),
  };
}
