import { TerraformOutput } from "cdktf";
import type { IConstruct } from "constructs";
import type { LintSettings } from "./config.js";

/** The id `moduleOutput` gives the `security_summary` output. */
const SECURITY_SUMMARY_ID = "output-security_summary";

/** The config's suppressions as `security_summary.lint_suppressions`: rule, path (or `*`) and reason. */
export function listSuppressionsInSecuritySummary(module: IConstruct, settings: LintSettings | undefined): void {
  const output = module.node.findAll().find((c) => c.node.id === SECURITY_SUMMARY_ID && c instanceof TerraformOutput) as TerraformOutput | undefined;
  if (!output || !settings?.suppressions?.length) return;
  const suppressions = settings.suppressions.map((s) => ({ rule: s.rule, path: s.path ?? "*", reason: s.reason }));
  output.addOverride("value.lint_suppressions", suppressions);
}
