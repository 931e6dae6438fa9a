import { terraformJsonEncode } from "../../stacks/hcl/hcl-values.js";

/**
 * Writes config values as HCL, the way a person writes a module block: identifiers bare, other keys quoted,
 * literal `${`/`%{` escaped, and strings that hold a JSON document as `jsonencode(...)` of that document.
 */
export function moduleBlock(name: string, source: string, inputs: Record<string, unknown>): string {
  const body = Object.entries(inputs).map(([k, v]) => `  ${key(k)} = ${hcl(v, "  ")}`);
  return `module "${name}" {\n  source = "${source}"\n\n${body.join("\n")}\n}\n`;
}

export function tfvars(inputs: Record<string, unknown>): string {
  return `${Object.entries(inputs).map(([k, v]) => `${key(k)} = ${hcl(v, "")}`).join("\n")}\n`;
}

function hcl(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[\n${value.map((v) => `${inner}${hcl(v, inner)},`).join("\n")}\n${indent}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    return entries.length === 0 ? "{}" : `{\n${entries.map(([k, v]) => `${inner}${key(k)} = ${hcl(v, inner)}`).join("\n")}\n${indent}}`;
  }
  if (typeof value === "string") {
    const document = jsonDocument(value);
    return document === undefined ? quoted(value) : `jsonencode(${hcl(document, indent)})`;
  }
  return JSON.stringify(value);
}

function key(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? name : quoted(name);
}

function quoted(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}

/** The JSON object or array a string holds, if it holds one. */
export function jsonDocument(text: string): object | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === "object" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A config as Terraform sees the HCL it was transcribed from: every JSON document string as `jsonencode` writes it
 * (keys sorted). The `.tfvars.json` transcriptions kept the HCL's key order, which `jsonencode` never produces.
 */
export function asJsonencodeWrites(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asJsonencodeWrites);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asJsonencodeWrites(v)]));
  if (typeof value === "string") {
    const document = jsonDocument(value);
    return document === undefined ? value : terraformJsonEncode(document);
  }
  return value;
}
