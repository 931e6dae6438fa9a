/** One thing wrong (or worth a warning) in a config, at the config path of the offending value. */
export interface ConfigProblem {
  /** Dotted config path, e.g. `http_apis.api_v2.routes.get_users.authorizer_id`. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. @default - none */
  readonly fix?: string;
}

/** `path: message; fix`, the one line a user sees per problem. */
export function formatProblem(problem: ConfigProblem): string {
  const line = problem.fix ? `${problem.path}: ${problem.message}; ${problem.fix}` : `${problem.path}: ${problem.message}`;
  // A key may hold a newline or another control character (in the path, or listed in a did-you-mean); the line
  // shows it escaped, so that one problem stays one line.
  return line.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => ({ "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Thrown by the loader when a config has problems; carries all of them. */
export class ConfigValidationError extends Error {
  constructor(
    readonly problems: readonly ConfigProblem[],
    readonly source?: string,
    readonly warnings: readonly ConfigProblem[] = [],
  ) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "ConfigValidationError";
  }
}

/** Collects problems and warnings while a config is checked, so that all of them are reported at once. */
export class ProblemCollector {
  readonly problems: ConfigProblem[] = [];
  readonly warnings: ConfigProblem[] = [];

  error(path: string, message: string, fix?: string): void {
    this.problems.push({ path, message, fix });
  }

  warn(path: string, message: string, fix?: string): void {
    this.warnings.push({ path, message, fix });
  }

  /** Whether any error was recorded at `path` or below it. */
  hasErrorsUnder(path: string): boolean {
    return this.problems.some((p) => p.path === path || p.path.startsWith(`${path}.`));
  }
}

/** Joins config path segments: `joinPath("http_apis", "a", "routes")` is `http_apis.a.routes`. */
export function joinPath(...segments: string[]): string {
  return segments.filter((s) => s !== "").join(".");
}

/** `"x"` for messages; JSON quoting keeps odd characters visible. */
export function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** `a, b, c`, or `none` for an empty list. */
export function listOrNone(values: readonly string[]): string {
  return values.length === 0 ? "none" : values.join(", ");
}
