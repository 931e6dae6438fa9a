import type { Tags } from "../config/common.js";

/** Later layers win: `mergeTags(common, api, stage)`. Keys sorted so that output is deterministic. */
export function mergeTags(...layers: (Tags | undefined)[]): Tags {
  const merged: Tags = {};
  for (const layer of layers) Object.assign(merged, layer ?? {});
  return Object.fromEntries(Object.keys(merged).sort().map((k) => [k, merged[k]!]));
}

/** Tags for a resource argument: left out when empty, so that untagged resources plan without a `tags = {}`. */
export function tagsArgument(tags: Tags): Tags | undefined {
  return Object.keys(tags).length > 0 ? tags : undefined;
}
