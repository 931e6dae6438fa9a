import { canonicalJson } from "../common/content-hash.js";
import { isToken } from "../common/lambda-arn.js";
import type { ProblemCollector } from "../validation/problems.js";

/**
 * A JSON document the user gives as text (`jsonencode()` in a tfvars file) or as an object (a `.ts` config):
 * checked, and written as canonical JSON (keys sorted) so that the same document always gives the same bytes.
 * Text that is not JSON but holds a CDKTF token (`${...}`) is passed through: Terraform resolves it.
 */
export function jsonDocumentOf(value: string | Record<string, unknown>, path: string, problems: ProblemCollector, what: string): string | undefined {
  if (typeof value !== "string") return canonicalJson(value);
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      problems.error(path, `is not a JSON object`, `give the ${what} as an object (jsonencode({...}))`);
      return undefined;
    }
    return canonicalJson(parsed);
  } catch (error) {
    if (isToken(value)) return value;
    problems.error(path, `is not valid JSON (${(error as Error).message})`, `give the ${what} as jsonencode({...}) or an object`);
    return undefined;
  }
}
