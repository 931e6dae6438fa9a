import { resourcesOf } from "../terraform-json.js";
import type { LintRule, RuleHit, LintSubject } from "../types.js";

/** A function's resource-based policy holds at most 20 KB. */
export const LAMBDA_POLICY_BYTES = 20_480;
/**
 * What one API Gateway invoke statement takes in that policy: the fixed JSON (effect, principal, action,
 * condition) of about 200 bytes, the statement id, and the function and source ARNs once resolved (about 90 and
 * 70 bytes in a commercial region).
 */
function statementBytes(statementId: string): number {
  return 200 + statementId.length + 90 + 70;
}

function apiPathByStatement({ model }: LintSubject): Map<string, string> {
  const paths = new Map<string, string>();
  for (const api of model.restApis) for (const p of api.lambdaPermissions) paths.set(p.statementId, `rest_apis.${api.key}`);
  for (const api of model.httpApis) for (const p of api.lambdaPermissions) paths.set(p.statementId, `http_apis.${api.key}`);
  return paths;
}

export const lambdaPolicySize: LintRule = {
  id: "APIGW-LAMBDA-POLICY-SIZE",
  severity: "error",
  title: "A function's invoke permissions fit in its 20 KB resource policy",
  fix: "let fewer APIs invoke the function (one permission per API covers all its routes), or split the function",
  checkov: [],
  trivy: [],
  check: (subject) => {
    const byFunction = new Map<string, { bytes: number; count: number; statements: string[] }>();
    for (const [, permission] of resourcesOf(subject.stack, "aws_lambda_permission")) {
      const fn = String(permission.function_name);
      const statementId = String(permission.statement_id ?? "");
      const entry = byFunction.get(fn) ?? { bytes: 0, count: 0, statements: [] };
      entry.bytes += statementBytes(statementId);
      entry.count += 1;
      entry.statements.push(statementId);
      byFunction.set(fn, entry);
    }
    const paths = apiPathByStatement(subject);
    const hits: RuleHit[] = [];
    for (const [fn, entry] of [...byFunction].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (entry.bytes <= LAMBDA_POLICY_BYTES) continue;
      const path = entry.statements.map((s) => paths.get(s)).find((p) => p !== undefined) ?? "application";
      hits.push({ path, message: `${entry.count} invoke permissions on ${fn} need about ${entry.bytes} bytes of its ${LAMBDA_POLICY_BYTES}-byte policy` });
    }
    return hits;
  },
};
