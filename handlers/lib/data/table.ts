// The single table's layout. The Terraform side creates exactly this (see handlers/README.md):
//   hash key PK (S), range key SK (S); GSI "GSI1" on GSI1PK (S) / GSI1SK (S), projection KEYS_ONLY;
//   TTL on `expiresAt` (epoch seconds; idempotency records and rate-limit counters only).
// Partition keys follow the catalog/orders API contract: `TENANT#<tenantId>#<ENTITY>`; sort keys `<ENTITY>#<id>`.
import { isTenantId } from "../tenant/tenant-id.js";

export const TABLE = {
  partitionKey: "PK",
  sortKey: "SK",
  ownerIndex: "GSI1",
  ownerIndexPartitionKey: "GSI1PK",
  ownerIndexSortKey: "GSI1SK",
  ttlAttribute: "expiresAt",
} as const;

export type Entity = "PRODUCT" | "ORDER";

/** `TENANT#<tenantId>#<kind>`; refuses a malformed tenant id so no key can ever be built from one. */
export function tenantPartition(tenantId: string, kind: Entity | "IDEMPOTENCY" | "RATELIMIT"): string {
  if (!isTenantId(tenantId)) throw new Error("refusing to build a key from a malformed tenant id");
  return `TENANT#${tenantId}#${kind}`;
}

export function entitySortKey(entity: Entity, id: string): string {
  return `${entity}#${id}`;
}

/** Owner index entry: `GSI1PK = <ENTITY>#<id>`, `GSI1SK = TENANT#<tenantId>`. */
export function ownerIndexKeys(entity: Entity, id: string, tenantId: string): { pk: string; sk: string } {
  return { pk: `${entity}#${id}`, sk: `TENANT#${tenantId}` };
}
