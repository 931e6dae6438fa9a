// Which tenants hold an entity with a given id, through the KEYS_ONLY owner index (GSI1). Used only after a
// miss in the caller's own partition, to log a cross-tenant attempt: it never returns data to a client.
// Every miss pays the same query, so a response's timing does not tell "exists elsewhere" from "absent".
import { readString, S } from "./attribute-values.js";
import type { DynamoDb } from "./dynamodb-client.js";
import { translateSdkError } from "./sdk-errors.js";
import { TABLE, type Entity } from "./table.js";

export class ResourceOwners {
  constructor(
    private readonly client: DynamoDb,
    private readonly tableName: string,
  ) {}

  async tenantsHolding(entity: Entity, id: string): Promise<string[]> {
    const output = await this.client
      .query({
        TableName: this.tableName,
        IndexName: TABLE.ownerIndex,
        KeyConditionExpression: "#pk = :pk",
        ExpressionAttributeNames: { "#pk": TABLE.ownerIndexPartitionKey },
        ExpressionAttributeValues: { ":pk": S(`${entity}#${id}`) },
        Limit: 10,
      })
      .catch(translateSdkError);
    const tenants: string[] = [];
    for (const item of output.Items ?? []) {
      const sk = readString(item, TABLE.ownerIndexSortKey);
      if (sk?.startsWith("TENANT#")) tenants.push(sk.slice("TENANT#".length));
    }
    return tenants;
  }
}
