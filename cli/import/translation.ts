import type { ConfigProblem } from "../../modules/api-gateway/validation/problems.js";

/** What one module block (or tfvars file) became: the config, what the import changed and why, what it could not translate. */
export interface Translation {
  readonly config: Record<string, unknown>;
  /** Changes the import made on purpose (a renamed key, a default written out), at the config path they concern. */
  readonly notes: ConfigProblem[];
  /** Values that could not be translated, at their path in the HCL. */
  readonly untranslated: ConfigProblem[];
}

/** Object entries of a value that should be a map, or none. */
export function entriesOf(value: unknown): [string, Record<string, unknown>][] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, Record<string, unknown>>).filter(([, v]) => v !== null && typeof v === "object");
}

/** A copy without undefined values, or undefined when nothing is left. */
export function defined(record: Record<string, unknown>): Record<string, unknown> | undefined {
  const out = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
  return Object.keys(out).length > 0 ? out : undefined;
}

export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}
