/**
 * A tenant's environments share a base config and state only what differs. The merge rules, one per kind of
 * value in the override:
 * - an object (map) merges into the base's object key by key, recursively;
 * - an array replaces the base's value whole (lists are not concatenated: order and removal stay explicit);
 * - `null` removes the key from the result (whatever the base held there);
 * - any other value (string, number, boolean) replaces the base's value;
 * - a key the override leaves out keeps the base's value.
 * Neither input is changed; the result shares no objects with them.
 */
import type { EnvironmentConfig } from "./environment-config.js";

/** Any part of T, at any depth; `null` (in an override) removes the key. */
export type Override<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: Override<T[K]> | null } : T;

/** A tenant's shared base: any part of an environment config. */
export type ConfigBase = Override<EnvironmentConfig>;

/**
 * An environment config: the tenant's base with this environment's overrides merged in (see the rules above).
 * The result is checked like any config when it is loaded; the type only helps the editor.
 */
export function extendBase(base: ConfigBase, override: Override<EnvironmentConfig>): EnvironmentConfig {
  return mergeConfig(base, override) as EnvironmentConfig;
}

/** The merge itself, for any two values (see the rules above). */
export function mergeConfig(base: unknown, override: unknown): unknown {
  return mergeValue(base, override);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function mergeValue(base: unknown, override: unknown): unknown {
  if (!isMap(override) || !isMap(base)) return copy(override);
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base)) if (!(key in override)) result[key] = copy(value);
  for (const [key, value] of Object.entries(override)) {
    if (value === null) continue;
    if (value === undefined) {
      if (key in base) result[key] = copy(base[key]);
      continue;
    }
    result[key] = key in base ? mergeValue(base[key], value) : copy(value);
  }
  // Key order of the base first, so that adding an override never reorders the output.
  const order = [...Object.keys(base), ...Object.keys(override).filter((k) => !(k in base))];
  return Object.fromEntries(order.filter((k) => k in result).map((k) => [k, result[k]]));
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isMap(value)) return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, copy(v)]));
  return value;
}
