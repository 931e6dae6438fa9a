import environmentSchema from "../../schema/environment-config.schema.json" with { type: "json" };
import moduleSchema from "../../schema/module-config.schema.json" with { type: "json" };

/** The part of JSON Schema the config schemas use. */
interface Schema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: Schema | boolean;
  readonly items?: Schema;
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly $ref?: string;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Converts primitive values the way Terraform converts them for a typed variable: a string such as `"29000"`
 * where the type is a number becomes 29000, `"true"`/`"false"` where it is a bool become booleans, and a number
 * or bool where a string is expected becomes its text. The types come from the config schemas (generated from
 * the config types). Values that do not convert are left as they are, for the loader to report. An attribute
 * set to null is left out, as Terraform leaves out a null optional attribute.
 */
export function convertLikeTerraform(value: unknown): unknown {
  const isEnvironment = value !== null && typeof value === "object" && ("tenant" in value || "environment" in value);
  const root = (isEnvironment ? environmentSchema : moduleSchema) as unknown as Schema & { definitions?: Record<string, Schema> };
  return convert(value, root, root.definitions ?? {});
}

function convert(value: unknown, schema: Schema | undefined, definitions: Record<string, Schema>): unknown {
  if (!schema) return value;
  if (schema.$ref) return convert(value, definitions[schema.$ref.replace(/^#\/definitions\//, "")], definitions);
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (branches.length > 0) {
    const resolved = branches.map((b) => (b.$ref ? definitions[b.$ref.replace(/^#\/definitions\//, "")] ?? b : b));
    if (value !== null && typeof value === "object") return convert(value, pickObjectBranch(value, resolved), definitions);
    return convertPrimitive(value, new Set(resolved.flatMap(primitiveTypes)));
  }
  if (Array.isArray(value)) return schema.items ? value.map((item) => convert(item, schema.items, definitions)) : value;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // null for an optional attribute means "not set" to Terraform, so the default applies.
      if (item === null) continue;
      const child = schema.properties?.[key] ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
      out[key] = convert(item, child, definitions);
    }
    return out;
  }
  return convertPrimitive(value, new Set(primitiveTypes(schema)));
}

/** For an object under a union: the branch whose properties hold all of its keys, else the first map-like one. */
function pickObjectBranch(value: object, branches: readonly Schema[]): Schema | undefined {
  const objects = branches.filter((b) => b.properties || b.additionalProperties || typesOf(b).includes("object") || (Array.isArray(value) && b.items));
  if (Array.isArray(value)) return objects.find((b) => b.items);
  const keys = Object.keys(value);
  return objects.find((b) => b.properties && keys.every((k) => k in b.properties!)) ?? objects.find((b) => typeof b.additionalProperties === "object") ?? objects[0];
}

function typesOf(schema: Schema): readonly string[] {
  return schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : schema.type;
}

function primitiveTypes(schema: Schema): string[] {
  const types = [...typesOf(schema)];
  for (const option of [...(schema.enum ?? []), ...(schema.const !== undefined ? [schema.const] : [])]) types.push(typeof option);
  return types.map((t) => (t === "integer" ? "number" : t));
}

function convertPrimitive(value: unknown, types: ReadonlySet<string>): unknown {
  if (types.size === 0 || types.has(typeof value)) return value;
  if (typeof value === "string") {
    if (types.has("number") && NUMBER.test(value.trim())) return Number(value);
    if (types.has("boolean") && (value === "true" || value === "false")) return value === "true";
  }
  if ((typeof value === "number" || typeof value === "boolean") && types.has("string")) return String(value);
  return value;
}
