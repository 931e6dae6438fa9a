import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ConfigProblem } from "../../modules/api-gateway/validation/problems.js";
import { parseHcl } from "./parse-hcl.js";
import { hasTemplate, literalText, wholeCall } from "./template-text.js";

/** Where relative `file()` paths start (the folder of the `.tf` or `.tfvars` file), and what could not be translated. */
export interface HclValueContext {
  readonly baseDir: string;
  readonly untranslated: ConfigProblem[];
}

const TRANSLATE_FIX = "write the value itself in the config (a string, number, bool, list or map)";

/**
 * A value as `@cdktf/hcl2json` gives it, turned into plain data: literal strings lose Terraform's escapes,
 * `jsonencode(...)` becomes the JSON text Terraform would make, `file(...)` of a file beside the HCL becomes its
 * text. Anything else (references to variables, resources, locals or modules; other functions; conditionals) is
 * recorded in `context.untranslated` at its config path and left out (undefined).
 */
export async function hclValue(raw: unknown, path: string, context: HclValueContext): Promise<unknown> {
  if (Array.isArray(raw)) {
    const items = [];
    for (const [i, item] of raw.entries()) items.push(await hclValue(item, join(path, String(i)), context));
    return items;
  }
  if (raw !== null && typeof raw === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(raw)) {
      const value = await hclValue(item, join(path, key), context);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (typeof raw !== "string" || !hasTemplate(raw)) return typeof raw === "string" ? literalText(raw) : raw;
  return translateExpression(raw, path, context);
}

async function translateExpression(text: string, path: string, context: HclValueContext): Promise<unknown> {
  const call = wholeCall(text);
  const argument = call ? await parseArgument(call.args) : undefined;
  if (call?.name === "jsonencode" && argument !== undefined) {
    const before = context.untranslated.length;
    const value = await hclValue(argument, path, context);
    return context.untranslated.length === before ? terraformJsonEncode(value) : undefined;
  }
  if (call?.name === "file" && typeof argument === "string") {
    const relative = argument.replace(/\$\{path\.(module|root|cwd)\}\/?/g, "");
    if (!hasTemplate(relative)) {
      const file = resolve(context.baseDir, literalText(relative));
      if (existsSync(file)) return readFileSync(file, "utf8");
      context.untranslated.push({ path, message: `${shown(text)} reads ${file}, which does not exist`, fix: "put the file beside the HCL file, or write its content in the config" });
      return undefined;
    }
  }
  context.untranslated.push({ path, message: `${shown(text)} cannot be translated: ${await describe(text)}`, fix: TRANSLATE_FIX });
  return undefined;
}

async function parseArgument(args: string): Promise<unknown> {
  try {
    const parsed = await parseHcl("argument.tf", `value = ${args}\n`);
    return Object.keys(parsed).length === 1 ? parsed.value : undefined;
  } catch {
    return undefined;
  }
}

/** What an expression depends on, for the message: its references, else the function it calls. */
async function describe(text: string): Promise<string> {
  let references: string[] = [];
  try {
    const { getReferencesInExpression } = await import("@cdktf/hcl2json");
    references = [...new Set((await getReferencesInExpression("expression.tf", text)).map((r) => r.value))];
  } catch {
    // an expression the parser cannot read is described by its function name below
  }
  if (references.length > 0) return `it refers to ${references.join(", ")}, which only Terraform knows`;
  const call = wholeCall(text);
  return call ? `it calls ${call.name}(), which the import does not evaluate` : "it is a Terraform expression, which the import does not evaluate";
}

/** `jsonencode()` as Terraform writes it: object keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped (Go's encoder). */
export function terraformJsonEncode(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

function shown(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
}

function join(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}
