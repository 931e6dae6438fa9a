// A tenant's rate-limit counters for one calendar month, in one item: PK `TENANT#<tenantId>#RATELIMIT`, SK
// `QUOTA#<yyyy-mm>`; `count` (requests this month), `windowStart` (ms) and `windowCount` (requests in that
// fixed window), TTL on `expiresAt`. Both limits are checked and both counters moved by one conditional
// update, atomic under any concurrency: a request the window refuses does not count against the month.
// A new window replaces the old one in the same item, so nothing accumulates.
import { N, readNumber, S, type Item } from "./attribute-values.js";
import type { DynamoDb } from "./dynamodb-client.js";
import { isConditionalCheckFailed, translateSdkError } from "./sdk-errors.js";
import { TABLE, tenantPartition } from "./table.js";

/** The counters as stored; `windowStartMs` is undefined before the month's first request. */
export interface MonthCounters {
  readonly count: number;
  readonly windowStartMs: number | undefined;
  readonly windowCount: number;
}

/** Counted, or refused with the counters that refused it when DynamoDB returned them (dynalite does not). */
export type CountOutcome = { readonly counted: true } | { readonly counted: false; readonly counters: MonthCounters | undefined };

export interface MonthCounter {
  readonly tenantId: string;
  /** `yyyy-mm` */
  readonly month: string;
  readonly monthlyQuota: number;
  readonly expiresAtSeconds: number;
}

const NAMES = { "#count": "count", "#start": "windowStart", "#inWindow": "windowCount" } as const;

export class RateLimitRepository {
  constructor(
    private readonly client: DynamoDb,
    private readonly tableName: string,
  ) {}

  /** Counts one request in window `windowStartMs` if it is the open window, has room and so has the month. */
  countInWindow(counter: MonthCounter, windowStartMs: number, burst: number): Promise<CountOutcome> {
    return this.update(counter, {
      UpdateExpression: "ADD #count :one, #inWindow :one",
      ConditionExpression: "#start = :start AND #inWindow < :burst AND #count < :quota",
      ExpressionAttributeNames: NAMES,
      ExpressionAttributeValues: { ":one": N(1), ":start": N(windowStartMs), ":burst": N(burst), ":quota": N(counter.monthlyQuota) },
    });
  }

  /** Opens window `windowStartMs` with this request as its first, if the open window is older and the month has room. */
  openWindow(counter: MonthCounter, windowStartMs: number): Promise<CountOutcome> {
    return this.update(counter, {
      UpdateExpression: "SET #start = :start, #inWindow = :one, #ttl = if_not_exists(#ttl, :ttl) ADD #count :one",
      ConditionExpression: "(attribute_not_exists(#start) OR #start < :start) AND (attribute_not_exists(#count) OR #count < :quota)",
      ExpressionAttributeNames: { ...NAMES, "#ttl": TABLE.ttlAttribute },
      ExpressionAttributeValues: { ":one": N(1), ":start": N(windowStartMs), ":quota": N(counter.monthlyQuota), ":ttl": N(counter.expiresAtSeconds) },
    });
  }

  /** The counters now (a strongly consistent read). */
  async read(counter: MonthCounter): Promise<MonthCounters> {
    const output = await this.client.getItem({ TableName: this.tableName, Key: this.key(counter), ConsistentRead: true }).catch(translateSdkError);
    return countersOf(output.Item);
  }

  private async update(
    counter: MonthCounter,
    update: { UpdateExpression: string; ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Item },
  ): Promise<CountOutcome> {
    try {
      await this.client.updateItem({ TableName: this.tableName, Key: this.key(counter), ReturnValuesOnConditionCheckFailure: "ALL_OLD", ...update });
      return { counted: true };
    } catch (error) {
      if (isConditionalCheckFailed(error)) {
        const item = (error as { Item?: Item }).Item;
        return { counted: false, counters: item === undefined ? undefined : countersOf(item) };
      }
      return translateSdkError(error);
    }
  }

  private key(counter: MonthCounter): Item {
    return { [TABLE.partitionKey]: S(tenantPartition(counter.tenantId, "RATELIMIT")), [TABLE.sortKey]: S(`QUOTA#${counter.month}`) };
  }
}

function countersOf(item: Item | undefined): MonthCounters {
  return {
    count: (item && readNumber(item, NAMES["#count"])) ?? 0,
    windowStartMs: item && readNumber(item, NAMES["#start"]),
    windowCount: (item && readNumber(item, NAMES["#inWindow"])) ?? 0,
  };
}
