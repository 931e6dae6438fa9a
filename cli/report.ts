import { formatProblem, type ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import type { FileReport } from "../stacks/check-config-files.js";
import type { StackFolderNotice } from "../stacks/stack-folders.js";
import { fixInSyntaxOf } from "./fix-syntax.js";

/** Where a command writes; tests pass their own. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** One problem for `--json`: where it is (file and config path), what is wrong, how to fix it. */
export interface JsonProblem {
  readonly file: string | null;
  readonly path: string;
  readonly message: string;
  readonly fix: string | null;
  readonly severity: "error" | "warning";
}

export function jsonProblems(files: readonly FileReport[], general: readonly ConfigProblem[]): JsonProblem[] {
  const entry = (file: string | null, severity: JsonProblem["severity"]) => (p: ConfigProblem): JsonProblem => ({
    file,
    path: p.path,
    message: p.message,
    fix: p.fix === undefined ? null : fixInSyntaxOf(file, p.fix),
    severity,
  });
  return [
    ...files.flatMap((f) => [...f.problems.map(entry(f.file, "error")), ...f.warnings.map(entry(f.file, "warning"))]),
    ...general.map(entry(null, "error")),
  ];
}

/**
 * Problems as the lines users read: one per problem, starting with its config path; warnings say so after the
 * path. With several files, each file's lines follow a `# <file>` line.
 */
export function printProblems(output: Output, files: readonly FileReport[], general: readonly ConfigProblem[], options: { quiet?: boolean } = {}): void {
  const many = files.length > 1;
  for (const report of files) {
    const inSyntax = (p: ConfigProblem): ConfigProblem => (p.fix === undefined ? p : { ...p, fix: fixInSyntaxOf(report.file, p.fix) });
    const warnings = options.quiet ? [] : report.warnings.map((w) => formatProblem(inSyntax({ ...w, message: `warning: ${w.message}` })));
    const lines = [...warnings, ...report.problems.map((p) => formatProblem(inSyntax(p)))];
    if (lines.length > 0 && many) output.err(`# ${report.file}`);
    for (const line of lines) output.err(line);
  }
  for (const problem of general) output.err(formatProblem(problem));
}

/** Stack folder removals go to stdout, kept folders and state notices to stderr. */
export function printNotices(output: Output, notices: readonly StackFolderNotice[], options: { quiet?: boolean } = {}): void {
  for (const notice of notices) {
    if (notice.kind === "removed") {
      if (!options.quiet) output.out(notice.message);
    } else output.err(notice.message);
  }
}

export function seconds(startedAt: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - startedAt) / 1e7) / 100;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
