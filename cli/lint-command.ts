import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { formatProblem } from "../modules/api-gateway/validation/problems.js";
import { LINT_RULES } from "../modules/lint/registry.js";
import { failingFindings } from "../modules/lint/run-lint.js";
import type { LintFinding } from "../modules/lint/types.js";
import { synthApp } from "../stacks/synth-app.js";
import { COMMON_OPTIONS, parseCommandArgs } from "./args.js";
import { LINT_HELP } from "./help.js";
import { packageSourceEntry } from "./package-info.js";
import { jsonProblems, plural, printProblems, processOutput, seconds, type Output } from "./report.js";

function ruleLines(): string[] {
  return LINT_RULES.map((r) => `${r.id}  ${r.severity}  checkov: ${r.checkov.join(",") || "none"}  trivy: ${r.trivy.join(",") || "none"}  ${r.title}; fix: ${r.fix}`);
}

function findingLine(f: LintFinding, failing: boolean): string {
  const label = f.suppressed !== undefined ? `suppressed (${f.suppressed})` : failing ? f.severity === "error" ? "error" : "error (strict)" : "warning";
  return formatProblem({ path: f.path, message: `${label}: [${f.rule}] ${f.message}`, fix: f.fix });
}

/** `cdktf-apigateway lint [--config <file>]... [--strict] [--rules] [--quiet] [--json]` */
export async function lintCommand(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs("lint", argv, {
    ...COMMON_OPTIONS,
    config: { type: "string", short: "c", multiple: true },
    strict: { type: "boolean" },
    rules: { type: "boolean" },
  });
  if (values.help) {
    output.out(LINT_HELP);
    return 0;
  }
  if (values.rules) {
    if (values.json) output.out(JSON.stringify(LINT_RULES.map(({ check: _check, ...facts }) => facts)));
    else for (const line of ruleLines()) output.out(line);
    return 0;
  }
  const started = process.hrtime.bigint();
  const configs = [...(values.config ?? []), ...positionals];
  const fromEnv = process.env.APIGW_CONFIG;
  const scratch = mkdtempSync(join(tmpdir(), "apigw-lint-"));
  try {
    const outcome = await synthApp({
      root: process.cwd(),
      configFiles: configs.length > 0 ? configs.map((c) => resolve(c)) : fromEnv ? [resolve(fromEnv)] : undefined,
      outdir: scratch,
      managedByCdktfCli: true,
      packageEntry: packageSourceEntry(),
    });
    const strict = values.strict ?? false;
    const findings = outcome.stacks.flatMap((s) => (s.findings ?? []).map((f) => ({ stack: s.name, file: s.file, ...f })));
    const failing = new Set(failingFindings(findings, strict));
    const ok = outcome.ok && failing.size === 0;
    const counts = `${plural(failing.size, "failing finding")}, ${plural(findings.filter((f) => f.suppressed === undefined).length - failing.size, "warning")}, ${findings.filter((f) => f.suppressed !== undefined).length} suppressed`;
    const summary = `lint: ${plural(outcome.stacks.length, "stack")}, ${counts} in ${seconds(started)} s`;
    if (values.json) {
      const configProblems = jsonProblems(outcome.files.map((f) => ({ ...f, warnings: [] })), outcome.general);
      output.out(JSON.stringify({ ok, strict, problems: configProblems, findings: findings.map((f) => ({ ...f, failing: failing.has(f) })), summary: { stacks: outcome.stacks.length, failing: failing.size, findings: findings.length, seconds: seconds(started) } }));
      return ok ? 0 : 1;
    }
    if (!outcome.ok) {
      printProblems(output, outcome.files, outcome.general, { quiet: values.quiet });
      return 1;
    }
    const many = outcome.stacks.length > 1;
    for (const stack of outcome.stacks) {
      const lines = findings.filter((f) => f.stack === stack.name && (failing.has(f) || !values.quiet)).map((f) => findingLine(f, failing.has(f)));
      if (lines.length > 0 && many) output.err(`# ${stack.file}`);
      for (const line of lines) output.err(line);
    }
    output.out(summary);
    return ok ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
