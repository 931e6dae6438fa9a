/**
 * HCL text to the JSON form Terraform itself uses for `.tf.json` files, by `@cdktf/hcl2json` (HashiCorp's HCL
 * parser compiled to WebAssembly; offline). Literal strings keep Terraform's JSON escapes (`$${` for a literal
 * `${`), and every expression comes back as a `${...}` template string: `hcl-values.ts` turns both into values.
 * The first call loads the WebAssembly module (~1.5 s); later ones take tens of milliseconds.
 */
export async function parseHcl(fileName: string, text: string): Promise<Record<string, unknown>> {
  const { parse } = await import("@cdktf/hcl2json");
  return (await parse(fileName, text)) as Record<string, unknown>;
}

/** The first line of a parser error, without the Go wrapper text. */
export function hclErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^.*?error:\s*/i, "").split("\n")[0]!.trim();
}
