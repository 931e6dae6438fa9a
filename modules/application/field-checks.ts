/**
 * Typed readers over a config section that the generated validator has already checked: each returns the value
 * when it has the expected type, else undefined. They record no problems: the structural rules (types, ranges,
 * patterns, unknown keys) live in the config types and are reported by the schema check, once.
 */
export class FieldReader {
  /** An object, or undefined. */
  object(value: unknown): Record<string, unknown> | undefined {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  }

  string(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
  }

  number(value: unknown): number | undefined {
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  }

  boolean(value: unknown): boolean | undefined {
    return typeof value === "boolean" ? value : undefined;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
    return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  }

  stringList(value: unknown): string[] | undefined {
    return Array.isArray(value) && value.every((item) => typeof item === "string") ? (value as string[]) : undefined;
  }

  /** The string-valued entries of a map. */
  stringMap(value: unknown): Record<string, string> {
    const map = this.object(value) ?? {};
    return Object.fromEntries(Object.entries(map).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  }
}
