import type { ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import { quote } from "../modules/api-gateway/validation/problems.js";

const KMS_KEY_ARN = /^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/**
 * `kms_key_arn`, one setting for every customer-managed encryption of a tenant environment: it is the default of
 * `log_kms_key_id` (stage, function and WAF log groups) and of `application.tables.kms_key_arn`. A more specific
 * setting wins.
 */
export function withEncryptionKey(record: Record<string, unknown>): Record<string, unknown> {
  const key = record.kms_key_arn;
  if (typeof key !== "string" || !KMS_KEY_ARN.test(key)) return record;
  const out: Record<string, unknown> = { ...record, log_kms_key_id: record.log_kms_key_id ?? key };
  const app = record.application;
  if (app !== null && typeof app === "object" && !Array.isArray(app)) {
    const tables = (app as { tables?: unknown }).tables;
    const tableSettings = tables !== null && typeof tables === "object" && !Array.isArray(tables) ? (tables as Record<string, unknown>) : {};
    if (tables === undefined || tableSettings === tables) out.application = { ...app, tables: { ...tableSettings, kms_key_arn: tableSettings.kms_key_arn ?? key } };
  }
  return out;
}

export function checkEncryptionKey(raw: unknown): ConfigProblem[] {
  if (raw === undefined || (typeof raw === "string" && KMS_KEY_ARN.test(raw))) return [];
  return [{ path: "kms_key_arn", message: `${quote(raw)} is not a KMS key ARN`, fix: "use arn:aws:kms:<region>:<account>:key/<key id>" }];
}
