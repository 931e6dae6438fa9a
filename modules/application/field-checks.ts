import { suggestion } from "../api-gateway/validation/did-you-mean.js";
import { joinPath, quote, type ProblemCollector } from "../api-gateway/validation/problems.js";

/**
 * Small typed readers for a hand-checked config section: each returns the value when it has the right shape,
 * else records a problem at its path and returns undefined, so every problem of the section is reported.
 */
export class FieldReader {
  constructor(private readonly problems: ProblemCollector) {}

  /** An object whose keys are all in `keys` (unknown keys get a did-you-mean); undefined when absent. */
  object(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) {
      this.problems.error(path, `must be an object, got ${quote(value)}`, `allowed keys: ${keys.join(", ")}`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) this.problems.error(joinPath(path, key), "unknown key", suggestion(key, keys, "allowed keys"));
    }
    return value as Record<string, unknown>;
  }

  /** An object with keys of the user's choosing (a map); undefined when absent. */
  map(value: unknown, path: string): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) {
      this.problems.error(path, `must be a map, got ${quote(value)}`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  string(value: unknown, path: string, rule?: { pattern: RegExp; fix: string }): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string" || value.trim() === "") {
      this.problems.error(path, `must be a non-empty string, got ${quote(value)}`, rule?.fix);
      return undefined;
    }
    if (rule && !rule.pattern.test(value)) {
      this.problems.error(path, `${quote(value)} is not valid`, rule.fix);
      return undefined;
    }
    return value;
  }

  integer(value: unknown, path: string, min: number, max: number): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.problems.error(path, `must be a whole number from ${min} to ${max}, got ${quote(value)}`);
      return undefined;
    }
    return value;
  }

  number(value: unknown, path: string, min: number, max: number): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
      this.problems.error(path, `must be a number from ${min} to ${max}, got ${quote(value)}`);
      return undefined;
    }
    return value;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "boolean") {
      this.problems.error(path, `must be true or false, got ${quote(value)}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
      const fix = typeof value === "string" ? suggestion(value, allowed, "allowed values") : `allowed values: ${allowed.join(", ")}`;
      this.problems.error(path, `${quote(value)} is not allowed`, fix);
      return undefined;
    }
    return value as T;
  }

  stringList(value: unknown, path: string): string[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.problems.error(path, `must be a list of strings, got ${quote(value)}`);
      return undefined;
    }
    const items = value.map((item, i) => this.string(item, `${path}[${i}]`));
    return items.every((item) => item !== undefined) ? (items as string[]) : undefined;
  }

  stringMap(value: unknown, path: string): Record<string, string> | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) {
      this.problems.error(path, `must be a map of strings, got ${quote(value)}`);
      return undefined;
    }
    let ok = true;
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== "string") {
        this.problems.error(joinPath(path, key), `must be a string, got ${quote(item)}`);
        ok = false;
      }
    }
    return ok ? (value as Record<string, string>) : undefined;
  }
}
