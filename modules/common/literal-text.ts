import { Aspects, TerraformElement, type IAspect } from "cdktf";
import type { IConstruct } from "constructs";

/**
 * Terraform reads every string in a `.tf.json` file as a template: `${...}` is evaluated and `%{...}` is a
 * directive. Config values are data, as a module variable's value is in HCL, so every string that is not a
 * cdktf token is written with `${` as `$${` and `%{` as `%%{`, which Terraform turns back into the text.
 *
 * Tokens stay live: references the product creates (attribute tokens, TerraformExpression) and tokens a
 * library user passes in from their own constructs.
 */
const TOKEN = /\$\{TfToken\[[^\]]*\]\}/g;
const TEMPLATE_START = /([$%])\{/g;

/** The text with its template sequences escaped, the cdktf tokens in it left as they are. */
export function literalString(text: string): string {
  if (!text.includes("{")) return text;
  let out = "";
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    out += escapeTemplates(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeTemplates(text.slice(last));
}

function escapeTemplates(text: string): string {
  return text.replace(TEMPLATE_START, "$1$1{");
}

/**
 * A copy of `value` with every string and object key made literal. Resolvables (tokens, expressions) and class
 * instances other than plain objects are kept as they are.
 */
export function literalValue(value: unknown): unknown {
  if (typeof value === "string") return literalString(value);
  if (Array.isArray(value)) return value.map(literalValue);
  if (value === null || typeof value !== "object" || !isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) out[literalString(key)] = literalValue(child);
  return out;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const wrapped = new WeakSet<object>();

/**
 * Makes the synthesized JSON of every Terraform element (resource, data source, provider, backend, output) under
 * a construct literal. It wraps each element's `toTerraform`, whose result still holds tokens unresolved; the
 * stack resolves them afterwards, so references stay live.
 */
class LiteralText implements IAspect {
  visit(node: IConstruct): void {
    if (!TerraformElement.isTerraformElement(node) || wrapped.has(node)) return;
    wrapped.add(node);
    const toTerraform = node.toTerraform.bind(node);
    node.toTerraform = () => literalValue(toTerraform());
  }
}

/** Writes every string under `scope` into Terraform as literal text; safe to apply to nested scopes twice. */
export function writeStringsLiterally(scope: IConstruct): void {
  Aspects.of(scope).add(new LiteralText());
}
