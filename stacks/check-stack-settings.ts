import validateStackTarget from "../schema/validate-stack-target.mjs";
import { checkAgainstSchema, withoutNulls } from "../modules/api-gateway/validation/schema-check.js";
import type { ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import type { StackSettings } from "./environment-config.js";

/**
 * Checks the stack settings of a tenant environment config (tenant, environment, region, backend) against the
 * validator generated from the StackTarget type; returns them typed, or problems. `application` is checked by
 * checkApplicationConfig, which also needs the module inputs.
 */
export function checkStackSettings(raw: Record<string, unknown>): { settings?: StackSettings; problems: ConfigProblem[] } {
  const target = { tenant: raw.tenant, environment: raw.environment, region: raw.region, account_id: raw.account_id, backend: raw.backend };
  const given = Object.fromEntries(Object.entries(target).filter(([, value]) => value !== undefined));
  const problems = checkAgainstSchema(given, validateStackTarget);
  // As in module inputs, a setting written as null is unset (the schema allows null where a setting is optional).
  const present = withoutNulls(given) as Record<string, unknown>;
  if (problems.length > 0) return { problems };
  const { backend: _backend, ...rest } = raw;
  return { settings: { ...rest, ...(present as object) } as unknown as StackSettings, problems };
}
