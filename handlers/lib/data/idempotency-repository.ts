// Idempotency records: PK `TENANT#<tenantId>#IDEMPOTENCY`, SK `KEY#<sha256(sub, Idempotency-Key)>`, TTL on
// `expiresAt`. A record is claimed with a conditional put (exactly one concurrent request wins), completed
// or released only by the holder of its claim token, and taken over only once its lock has expired.
// Records past `expiresAt` are treated as absent (DynamoDB deletes expired items lazily).
import { N, readNumber, readString, S } from "./attribute-values.js";
import type { UpdateItemCommandInput } from "@aws-sdk/client-dynamodb";
import type { DynamoDb } from "./dynamodb-client.js";
import { isConditionalCheckFailed, translateSdkError } from "./sdk-errors.js";
import { TABLE, tenantPartition } from "./table.js";

export type IdempotencyStatus = "IN_PROGRESS" | "COMPLETED";

export interface IdempotencyRecord {
  readonly status: IdempotencyStatus;
  readonly requestHash: string;
  readonly orderId: string;
  readonly claimToken: string;
  readonly lockExpiresAtMs: number;
}

export interface ClaimRequest {
  readonly tenantId: string;
  readonly recordKey: string;
  readonly requestHash: string;
  readonly orderId: string;
  readonly claimToken: string;
  readonly nowMs: number;
  readonly lockMs: number;
  readonly ttlSeconds: number;
}

export class IdempotencyRepository {
  constructor(
    private readonly client: DynamoDb,
    private readonly tableName: string,
  ) {}

  /** True when this request now holds the key; false when a live record already exists. */
  async claim(request: ClaimRequest): Promise<boolean> {
    const nowSeconds = Math.floor(request.nowMs / 1000);
    try {
      await this.client.putItem({
        TableName: this.tableName,
        Item: {
          ...this.key(request.tenantId, request.recordKey),
          entityType: S("IDEMPOTENCY"),
          status: S("IN_PROGRESS"),
          requestHash: S(request.requestHash),
          orderId: S(request.orderId),
          claimToken: S(request.claimToken),
          lockExpiresAtMs: N(request.nowMs + request.lockMs),
          [TABLE.ttlAttribute]: N(nowSeconds + request.ttlSeconds),
        },
        ConditionExpression: "attribute_not_exists(#pk) OR #ttl < :now",
        ExpressionAttributeNames: { "#pk": TABLE.partitionKey, "#ttl": TABLE.ttlAttribute },
        ExpressionAttributeValues: { ":now": N(nowSeconds) },
      });
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      return translateSdkError(error);
    }
  }

  async get(tenantId: string, recordKey: string, nowMs: number): Promise<IdempotencyRecord | undefined> {
    const output = await this.client
      .getItem({ TableName: this.tableName, Key: this.key(tenantId, recordKey), ConsistentRead: true })
      .catch(translateSdkError);
    const item = output.Item;
    if (item === undefined) return undefined;
    const expiresAt = readNumber(item, TABLE.ttlAttribute);
    if (expiresAt !== undefined && expiresAt < Math.floor(nowMs / 1000)) return undefined;
    const status = readString(item, "status");
    const requestHash = readString(item, "requestHash");
    const orderId = readString(item, "orderId");
    const claimToken = readString(item, "claimToken");
    const lockExpiresAtMs = readNumber(item, "lockExpiresAtMs");
    if ((status !== "IN_PROGRESS" && status !== "COMPLETED") || requestHash === undefined || orderId === undefined) return undefined;
    return { status, requestHash, orderId, claimToken: claimToken ?? "", lockExpiresAtMs: lockExpiresAtMs ?? 0 };
  }

  /** Takes over an abandoned claim (its lock expired). False when someone else moved first. */
  async takeOver(tenantId: string, recordKey: string, previousToken: string, claimToken: string, nowMs: number, lockMs: number): Promise<boolean> {
    return this.conditionalUpdate(tenantId, recordKey, {
      UpdateExpression: "SET claimToken = :token, lockExpiresAtMs = :lock",
      ConditionExpression: "claimToken = :previous AND #status = :inProgress AND lockExpiresAtMs <= :nowMs",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: {
        ":token": S(claimToken),
        ":lock": N(nowMs + lockMs),
        ":previous": S(previousToken),
        ":inProgress": S("IN_PROGRESS"),
        ":nowMs": N(nowMs),
      },
    });
  }

  /** Marks the record completed; a no-op (false) if the claim was lost. Never creates an item. */
  async complete(tenantId: string, recordKey: string, claimToken: string): Promise<boolean> {
    return this.conditionalUpdate(tenantId, recordKey, {
      UpdateExpression: "SET #status = :completed",
      ConditionExpression: "claimToken = :token",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":completed": S("COMPLETED"), ":token": S(claimToken) },
    });
  }

  /** Drops an unfinished claim whose request failed, so a retry runs again; only the claim holder can. */
  async release(tenantId: string, recordKey: string, claimToken: string): Promise<void> {
    try {
      await this.client.deleteItem({
        TableName: this.tableName,
        Key: this.key(tenantId, recordKey),
        ConditionExpression: "claimToken = :token AND #status = :inProgress",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":token": S(claimToken), ":inProgress": S("IN_PROGRESS") },
      });
    } catch (error) {
      if (!isConditionalCheckFailed(error)) translateSdkError(error);
    }
  }

  private async conditionalUpdate(
    tenantId: string,
    recordKey: string,
    update: Pick<
      UpdateItemCommandInput,
      "UpdateExpression" | "ConditionExpression" | "ExpressionAttributeNames" | "ExpressionAttributeValues"
    >,
  ): Promise<boolean> {
    try {
      await this.client.updateItem({
        TableName: this.tableName,
        Key: this.key(tenantId, recordKey),
        UpdateExpression: update.UpdateExpression,
        ConditionExpression: update.ConditionExpression,
        ExpressionAttributeNames: update.ExpressionAttributeNames,
        ExpressionAttributeValues: update.ExpressionAttributeValues,
      });
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      return translateSdkError(error);
    }
  }

  private key(tenantId: string, recordKey: string) {
    return { [TABLE.partitionKey]: S(tenantPartition(tenantId, "IDEMPOTENCY")), [TABLE.sortKey]: S(`KEY#${recordKey}`) };
  }
}
