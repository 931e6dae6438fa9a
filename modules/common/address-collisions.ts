import { address } from "../api-gateway/common/addresses.js";
import { keyPath, quote, type ConfigProblem } from "../api-gateway/validation/problems.js";

/** The part of a JSON Schema this pass reads. */
export interface KeyedSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, KeyedSchema>>;
  readonly additionalProperties?: KeyedSchema | boolean;
  readonly anyOf?: readonly KeyedSchema[];
}

/** A map entry whose key becomes part of Terraform addresses: a route, a stage, an API... */
export interface KeyedEntry {
  /** Config path of the entry, odd keys quoted (`http_apis["a.b"]`). */
  readonly path: string;
  /** The same path with keys joined by dots as they are, as the schema check writes it. */
  readonly dottedPath: string;
  /** The map that holds the entry. */
  readonly map: Record<string, unknown>;
  /** The map keys from the top of the config down to this entry: what its addresses are made of. */
  readonly keys: readonly string[];
  /** Path of the map holding it. */
  readonly mapPath: string;
  readonly key: string;
}

/** The construct id a key becomes: the constructs library turns `/` in an id into `--`. */
function constructIdOf(key: string): string {
  return key.replace(/\//g, "--");
}

/**
 * Keys become Terraform addresses (`http_apis.api_v2.routes.get_users` -> `<module>__api_v2__get_users`, see
 * addresses.ts) and construct ids. Two entries whose keys differ but whose addresses are equal would make one
 * resource silently replace the other, so each such pair is a problem naming both keys and both paths. Which maps
 * hold keyed entries comes from the config's JSON Schema: a map whose values are objects (`additionalProperties`
 * of type object), at any depth.
 */
export function addressCollisions(entries: readonly KeyedEntry[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const byAddress = new Map<string, KeyedEntry>();
  const byConstructId = new Map<string, KeyedEntry>();
  const reported: string[] = [];
  for (const entry of entries) {
    // Below an entry already reported, every child would collide too: one line is enough.
    if (reported.length > 0 && reported.some((path) => entry.path.startsWith(`${path}.`) || entry.path.startsWith(`${path}[`))) continue;
    const at = address("m", ...entry.keys);
    const earlier = byAddress.get(at);
    if (earlier === undefined) byAddress.set(at, entry);
    else if (!sameKeys(earlier.keys, entry.keys)) {
      problems.push({
        path: entry.path,
        message: `${describe(entry)} and ${describe(earlier)} at ${earlier.path} would get one Terraform address (<module>${at.slice(1)}), so one resource would replace the other`,
        fix: "rename one of them; keys that differ only in punctuation map to the same address",
      });
      reported.push(entry.path);
      continue;
    }
    const id = `${entry.mapPath}\u0000${constructIdOf(entry.key)}`;
    const sibling = byConstructId.get(id);
    if (sibling !== undefined && sibling.key !== entry.key) {
      problems.push({
        path: entry.path,
        message: `key ${quote(entry.key)} and key ${quote(sibling.key)} at ${sibling.path} would get one construct id (a "/" in an id is written "--")`,
        fix: "rename one of them",
      });
      reported.push(entry.path);
    } else byConstructId.set(id, entry);
  }
  return problems;
}

function describe(entry: KeyedEntry): string {
  return entry.keys.length === 1 ? `key ${quote(entry.key)}` : `keys ${entry.keys.map((k) => quote(k)).join(" / ")}`;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function allowsObject(schema: KeyedSchema): boolean {
  const types = schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : schema.type;
  return types.includes("object") || (schema.anyOf ?? []).some(allowsObject);
}

/** What the walk needs of a schema node, worked out once per node. */
interface SchemaFacts {
  readonly properties: ReadonlyMap<string, KeyedSchema>;
  /** The schema of a map's entries, when they are keyed entries. */
  readonly entry?: KeyedSchema;
}

const factsCache = new WeakMap<KeyedSchema, SchemaFacts>();

function factsOf(schema: KeyedSchema): SchemaFacts {
  let facts = factsCache.get(schema);
  if (facts === undefined) {
    const branches = objectBranches(schema);
    const properties = new Map<string, KeyedSchema>();
    for (const branch of branches) for (const [key, property] of Object.entries(branch.properties ?? {})) if (property !== undefined && !properties.has(key)) properties.set(key, property);
    const entrySchema = branches.map((b) => b.additionalProperties).find((s): s is KeyedSchema => typeof s === "object");
    facts = { properties, entry: entrySchema !== undefined && isKeyedValue(entrySchema) ? entrySchema : undefined };
    factsCache.set(schema, facts);
  }
  return facts;
}

/** The object-shaped branches of a schema, flattened out of `anyOf`. */
function objectBranches(schema: KeyedSchema): KeyedSchema[] {
  if (schema.anyOf) return schema.anyOf.flatMap(objectBranches);
  return allowsObject(schema) ? [schema] : [];
}

/** Keyed maps have values that are objects with properties of their own (a `tags` map or a free-form `policy` has not). */
function isKeyedValue(schema: KeyedSchema): boolean {
  return objectBranches(schema).some((branch) => branch.properties !== undefined);
}

/** Every keyed entry of a config, parents before children. */
export function keyedEntries(config: unknown, schema: KeyedSchema): KeyedEntry[] {
  const out: KeyedEntry[] = [];
  collect(schema, config, "", "", [], out);
  return out;
}

function collect(schema: KeyedSchema, value: unknown, path: string, dotted: string, keys: readonly string[], out: KeyedEntry[]): void {
  if (!isObject(value)) return;
  const facts = factsOf(schema);
  for (const key of Object.keys(value).sort()) {
    const property = facts.properties.get(key);
    const entrySchema = property === undefined ? facts.entry : undefined;
    if (property === undefined && entrySchema === undefined) continue;
    const at = keyPath(path, key);
    const dottedAt = dotted === "" ? key : `${dotted}.${key}`;
    if (property !== undefined) {
      collect(property, value[key], at, dottedAt, keys, out);
      continue;
    }
    if (entrySchema === undefined) continue;
    const entryKeys = [...keys, key];
    out.push({ path: at, dottedPath: dottedAt, map: value, keys: entryKeys, mapPath: path, key });
    collect(entrySchema, value[key], at, dottedAt, entryKeys, out);
  }
}
