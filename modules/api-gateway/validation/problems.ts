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
  return oneLine(line);
}

/**
 * Control characters (newlines above all) and Unicode line separators escaped (`\n`, `\r`, `\t`, else
 * `\uXXXX`): text from a config (a key, a value) can never start a line of its own and pass for another problem.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => ({ "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
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

  /** Paths with an error at or below them, rebuilt when problems were added (a config may have 100,000). */
  private index = { size: 0, paths: new Set<string>() };

  /** Whether any error was recorded at `path` or below it. */
  hasErrorsUnder(path: string): boolean {
    // Problems are appended while rules ask, so the index grows with them; a shrunk list is indexed anew.
    if (this.index.size > this.problems.length) this.index = { size: 0, paths: new Set() };
    for (let n = this.index.size; n < this.problems.length; n++) {
      let at = this.problems[n]!.path;
      for (;;) {
        this.index.paths.add(at);
        const dot = at.lastIndexOf(".");
        if (dot < 0) break;
        at = at.slice(0, dot);
      }
    }
    this.index.size = this.problems.length;
    return this.index.paths.has(path);
  }
}

/** Joins config path segments: `joinPath("http_apis", "a", "routes")` is `http_apis.a.routes`. */
export function joinPath(...segments: string[]): string {
  return segments.filter((s) => s !== "").join(".");
}

const QUOTE_LIMIT = 1000;

/** `"x"` for messages; JSON quoting keeps odd characters visible. Long values are cut, so one line stays short. */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value.length > QUOTE_LIMIT ? value.slice(0, QUOTE_LIMIT) : value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  if (typeof value === "string" && value.length > QUOTE_LIMIT) return `${text.slice(0, -1)}..." (${value.length} characters)`;
  return text.length > QUOTE_LIMIT + 2 ? `${text.slice(0, QUOTE_LIMIT)}...` : text;
}

/**
 * A path with one more key: `http_apis.api_v2`, or `http_apis[""]` / `http_apis["a.b"]` for a key that a dotted
 * path could not show unambiguously (empty, dotted, quoted, bracketed, control characters).
 */
export function keyPath(parent: string, key: string): string {
  if (/^[^.\s"[\]\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/.test(key)) return parent === "" ? key : `${parent}.${key}`;
  return `${parent === "" ? "config" : parent}[${JSON.stringify(key)}]`;
}

/** `a, b, c`, or `none` for an empty list. */
export function listOrNone(values: readonly string[]): string {
  return values.length === 0 ? "none" : values.join(", ");
}
