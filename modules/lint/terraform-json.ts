import type { TerraformJson } from "./types.js";

/** The resources of one type in a synthesized stack, by name. */
export function resourcesOf(stack: TerraformJson, type: string): [string, Record<string, unknown>][] {
  return Object.entries(stack.resource?.[type] ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
