import type { Tags } from "../config/common.js";
import type { LogDefaults } from "../model.js";
import type { ProblemCollector } from "./problems.js";

/** What the per-concept normalizers share: module-wide settings and the problem collector. */
export interface NormalizeContext {
  readonly namePrefix: string;
  readonly commonTags: Tags;
  readonly logs: LogDefaults;
  /** `vpc_links` keys and the kind of link each is. */
  readonly vpcLinkKinds: ReadonlyMap<string, "http" | "rest">;
  readonly problems: ProblemCollector;
}

/** Keys of a config map in sorted order: output must not depend on the order keys were written in. */
export function sortedEntries<T>(map: Record<string, T> | undefined): [string, T][] {
  return Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
