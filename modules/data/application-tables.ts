import { Construct } from "constructs";
import { KeyValueTable } from "./key-value-table.js";

export interface ApplicationTablesProps {
  /** Prefix of the table names: `<name>-data`, `<name>-sessions`, `<name>-rate-limits`. */
  readonly name: string;
  /** Prefix of the Terraform names: `<prefix>__data`, ... */
  readonly addressPrefix: string;
  readonly pointInTimeRecovery: boolean;
  readonly deletionProtection: boolean;
  readonly kmsKeyArn?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The handlers' three tables: `data` (products and orders, with the GSI1 index that recognises cross-tenant
 * lookups), `sessions` (idempotency records, TTL) and `rate_limits` (fixed-window counters, TTL). Separate
 * tables keep short-lived, hot counter items out of the data table's partitions and let each IAM policy
 * name only the table it needs.
 */
export class ApplicationTables extends Construct {
  readonly data: KeyValueTable;
  readonly sessions: KeyValueTable;
  readonly rateLimits: KeyValueTable;

  constructor(scope: Construct, id: string, props: ApplicationTablesProps) {
    super(scope, id);
    const common = { pointInTimeRecovery: props.pointInTimeRecovery, deletionProtection: props.deletionProtection, kmsKeyArn: props.kmsKeyArn, tags: props.tags };
    this.data = new KeyValueTable(this, "data", { ...common, logicalId: `${props.addressPrefix}__data`, name: `${props.name}-data`, gsi1: true });
    this.sessions = new KeyValueTable(this, "sessions", { ...common, logicalId: `${props.addressPrefix}__sessions`, name: `${props.name}-sessions`, ttlAttribute: "expiresAt" });
    this.rateLimits = new KeyValueTable(this, "rate-limits", { ...common, logicalId: `${props.addressPrefix}__rate_limits`, name: `${props.name}-rate-limits`, ttlAttribute: "expiresAt" });
  }
}
