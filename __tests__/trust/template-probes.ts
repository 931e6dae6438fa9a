import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readConfigFiles } from "../../stacks/read-config-files.js";
import { example, problemLines, REPO_ROOT } from "../support/synth.js";

/**
 * Template probes: Terraform template sequences that would change the planned value if Terraform evaluated
 * them. Each one is tagged with its number so that a planned string can be traced back to the field it went in.
 */
export const PROBE_KINDS = [
  (n: number) => `\${file("/etc/hostname")}#${n}`,
  (n: number) => `\${upper("probe-${n}")}`,
  (n: number) => `%{ if true }probe-${n}%{ endif }`,
  (n: number) => `$\${escaped-${n}} %%{ kept-${n} }`,
];

export interface Probe {
  readonly path: (string | number)[];
  readonly text: string;
}

/** The module examples that synthesize as they are (the others are refused by design and have a -fixed twin). */
export function acceptedExamples(): { name: string; value: unknown }[] {
  return readdirSync(join(REPO_ROOT, "examples"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ name: f.replace(/\.tfvars\.json$/, ""), value: example(f) }))
    .filter((c) => problemLines(c.value).length === 0);
}

/** The shipped tenant environments (config/), as their files export them. */
export async function tenantConfigs(): Promise<{ name: string; value: unknown }[]> {
  const files = ["acme/dev.ts", "acme/prod.ts", "globex/prod.json", "initech/prod.ts", "northwind/prod.ts"].map((f) => join(REPO_ROOT, "config", f));
  return (await readConfigFiles(files, REPO_ROOT)).map((raw) => {
    if ("error" in raw) throw new Error(`${raw.file}: ${raw.error}`);
    if ("untranslated" in raw) throw new Error(`${raw.file}: ${raw.untranslated.map((p) => p.path).join(", ")} cannot be translated`);
    return { name: raw.file.split("/config/")[1]!.replace(/\W/g, "-"), value: structuredClone(raw.value) };
  });
}

/** Paths of every string leaf of a JSON value, and of the keys of its free-form string maps (tags, variables). */
export function stringLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

export function getAt(value: any, path: (string | number)[]): any {
  return path.reduce((v, key) => v?.[key], value);
}

export function setAt(value: any, path: (string | number)[], next: unknown): void {
  const parent = getAt(value, path.slice(0, -1));
  parent[path[path.length - 1]!] = next;
}

/**
 * Puts a probe into every string field that accepts one (appended to its value, so the field keeps meaning what
 * it meant) and returns the probed config with the probes that went in. Fields whose rules refuse the probe (names,
 * ARNs, enums, references) are left as they are: for them the loader's own error is the answer.
 */
export function probeEveryStringField(config: unknown, firstProbe: number): { config: unknown; probes: Probe[]; refused: number } {
  const probed = structuredClone(config) as any;
  const probes: Probe[] = [];
  let refused = 0;
  let n = firstProbe;
  for (const path of stringLeaves(config)) {
    if (path[0] === "$schema") continue;
    const text = `${getAt(config, path)}${PROBE_KINDS[n % PROBE_KINDS.length]!(n)}`;
    const trial = structuredClone(config) as any;
    setAt(trial, path, text);
    n += 1;
    if (problemLines(trial).length > 0) {
      refused += 1;
      continue;
    }
    setAt(probed, path, text);
    probes.push({ path, text });
  }
  return { config: probed, probes, refused };
}

/** Every string in a planned value (resources' values and outputs), JSON documents included as they are. */
export function plannedStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) plannedStrings(v, out);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) (out.push(k), plannedStrings(v, out));
  return out;
}
