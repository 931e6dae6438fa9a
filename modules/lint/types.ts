import type { ModuleModel } from "../api-gateway/model.js";

/** A synthesized stack's Terraform JSON, as far as the rules read it. */
export interface TerraformJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
}

/** What every rule looks at: the validated config (for config paths) and the Terraform JSON it became. */
export interface LintSubject {
  readonly model: ModuleModel;
  readonly stack: TerraformJson;
  /** Lower-case name of the header that carries the tenant. */
  readonly tenantHeader: string;
}

export type LintSeverity = "error" | "warning";

/** One place a rule fires: the config path to change, and what is wrong there. */
export interface RuleHit {
  readonly path: string;
  readonly message: string;
}

/** A policy rule: a stable id, a severity, a one-line fix, and the equivalent checkov and trivy ids where they exist. */
export interface LintRule {
  /** Stable id, `APIGW-...`; suppressions name it. */
  readonly id: string;
  readonly severity: LintSeverity;
  /** What the rule asks for, one line. */
  readonly title: string;
  /** How to fix a finding, one line, in config terms. */
  readonly fix: string;
  /** Equivalent checkov check ids; empty when checkov has none. */
  readonly checkov: readonly string[];
  /** Equivalent trivy (AVD) ids; empty when trivy has none. */
  readonly trivy: readonly string[];
  check(subject: LintSubject): RuleHit[];
}

/** A rule's hit with the rule's facts, after suppressions are applied. */
export interface LintFinding {
  readonly rule: string;
  readonly severity: LintSeverity;
  readonly path: string;
  readonly message: string;
  readonly fix: string;
  /** The suppression's reason when the finding is kept on purpose. */
  readonly suppressed?: string;
}
