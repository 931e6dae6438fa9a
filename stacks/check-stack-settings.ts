import validateStackTarget from "../schema/validate-stack-target.mjs";
import { checkAgainstSchema, withoutNulls } from "../modules/api-gateway/validation/schema-check.js";
import type { ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import { checkLintSettings } from "../modules/lint/check-lint-settings.js";
import { checkEncryptionKey } from "./encryption-key.js";
import type { StackSettings } from "./environment-config.js";

/**
 * Checks the stack settings of a tenant environment config: where it deploys (tenant, environment, region,
 * account, backend) against the validator generated from the StackTarget type, then the linter's suppressions
 * and the stack's KMS key; returns them typed, or problems. `application` is checked by checkApplicationConfig
 * and `waf` by checkWafSettings, which also need the module inputs.
 */
export function checkStackSettings(raw: Record<string, unknown>): { settings?: StackSettings; problems: ConfigProblem[] } {
  const target = { tenant: raw.tenant, environment: raw.environment, region: raw.region, account_id: raw.account_id, backend: raw.backend };
  const given = Object.fromEntries(Object.entries(target).filter(([, value]) => value !== undefined));
  const problems = [...checkAgainstSchema(given, validateStackTarget), ...checkLintSettings(raw.lint), ...checkEncryptionKey(raw.kms_key_arn)];
  // As in module inputs, a setting written as null is unset (the schema allows null where a setting is optional).
  const present = withoutNulls(given) as Record<string, unknown>;
  if (problems.length > 0) return { problems };
  const { backend: _backend, ...rest } = raw;
  return { settings: { ...rest, ...(present as object) } as unknown as StackSettings, problems };
}
