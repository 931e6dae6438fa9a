import { readFileSync } from "node:fs";
import type { ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import { findingProblem, lintStack, unusedSuppressions } from "../modules/lint/run-lint.js";
import type { LintFinding, TerraformJson } from "../modules/lint/types.js";
import { wafStageKeys, withWebAcl } from "../modules/security/waf-stages.js";
import type { StackConfig } from "./load-stack-configs.js";

/** The policy rules over one written stack: its findings (suppressed ones with their reason). */
export function lintWrittenStack(config: StackConfig, cdkTfJsonPath: string): LintFinding[] {
  const stack = JSON.parse(readFileSync(cdkTfJsonPath, "utf8")) as TerraformJson;
  // The model as deployed: the stack's own web ACL on the stages it protects.
  const model = config.module.model;
  const waf = config.settings?.waf;
  return lintStack(waf ? withWebAcl(model, wafStageKeys(waf, model), "the stack's web ACL") : model, stack, config.settings?.lint);
}

/** What synth reports of the findings: every one not suppressed, and suppressions that match nothing, as warnings. */
export function lintWarnings(config: StackConfig, findings: readonly LintFinding[]): ConfigProblem[] {
  return [...findings.filter((f) => f.suppressed === undefined).map(findingProblem), ...unusedSuppressions(findings, config.settings?.lint)];
}
