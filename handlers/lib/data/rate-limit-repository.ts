// Fixed-window counters: PK `TENANT#<tenantId>#RATELIMIT`, SK `WINDOW#<windowStartMs>` or
// `QUOTA#<yyyy-mm>`, attribute `count`, TTL on `expiresAt`. The window is part of the key, so an expired
// window is never read again (a new window is a new item) and TTL only sweeps the old ones away.
import { N, S } from "./attribute-values.js";
import type { DynamoDb } from "./dynamodb-client.js";
import { isConditionalCheckFailed, translateSdkError } from "./sdk-errors.js";
import { TABLE, tenantPartition } from "./table.js";

export class RateLimitRepository {
  constructor(
    private readonly client: DynamoDb,
    private readonly tableName: string,
  ) {}

  /**
   * Counts one request in the counter `sortKey` unless it already reached `limit`: one conditional update,
   * atomic under any concurrency. True when counted (allowed), false when the limit was reached.
   */
  async tryIncrement(tenantId: string, sortKey: string, limit: number, expiresAtSeconds: number): Promise<boolean> {
    try {
      await this.client.updateItem({
        TableName: this.tableName,
        Key: { [TABLE.partitionKey]: S(tenantPartition(tenantId, "RATELIMIT")), [TABLE.sortKey]: S(sortKey) },
        UpdateExpression: "SET #ttl = if_not_exists(#ttl, :ttl) ADD #count :one",
        ConditionExpression: "attribute_not_exists(#count) OR #count < :limit",
        ExpressionAttributeNames: { "#count": "count", "#ttl": TABLE.ttlAttribute },
        ExpressionAttributeValues: { ":one": N(1), ":limit": N(limit), ":ttl": N(expiresAtSeconds) },
      });
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      return translateSdkError(error);
    }
  }
}
