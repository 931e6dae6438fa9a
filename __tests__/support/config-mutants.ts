import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import fc from "fast-check";
import { ENVIRONMENT_SCHEMA_PATH, SCHEMA_PATH } from "../../bin/generate-schema.mjs";
import { readConfigFiles } from "../../stacks/read-config-files.js";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";
import { REPO_ROOT } from "./synth.js";

/**
 * Configs made by mutating the shipped examples and configs, for property tests of the loader against the editor
 * schemas and Terraform. A mutation changes one value, key or field the way users get them wrong (fractions, huge
 * numbers, long or odd strings, wrong types, keys with newlines) or right (values inside AWS's ranges).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface BaseConfig {
  readonly name: string;
  readonly value: Record<string, Json>;
}

/** The shipped examples and configs that the loader accepts as they are (the HCL module's broken examples are not bases). */
export async function baseConfigs(): Promise<BaseConfig[]> {
  const examples = readdirSync(join(REPO_ROOT, "examples")).filter((f) => f.endsWith(".json")).sort().map((f) => join(REPO_ROOT, "examples", f));
  const configs = ["acme/dev.ts", "acme/prod.ts", "globex/prod.json", "initech/prod.ts", "northwind/prod.ts"].map((f) => join(REPO_ROOT, "config", f));
  const raws = await readConfigFiles([...examples, ...configs], REPO_ROOT);
  return raws
    .filter((raw): raw is { file: string; value: unknown } => "value" in raw && checkStackConfig(raw).problems.length === 0)
    .map((raw) => ({ name: raw.file.slice(REPO_ROOT.length + 1), value: JSON.parse(JSON.stringify(raw.value)) as Record<string, Json> }));
}

type Path = (string | number)[];

interface Node {
  readonly path: Path;
  readonly value: Json;
}

function nodesOf(value: Json, path: Path = []): Node[] {
  const nodes: Node[] = [{ path, value }];
  if (Array.isArray(value)) value.forEach((item, i) => nodes.push(...nodesOf(item, [...path, i])));
  else if (value !== null && typeof value === "object") for (const [key, child] of Object.entries(value)) nodes.push(...nodesOf(child, [...path, key]));
  return nodes;
}

function parentOf(root: Json, path: Path): any {
  let node: any = root;
  for (const segment of path.slice(0, -1)) node = node[segment];
  return node;
}

function setAt(root: Json, path: Path, value: Json | undefined): void {
  if (path.length === 0) return;
  const parent = parentOf(root, path);
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
}

/** Renames a key in place, keeping the order of the others. */
function renameKey(root: Json, path: Path, key: string): void {
  const parent = parentOf(root, path);
  const old = path[path.length - 1] as string;
  if (key in parent) return;
  const entries = Object.entries(parent).map(([k, v]) => [k === old ? key : k, v] as const);
  for (const k of Object.keys(parent)) delete parent[k];
  for (const [k, v] of entries) parent[k] = v;
}

const text = (n: number) => "d".repeat(n);

/** Numbers at and around the limits AWS and the provider set, fractions, huge ones and ordinary ones. */
export const numberValues = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, 1.5, 49, 50, 127, 128, 300, 900, 901, 1024, 3600, 3601, 10240, 10241, 29000, 29001, 30000, 30001, 86400, 86401, 10485760, 2147483647, 2147483648, 4294967296, 1e20),
  fc.integer({ min: -5, max: 100_000 }),
  fc.double({ min: -10, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);

/** Strings of the lengths AWS draws lines at, odd characters, and other types where a string belongs. */
export const stringValues = fc.oneof(
  fc.constantFrom(0, 1, 63, 64, 65, 128, 129, 256, 257, 1024, 1025, 2000, 2048, 2049).map(text),
  fc.constantFrom("a\nb", "tab\there", " ", "aws:owner", "héllo wörld", "x/y", "ok-value_1", "${var.x}", "UPPER", "eu-west-1"),
  fc.string({ maxLength: 12 }),
  fc.constantFrom<Json>(5, true, null, [], {}),
);

/** Keys as users write them: fine, with spaces, newlines, dots, too long. */
export const keyValues = fc.oneof(
  fc.constantFrom("a\nb", "has space", "dot.ted", "ok_key", "Upper-Key", "$default", "aws:reserved", "x".repeat(129), "k".repeat(64), "é"),
  fc.string({ minLength: 1, maxLength: 10 }),
);

const booleanValues = fc.constantFrom<Json>(true, false, "no", "yes", "false", 0, 1, null);

/** Fields every config can carry, set wherever their parent exists: the classes of the Trust issue. */
const FIELD_SETTERS: readonly { readonly name: string; readonly apply: (c: any, v: Json) => void; readonly values: fc.Arbitrary<Json> }[] = [
  { name: "api description", values: stringValues, apply: (c, v) => eachApi(c, (api) => (api.description = v)) },
  { name: "stage description", values: stringValues, apply: (c, v) => eachStage(c, (stage, kind) => (stage[kind === "http" ? "description" : "stage_description"] = v)) },
  { name: "api tag", values: fc.tuple(keyValues, stringValues).map(([k, v]) => ({ [k]: v }) as Json), apply: (c, v) => eachApi(c, (api) => (api.tags = { ...(api.tags ?? {}), ...(v as object) })) },
  { name: "common tag", values: fc.tuple(keyValues, stringValues).map(([k, v]) => ({ [k]: v }) as Json), apply: (c, v) => (c.common_tags = { ...(c.common_tags ?? {}), ...(v as object) }) },
  { name: "api key", values: keyValues, apply: (c, v) => renameFirst(c.http_apis ?? c.rest_apis, String(v)) },
  { name: "stage key", values: keyValues, apply: (c, v) => eachApi(c, (api) => renameFirst(api.stages, String(v))) },
  { name: "burst limit", values: numberValues, apply: (c, v) => eachStage(c, (stage, kind) => (kind === "http" ? ((stage.default_route_settings ??= {}).throttling_burst_limit = v) : ((stage.throttle_settings ??= {}).throttling_burst_limit = v))) },
  { name: "rate limit", values: numberValues, apply: (c, v) => eachStage(c, (stage, kind) => (kind === "http" ? ((stage.default_route_settings ??= {}).throttling_rate_limit = v) : ((stage.throttle_settings ??= {}).throttling_rate_limit = v))) },
  { name: "log retention", values: numberValues, apply: (c, v) => (c.log_retention_days = v) },
  { name: "region", values: fc.oneof(stringValues, fc.constantFrom("eu-west-1", "us-gov-west-1", "cn-north-1", "eu-west", "EU-WEST-1", "mars-1")), apply: (c, v) => "tenant" in c && (c.region = v) },
  { name: "backend.s3 bucket", values: fc.oneof(stringValues, fc.constantFrom("state-bucket", "a..b", "Bucket")), apply: (c, v) => "tenant" in c && (backendOf(c).bucket = v) },
  { name: "backend.s3 key", values: fc.oneof(stringValues, fc.constantFrom("a/b/terraform.tfstate", "/leading", "trailing/")), apply: (c, v) => "tenant" in c && (backendOf(c).key = v) },
  { name: "backend.s3 region", values: fc.oneof(stringValues, fc.constantFrom("eu-central-1", "mars")), apply: (c, v) => "tenant" in c && (backendOf(c).region = v) },
  { name: "backend.s3 dynamodb_table", values: fc.oneof(stringValues, fc.constantFrom("tf-locks", "a b")), apply: (c, v) => "tenant" in c && (backendOf(c).dynamodb_table = v) },
  { name: "backend.s3 use_lockfile", values: booleanValues, apply: (c, v) => "tenant" in c && (backendOf(c).use_lockfile = v) },
  { name: "backend.s3 encrypt", values: booleanValues, apply: (c, v) => "tenant" in c && (backendOf(c).encrypt = v) },
  { name: "lambda memory", values: numberValues, apply: (c, v) => c.application && ((c.application.lambda ??= {}).memory_size = v) },
  { name: "lambda timeout", values: numberValues, apply: (c, v) => c.application && ((c.application.lambda ??= {}).timeout = v) },
];

function eachApi(c: any, fn: (api: any, kind: "http" | "rest") => void): void {
  for (const api of Object.values<any>(c.http_apis ?? {})) if (api && typeof api === "object") fn(api, "http");
  for (const api of Object.values<any>(c.rest_apis ?? {})) if (api && typeof api === "object") fn(api, "rest");
}

function eachStage(c: any, fn: (stage: any, kind: "http" | "rest") => void): void {
  eachApi(c, (api, kind) => {
    for (const stage of Object.values<any>(api.stages ?? {})) if (stage && typeof stage === "object") fn(stage, kind);
  });
}

function renameFirst(map: any, key: string): void {
  const first = map && typeof map === "object" ? Object.keys(map)[0] : undefined;
  if (first === undefined || key in map) return;
  const entries = Object.entries(map).map(([k, v]) => [k === first ? key : k, v] as const);
  for (const k of Object.keys(map)) delete map[k];
  for (const [k, v] of entries) map[k] = v;
}

function backendOf(c: any): any {
  if (!c.backend || typeof c.backend !== "object") c.backend = { s3: { bucket: "acme-terraform-state" } };
  if (!c.backend.s3 || typeof c.backend.s3 !== "object") c.backend.s3 = { bucket: "acme-terraform-state" };
  return c.backend.s3;
}

/** One change to a config. `target` picks a node of the base (modulo the number of candidates). */
export type Mutation =
  | { readonly kind: "leaf"; readonly target: number; readonly num: Json; readonly str: Json; readonly bool: Json; readonly wrongType: boolean }
  | { readonly kind: "key"; readonly target: number; readonly key: string }
  | { readonly kind: "drop"; readonly target: number }
  | { readonly kind: "replace"; readonly target: number; readonly value: Json }
  | { readonly kind: "field"; readonly field: number; readonly value: Json }
  | { readonly kind: "number"; readonly target: number; readonly value: Json };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("leaf" as const), target: fc.nat(), num: numberValues, str: stringValues, bool: booleanValues, wrongType: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("key" as const), target: fc.nat(), key: keyValues }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("replace" as const), target: fc.nat(), value: fc.oneof(stringValues, numberValues, booleanValues) }) },
  {
    weight: 5,
    arbitrary: fc.nat({ max: FIELD_SETTERS.length - 1 }).chain((field) => FIELD_SETTERS[field]!.values.map((value) => ({ kind: "field" as const, field, value }))),
  },
);

export function applyMutation(config: Record<string, Json>, m: Mutation): string {
  if (m.kind === "field") {
    const setter = FIELD_SETTERS[m.field]!;
    try {
      setter.apply(config, m.value);
    } catch {
      return `${setter.name}: no place for it (an earlier change replaced its parent)`;
    }
    return `${setter.name} = ${JSON.stringify(m.value)?.slice(0, 40)}`;
  }
  const nodes = nodesOf(config).filter((n) => n.path.length > 0);
  if (m.kind === "number") {
    const numbers = nodes.filter((n) => typeof n.value === "number");
    if (numbers.length === 0) return "no number to change";
    const node = numbers[m.target % numbers.length]!;
    setAt(config, node.path, m.value);
    return `${node.path.join(".")} = ${JSON.stringify(m.value)?.slice(0, 40)}`;
  }
  if (m.kind === "leaf") {
    const leaves = nodes.filter((n) => n.value === null || typeof n.value !== "object");
    const node = leaves[m.target % leaves.length]!;
    // Half of the leaf mutations keep the leaf's type, so that many mutants stay valid and reach synth.
    const value = typeof node.value === "number" ? (m.wrongType ? m.str : m.num) : typeof node.value === "string" ? (m.wrongType ? m.num : m.str) : m.bool;
    setAt(config, node.path, value);
    return `${node.path.join(".")} = ${JSON.stringify(value)?.slice(0, 40)}`;
  }
  if (m.kind === "replace") {
    // Any node, objects and lists included, becomes a value of another shape.
    const node = nodes[m.target % nodes.length]!;
    setAt(config, node.path, m.value);
    return `${node.path.join(".")} := ${JSON.stringify(m.value)?.slice(0, 40)}`;
  }
  const keyed = nodes.filter((n) => typeof n.path[n.path.length - 1] === "string" && !Array.isArray(parentOf(config, n.path)));
  const node = keyed[m.target % keyed.length]!;
  if (m.kind === "key") {
    renameKey(config, node.path, m.key);
    return `rename ${node.path.join(".")} to ${JSON.stringify(m.key)}`;
  }
  setAt(config, node.path, undefined);
  return `drop ${node.path.join(".")}`;
}

export interface Mutant {
  readonly base: string;
  readonly changes: string[];
  readonly value: Record<string, Json>;
}

/**
 * Mutations of types and ranges only: values of fields no other part of the config refers to (numbers, booleans,
 * descriptions, tags, region, backend). Whether such a mutant is valid is the schema's call alone.
 */
export const typeRangeMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("number" as const), target: fc.nat(), value: fc.oneof(numberValues, stringValues.filter((v) => v !== null)) }),
  fc
    .nat({ max: FIELD_SETTERS.length - 1 })
    .filter((field) => !FIELD_SETTERS[field]!.name.endsWith(" key"))
    .chain((field) => FIELD_SETTERS[field]!.values.map((value) => ({ kind: "field" as const, field, value }))),
);

/** Mutants of the bases: one to three mutations each (by default of every kind). */
export function mutants(bases: readonly BaseConfig[], kinds: fc.Arbitrary<Mutation> = mutation): fc.Arbitrary<Mutant> {
  return fc.tuple(fc.nat({ max: bases.length - 1 }), fc.array(kinds, { minLength: 1, maxLength: 3 })).map(([i, ms]) => {
    const base = bases[i]!;
    const value = structuredClone(base.value);
    const changes = ms.map((m) => applyMutation(value, m));
    return { base: base.name, changes, value };
  });
}

/** The editor schemas, as an editor (Ajv with the files in schema/) checks a JSON config. */
export function editorValidators(): { environment: ValidateFunction; module: ValidateFunction } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  return {
    environment: ajv.compile(JSON.parse(readFileSync(ENVIRONMENT_SCHEMA_PATH, "utf8"))),
    module: ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8"))),
  };
}

/** Whether the editor schema for this kind of file (tenant environment or bare module config) accepts it. */
export function editorAccepts(validators: ReturnType<typeof editorValidators>, value: unknown): boolean {
  const isEnvironment = value !== null && typeof value === "object" && ("tenant" in value || "environment" in value);
  return (isEnvironment ? validators.environment : validators.module)(value) as boolean;
}
