// DynamoDB for the local run: dynalite on 127.0.0.1, one table per aws_dynamodb_table of the stack (keys,
// attributes and indexes as synthesized), and the catalog fixture written into the tables that have the
// handlers' data-table layout.
import { CreateTableCommand, DynamoDBClient, PutItemCommand, type AttributeValue, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import dynalite from "dynalite";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { entitySortKey, ownerIndexKeys, TABLE, tenantPartition } from "../../handlers/lib/data/table.js";
import { blocks, text } from "../model/fields.js";
import { packageFile } from "../package-files.js";
import type { StackResources } from "../stack/stack-resources.js";

export interface LocalDynamo {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  /** Table names by address (`aws_dynamodb_table.app__data`). */
  readonly tables: ReadonlyMap<string, string>;
  close(): Promise<void>;
}


/** A client of the local DynamoDB at `endpoint` (any credentials do). */
export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
}

export async function startDynamo(): Promise<{ endpoint: string; client: DynamoDBClient; close(): Promise<void> }> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = localDynamoClient(endpoint);
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function keySchema(hash: string, range: string | undefined) {
  return [{ AttributeName: hash, KeyType: "HASH" as const }, ...(range ? [{ AttributeName: range, KeyType: "RANGE" as const }] : [])];
}

function projection(index: Record<string, any>) {
  return { ProjectionType: index.projection_type ?? "ALL", ...(Array.isArray(index.non_key_attributes) ? { NonKeyAttributes: index.non_key_attributes } : {}) };
}

export function createTableInput(stack: StackResources, body: Record<string, any>): CreateTableCommandInput {
  const provisioned = body.billing_mode === "PROVISIONED";
  const throughput = provisioned ? { ProvisionedThroughput: { ReadCapacityUnits: body.read_capacity ?? 1, WriteCapacityUnits: body.write_capacity ?? 1 } } : {};
  const gsis = blocks(body.global_secondary_index);
  const lsis = blocks(body.local_secondary_index);
  return {
    TableName: text(stack, body.name),
    BillingMode: provisioned ? "PROVISIONED" : "PAY_PER_REQUEST",
    ...throughput,
    AttributeDefinitions: blocks(body.attribute).map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    KeySchema: keySchema(body.hash_key, body.range_key),
    ...(gsis.length > 0
      ? { GlobalSecondaryIndexes: gsis.map((g) => ({ IndexName: g.name, KeySchema: keySchema(g.hash_key, g.range_key), Projection: projection(g), ...(provisioned ? { ProvisionedThroughput: { ReadCapacityUnits: g.read_capacity ?? 1, WriteCapacityUnits: g.write_capacity ?? 1 } } : {}) })) }
      : {}),
    ...(lsis.length > 0 ? { LocalSecondaryIndexes: lsis.map((l) => ({ IndexName: l.name, KeySchema: keySchema(body.hash_key, l.range_key), Projection: projection(l) })) } : {}),
  };
}

interface FixtureProduct {
  productId: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  category: string;
  inStock: boolean;
}

/** A product item as the tenant's catalog tooling writes it, keyed by the handlers' table layout. */
export function productItem(tenantId: string, product: FixtureProduct): Record<string, AttributeValue> {
  const owner = ownerIndexKeys("PRODUCT", product.productId, tenantId);
  return {
    [TABLE.partitionKey]: { S: tenantPartition(tenantId, "PRODUCT") },
    [TABLE.sortKey]: { S: entitySortKey("PRODUCT", product.productId) },
    [TABLE.ownerIndexPartitionKey]: { S: owner.pk },
    [TABLE.ownerIndexSortKey]: { S: owner.sk },
    entityType: { S: "PRODUCT" },
    productId: { S: product.productId },
    name: { S: product.name },
    description: { S: product.description },
    price: { N: String(product.price) },
    currency: { S: product.currency },
    category: { S: product.category },
    inStock: { BOOL: product.inStock },
    createdAt: { S: "2026-01-01T00:00:00Z" },
    updatedAt: { S: "2026-01-01T00:00:00Z" },
  };
}

function isDataTable(body: Record<string, any>): boolean {
  return body.hash_key === TABLE.partitionKey && body.range_key === TABLE.sortKey && blocks(body.global_secondary_index).some((g) => g.name === TABLE.ownerIndex);
}

export async function startStackDynamo(stack: StackResources, fixtureFile: string = packageFile("local/fixtures/catalog.json")): Promise<LocalDynamo> {
  const dynamo = await startDynamo();
  const tables = new Map<string, string>();
  const fixture = JSON.parse(readFileSync(fixtureFile, "utf8")) as { tenants: Record<string, FixtureProduct[]> };
  try {
    for (const [name, body] of stack.all("aws_dynamodb_table")) {
      const input = createTableInput(stack, body);
      await dynamo.client.send(new CreateTableCommand(input));
      tables.set(`aws_dynamodb_table.${name}`, input.TableName!);
      if (!isDataTable(body)) continue;
      for (const [tenant, products] of Object.entries(fixture.tenants)) {
        for (const product of products) await dynamo.client.send(new PutItemCommand({ TableName: input.TableName, Item: productItem(tenant, product) }));
      }
    }
  } catch (error) {
    await dynamo.close();
    throw error;
  }
  return { ...dynamo, tables };
}
