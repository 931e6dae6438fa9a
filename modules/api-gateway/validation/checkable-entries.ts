import type { KeyedEntry } from "../../common/address-collisions.js";
import { sortedEntries } from "./context.js";
import { joinPath, quote, type ConfigProblem, type ProblemCollector } from "./problems.js";

// What the loader hands to rules that assume well-typed values, when a config also has structural problems.

/**
 * Entries of a map whose subtree passed the structural check, for the rules that assume well-typed values. A map
 * that is not a map at all has no entries.
 */
export function wellTyped<T>(map: Record<string, T> | undefined, mapPath: string, structural: ProblemCollector): Record<string, T> {
  if (map === null || typeof map !== "object" || Array.isArray(map) || structural.problems.some((p) => p.path === mapPath)) return {};
  return Object.fromEntries(sortedEntries(map).filter(([key]) => !structural.hasErrorsUnder(joinPath(mapPath, key))));
}

/**
 * Removes from the config copy that only the normalizers read (the maps `entries` point into) each entry below
 * an API (depth 2 and deeper: a route, an integration, a method, a response) that has a structural problem, so
 * that the rules that assume well-typed values can still check its API; returns their keys. Problems nearer the
 * top (in an API's own fields) remain in `structural` and leave the whole API out (see wellTyped).
 */
export function leaveOutBrokenEntries(entries: readonly KeyedEntry[], structural: ProblemCollector): Set<string> {
  if (structural.problems.length === 0) return new Set();
  const byPath = new Map(entries.map((e) => [e.dottedPath, e]));
  const leftOut = new Set<string>();
  const remaining: ConfigProblem[] = [];
  for (const problem of structural.problems) {
    const segments = problem.path.split(".");
    let deepest: KeyedEntry | undefined;
    for (let i = segments.length; i > 0 && !deepest; i--) deepest = byPath.get(segments.slice(0, i).join("."));
    if (deepest === undefined || deepest.keys.length < 2) {
      remaining.push(problem);
      continue;
    }
    delete deepest.map[deepest.key];
    leftOut.add(deepest.key);
  }
  structural.problems.length = 0;
  for (const problem of remaining) structural.problems.push(problem);
  return leftOut;
}

/** A reference to an entry that was left out for its own problem is not a second problem. */
export function dropEchoesOfLeftOutEntries(problems: ProblemCollector, from: number, leftOut: ReadonlySet<string>): void {
  if (leftOut.size === 0) return;
  const echo = /^(?:\w+ )?("(?:[^"\\]|\\.)*") is not defined/;
  const quoted = new Set([...leftOut].map((key) => quote(key)));
  const echoes = new Set(problems.problems.slice(from).filter((p) => quoted.has(echo.exec(p.message)?.[1] ?? "")));
  const kept = problems.problems.filter((p) => !echoes.has(p));
  problems.problems.length = 0;
  for (const p of kept) problems.problems.push(p);
}

/**
 * Every entry of a map, for checks that look entries up by key (a domain's `api_name`): an entry that is not an
 * object is `{}`, and fields with structural problems are left out, so that a key stays defined while no rule
 * reads a value of the wrong shape.
 */
export function shapeSafe<T>(map: Record<string, T> | undefined, mapPath: string, structural: ProblemCollector): Record<string, T> {
  if (map === null || typeof map !== "object" || Array.isArray(map)) return {};
  return Object.fromEntries(
    sortedEntries(map).map(([key, entry]) => {
      if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return [key, {} as T];
      const fields = Object.entries(entry).filter(([field]) => !structural.hasErrorsUnder(joinPath(mapPath, key, field)));
      return [key, Object.fromEntries(fields) as T];
    }),
  );
}
