import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table/index.js";
import { Construct } from "constructs";
import { tagsArgument } from "../api-gateway/common/tags.js";

export interface KeyValueTableProps {
  readonly logicalId: string;
  readonly name: string;
  /** A sparse `GSI1` index on `GSI1PK`/`GSI1SK`, keys only. */
  readonly gsi1?: boolean;
  /** Attribute DynamoDB expires items by (epoch seconds). */
  readonly ttlAttribute?: string;
  readonly pointInTimeRecovery: boolean;
  readonly deletionProtection: boolean;
  /** Customer-managed key; else the AWS-managed key aws/dynamodb. */
  readonly kmsKeyArn?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An on-demand table keyed by string `PK` and `SK`, as the handlers' single-table layout expects, encrypted
 * with KMS, with point-in-time recovery and TTL where asked.
 */
export class KeyValueTable extends Construct {
  readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: KeyValueTableProps) {
    super(scope, id);
    const attributes = ["PK", "SK", ...(props.gsi1 ? ["GSI1PK", "GSI1SK"] : [])].map((name) => ({ name, type: "S" }));
    this.table = new DynamodbTable(this, "table", {
      name: props.name,
      billingMode: "PAY_PER_REQUEST",
      hashKey: "PK",
      rangeKey: "SK",
      attribute: attributes,
      globalSecondaryIndex: props.gsi1 ? [{ name: "GSI1", hashKey: "GSI1PK", rangeKey: "GSI1SK", projectionType: "KEYS_ONLY" }] : undefined,
      ttl: props.ttlAttribute ? { attributeName: props.ttlAttribute, enabled: true } : undefined,
      pointInTimeRecovery: { enabled: props.pointInTimeRecovery },
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      deletionProtectionEnabled: props.deletionProtection,
      tags: tagsArgument({ ...props.tags }),
    });
    this.table.overrideLogicalId(props.logicalId);
  }
}
