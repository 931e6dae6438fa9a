import type { LambdaPermissionModel } from "../model.js";
import type { LambdaFunctionRef } from "./lambda-arn.js";
import { terraformSafe } from "./addresses.js";

/**
 * One permission per distinct function ARN an API invokes, keyed by the function name (and qualifier), with
 * region and account added only where two functions share a name. Sorted by key for stable output.
 */
export function lambdaPermissionsFor(functions: readonly LambdaFunctionRef[], statementPrefix: string): LambdaPermissionModel[] {
  const byArn = new Map<string, LambdaFunctionRef>();
  for (const fn of functions) byArn.set(fn.arn, fn);
  const unique = [...byArn.values()];
  const baseKey = (fn: LambdaFunctionRef) => terraformSafe(fn.qualifier ? `${fn.functionName}_${fn.qualifier}` : fn.functionName);
  const counts = new Map<string, number>();
  for (const fn of unique) counts.set(baseKey(fn), (counts.get(baseKey(fn)) ?? 0) + 1);
  return unique
    .map((fn) => {
      const key = counts.get(baseKey(fn))! > 1 ? `${baseKey(fn)}_${terraformSafe(fn.region)}_${fn.accountId}` : baseKey(fn);
      return { key, fn, statementId: statementIdOf(`${statementPrefix}-${key}`) };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Lambda statement ids: letters, digits, `-` and `_`, at most 100 characters. */
function statementIdOf(raw: string): string {
  return raw.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 100);
}
