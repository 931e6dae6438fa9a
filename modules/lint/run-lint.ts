import type { ModuleModel } from "../api-gateway/model.js";
import type { ConfigProblem } from "../api-gateway/validation/problems.js";
import type { LintSettings, LintSuppression } from "./config.js";
import { LINT_RULES } from "./registry.js";
import type { LintFinding, LintRule, TerraformJson } from "./types.js";

export const DEFAULT_TENANT_HEADER = "Authorization";

function covers(suppression: LintSuppression, ruleId: string, path: string): boolean {
  if (suppression.rule !== ruleId) return false;
  const at = suppression.path;
  return at === undefined || path === at || path.startsWith(`${at}.`);
}

/** Every rule over one synthesized stack; a finding a suppression covers carries its reason. */
export function lintStack(model: ModuleModel, stack: TerraformJson, settings: LintSettings = {}, rules: readonly LintRule[] = LINT_RULES): LintFinding[] {
  const subject = { model, stack, tenantHeader: (settings.tenant_header ?? DEFAULT_TENANT_HEADER).toLowerCase() };
  const suppressions = settings.suppressions ?? [];
  return rules.flatMap((rule) =>
    rule.check(subject).map((hit): LintFinding => {
      const suppression = suppressions.find((s) => covers(s, rule.id, hit.path));
      return { rule: rule.id, severity: rule.severity, path: hit.path, message: hit.message, fix: rule.fix, ...(suppression ? { suppressed: suppression.reason } : {}) };
    }),
  );
}

/** Suppressions that silenced nothing: kept by mistake, or left over after a fix. */
export function unusedSuppressions(findings: readonly LintFinding[], settings: LintSettings = {}): ConfigProblem[] {
  return (settings.suppressions ?? []).flatMap((s, i) =>
    findings.some((f) => covers(s, f.rule, f.path))
      ? []
      : [{ path: `lint.suppressions.${i}`, message: `${s.rule}${s.path ? ` at ${s.path}` : ""} matches no finding`, fix: "remove the suppression" }],
  );
}

/** A finding as a config problem: `<path>: [<rule>] <message>; <fix>`. */
export function findingProblem(finding: LintFinding): ConfigProblem {
  return { path: finding.path, message: `[${finding.rule}] ${finding.message}`, fix: finding.fix };
}

/** Findings that fail `lint`: errors, and with `strict` warnings too; suppressed findings never do. */
export function failingFindings(findings: readonly LintFinding[], strict: boolean): LintFinding[] {
  return findings.filter((f) => f.suppressed === undefined && (strict || f.severity === "error"));
}
