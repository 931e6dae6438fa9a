// Strings in synthesized Terraform JSON are templates: `${a.b.c}` is a live reference, while the product
// writes literal config text escaped (`$${` for a literal `${`, `%%{` for `%{`). Reading a value back as
// Terraform would means substituting references and unescaping everything else.

/** A resource attribute reference, `${<type>.<name>.<attribute>}`. */
export interface Reference {
  readonly type: string;
  readonly name: string;
  readonly attribute: string;
}

const REFERENCE = /^([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)\.([a-z_][a-z0-9_]*)$/;

/** The reference when `text` is exactly one `${type.name.attribute}`, else undefined. */
export function wholeReference(text: unknown): Reference | undefined {
  if (typeof text !== "string" || !text.startsWith("${") || !text.endsWith("}")) return undefined;
  const inner = text.slice(2, -1);
  if (inner.includes("${")) return undefined;
  return parseReference(inner);
}

export function parseReference(expression: string): Reference | undefined {
  const match = REFERENCE.exec(expression.trim());
  return match ? { type: match[1]!, name: match[2]!, attribute: match[3]! } : undefined;
}

export class UnresolvableReference extends Error {
  override name = "UnresolvableReference";
  constructor(readonly expression: string) {
    super(`\${${expression}} has no local stand-in`);
  }
}

/**
 * Renders a Terraform template string: `$${` -> `${`, `%%{` -> `%{`, and each `${expr}` replaced by
 * `resolve(expr)` (which throws UnresolvableReference for what it cannot give). `%{` directives are not
 * something the product writes live; they are refused like an unknown reference.
 */
export function renderTemplate(text: string, resolve: (reference: Reference, expression: string) => string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("$${", i)) {
      out += "${";
      i += 3;
    } else if (text.startsWith("%%{", i)) {
      out += "%{";
      i += 3;
    } else if (text.startsWith("${", i) || text.startsWith("%{", i)) {
      const end = text.indexOf("}", i + 2);
      const expression = end === -1 ? text.slice(i + 2) : text.slice(i + 2, end);
      const reference = text[i] === "$" ? parseReference(expression) : undefined;
      if (!reference || end === -1) throw new UnresolvableReference(expression);
      out += resolve(reference, expression);
      i = end + 1;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** A literal (reference-free) Terraform string as the value it stands for. */
export function literalText(text: string): string {
  return renderTemplate(text, (_, expression) => {
    throw new UnresolvableReference(expression);
  });
}
