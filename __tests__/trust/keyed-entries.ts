import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import moduleSchema from "../../schema/module-config.schema.json" with { type: "json" };
import { REPO_ROOT } from "../support/synth.js";

/** The shipped examples that are valid configs (the `-fixed` ones and the ones without a broken twin). */
export function validExamples(): { name: string; config: any }[] {
  const dir = join(REPO_ROOT, "examples");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".tfvars.json"))
    .sort()
    .map((name) => ({ name, config: JSON.parse(readFileSync(join(dir, name), "utf8")) }));
}

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; additionalProperties?: Schema | boolean; anyOf?: Schema[] };

function objectBranches(schema: Schema): Schema[] {
  if (schema.anyOf) return schema.anyOf.flatMap(objectBranches);
  const types = schema.type === undefined ? [] : [schema.type].flat();
  return types.includes("object") ? [schema] : [];
}

/** A map entry of a config whose key becomes part of addresses, as the test sees it (walked independently). */
export interface Entry {
  /** Path segments from the top, map names and keys alike. */
  readonly segments: string[];
  /** The keys alone. */
  readonly keys: string[];
}

/** Every keyed entry (a map value that is an object with properties of its own in the schema). */
export function keyedEntries(config: unknown): Entry[] {
  const out: Entry[] = [];
  const walk = (schema: Schema, value: unknown, segments: string[], keys: string[]) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return;
    const branches = objectBranches(schema);
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      const property = branches.find((b) => b.properties?.[key])?.properties?.[key];
      if (property) {
        walk(property, child, [...segments, key], keys);
        continue;
      }
      const entry = branches.map((b) => b.additionalProperties).find((s): s is Schema => typeof s === "object");
      if (!entry || !objectBranches(entry).some((b) => b.properties)) continue;
      out.push({ segments: [...segments, key], keys: [...keys, key] });
      walk(entry, child, [...segments, key], [...keys, key]);
    }
  };
  walk(moduleSchema as unknown as Schema, config, [], []);
  return out;
}

export function getAt(config: any, segments: readonly string[]): any {
  return segments.reduce((node, s) => node?.[s], config);
}
