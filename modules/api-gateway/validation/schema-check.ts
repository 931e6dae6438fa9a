import type { ErrorObject } from "ajv";
import validate from "../../../schema/validate-module-config.mjs";
import { suggestion } from "./did-you-mean.js";
import { joinPath, quote, type ConfigProblem } from "./problems.js";

/**
 * Terraform treats an attribute set to `null` as unset; a tfvars file may say `"log_kms_key_id": null`.
 * Returns a copy without null-valued object properties (nulls inside lists stay, and are type errors).
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child !== null) out[key] = withoutNulls(child);
  }
  return out;
}

/**
 * Structural check against the JSON Schema generated from the config types: keys, types, enums, ranges.
 * The validator is precompiled by `npm run schema` (compiling at every synth cost ~150 ms).
 */
export function checkAgainstSchema(config: unknown): ConfigProblem[] {
  if (validate(config)) return [];
  return dropLosingUnionBranches(validate.errors ?? []).map(toProblem);
}

function pathOf(instancePath: string): string {
  return instancePath
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .join(".");
}

/**
 * A value that matches no branch of a union gets errors from every branch. Report the branch it came closest
 * to (fewest errors), or one combined type error when it is of none of the union's types.
 */
function dropLosingUnionBranches(errors: ErrorObject[]): ErrorObject[] {
  let remaining = errors;
  const unions = errors.filter((e) => e.keyword === "anyOf").sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const union of unions) {
    const prefix = `${union.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const error of remaining) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = error.schemaPath.slice(prefix.length).split("/")[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const all = [...branches.values()];
    const typeOnly = all.every((b) => b.length === 1 && b[0]!.keyword === "type" && b[0]!.instancePath === union.instancePath);
    let kept: ErrorObject[];
    if (typeOnly) {
      const types = all.map((b) => String(b[0]!.params.type));
      kept = [{ ...all[0]![0]!, params: { type: types.join(" or ") } }];
    } else {
      kept = all.reduce((best, b) => (b.length < best.length ? b : best), all[0] ?? []);
    }
    const dropped = new Set([union, ...all.flat()]);
    remaining = [...remaining.filter((e) => !dropped.has(e)), ...kept];
  }
  return remaining;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${quote(value)}`;
}

function toProblem(error: ErrorObject): ConfigProblem {
  const at = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path: joinPath(at, String(params.missingProperty)), message: "is required", fix: "set it" };
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      return { path: joinPath(at, key), message: "unknown key", fix: suggestion(key, known, "allowed keys") };
    }
    case "type": {
      const wanted = String(params.type).replace(/,/g, " or ").replace("object", "an object").replace("array", "a list");
      return { path: at, message: `must be ${wanted}, got ${describeType(error.data)}`, fix: `write it as ${wanted}` };
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return { path: at, message: `${quote(error.data)} is not allowed`, fix: suggestion(String(error.data), allowed, "use one of") };
    }
    case "const":
      return { path: at, message: `${quote(error.data)} is not allowed`, fix: `use ${quote(params.allowedValue)}` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { path: at, message: `${quote(error.data)} is out of range`, fix: `use a number ${params.comparison} ${params.limit}` };
    case "minLength":
    case "maxLength":
      return {
        path: at,
        message: `${quote(error.data)} has ${String(error.data).length} characters`,
        fix: `use ${error.keyword === "minLength" ? "at least" : "at most"} ${params.limit}`,
      };
    case "pattern":
      return { path: at, message: `${quote(error.data)} has characters that are not allowed`, fix: `match ${params.pattern}` };
    default:
      return { path: at, message: error.message ?? "is not valid", fix: "see schema/module-config.schema.json" };
  }
}
