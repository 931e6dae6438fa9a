// A real DynamoDB API on 127.0.0.1 (dynalite, in memory) and the table layout the handlers expect.
import { startDynamo as startLocalDynamo } from "../../../local/dynamo/local-dynamo.js";
import { CreateTableCommand, DynamoDBClient, PutItemCommand, QueryCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import "./environment.js";

export interface LocalDynamo {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  close(): Promise<void>;
}

/** dynalite on 127.0.0.1 with a client for it: the local gateway's own start-up, shared. */
export async function startDynamo(): Promise<LocalDynamo> {
  return startLocalDynamo();
}

/** PK/SK strings, GSI1 (GSI1PK/GSI1SK, KEYS_ONLY): what handlers/README.md asks the Terraform side for. */
export async function createAppTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await createKeyTable(client, tableName, { gsi1: true });
}

/** A PK/SK table as modules/data creates them: with GSI1 for the data table, without for sessions and rate limits. */
export async function createKeyTable(client: DynamoDBClient, tableName: string, options: { gsi1: boolean }): Promise<void> {
  const keys = (hash: string, range: string) => [
    { AttributeName: hash, KeyType: "HASH" as const },
    { AttributeName: range, KeyType: "RANGE" as const },
  ];
  const attributes = options.gsi1 ? ["PK", "SK", "GSI1PK", "GSI1SK"] : ["PK", "SK"];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: "S" as const })),
      KeySchema: keys("PK", "SK"),
      GlobalSecondaryIndexes: options.gsi1 ? [{ IndexName: "GSI1", KeySchema: keys("GSI1PK", "GSI1SK"), Projection: { ProjectionType: "KEYS_ONLY" } }] : undefined,
    }),
  );
}

export interface TestProduct {
  productId: string;
  name?: string;
  description?: string;
  price: number;
  currency?: string;
  category?: string;
  inStock?: boolean;
}

/** A product as the tenant's catalog tooling writes it (including its owner-index entry). */
export async function putProduct(client: DynamoDBClient, tableName: string, tenantId: string, product: TestProduct): Promise<void> {
  const item: Record<string, AttributeValue> = {
    PK: { S: `TENANT#${tenantId}#PRODUCT` },
    SK: { S: `PRODUCT#${product.productId}` },
    GSI1PK: { S: `PRODUCT#${product.productId}` },
    GSI1SK: { S: `TENANT#${tenantId}` },
    entityType: { S: "PRODUCT" },
    productId: { S: product.productId },
    name: { S: product.name ?? `Product ${product.productId}` },
    description: { S: product.description ?? "A product" },
    price: { N: String(product.price) },
    currency: { S: product.currency ?? "USD" },
    category: { S: product.category ?? "Electronics" },
    inStock: { BOOL: product.inStock ?? true },
    createdAt: { S: "2024-01-15T10:30:00Z" },
    updatedAt: { S: "2024-01-15T10:30:00Z" },
  };
  await client.send(new PutItemCommand({ TableName: tableName, Item: item }));
}

export async function ordersOf(client: DynamoDBClient, tableName: string, tenantId: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": { S: `TENANT#${tenantId}#ORDER` } },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}
