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
 *
 * The validator pushes a union's branch errors right before the union's own error, so each union looks only at
 * the run of errors just before it that lie under its schema path and its value: linear in the number of errors
 * (a config with 70,000 broken union values was quadratic, minutes, when every union scanned every error).
 */
function dropLosingUnionBranches(errors: ErrorObject[]): ErrorObject[] {
  const slots: ErrorObject[][] = errors.map((e) => [e]);
  const unions = errors
    .map((e, i) => (e.keyword === "anyOf" ? i : -1))
    .filter((i) => i >= 0)
    .sort((a, b) => errors[b]!.schemaPath.length - errors[a]!.schemaPath.length || a - b);
  for (const u of unions) {
    const union = errors[u]!;
    const prefix = `${union.schemaPath}/`;
    const under = (e: ErrorObject) => e.schemaPath.startsWith(prefix) && (e.instancePath === union.instancePath || e.instancePath.startsWith(`${union.instancePath}/`));
    let start = u;
    while (start > 0 && under(errors[start - 1]!)) start--;
    const branches = new Map<string, ErrorObject[]>();
    for (let i = start; i < u; i++) {
      for (const error of slots[i]!) {
        const branch = error.schemaPath.slice(prefix.length).split("/")[0]!;
        branches.set(branch, [...(branches.get(branch) ?? []), error]);
      }
      slots[i] = [];
    }
    const all = [...branches.values()];
    const typeOnly = all.length > 0 && all.every((b) => b.length === 1 && b[0]!.keyword === "type" && b[0]!.instancePath === union.instancePath);
    if (typeOnly) {
      const types = all.map((b) => String(b[0]!.params.type));
      slots[u] = [{ ...all[0]![0]!, params: { type: types.join(" or ") } }];
    } else {
      slots[u] = all.reduce((best, b) => (b.length < best.length ? b : best), all[0] ?? []);
    }
  }
  return slots.flat();
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
