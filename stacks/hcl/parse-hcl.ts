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

/** A parser error as `line <n>: <what>` (the first diagnostic), without the file name and the Go wrapper text. */
export function hclErrorMessage(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/^parse config:\s*\[?/, "").replace(/\]\s*$/, "");
  const diagnostic = /^.*?:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^]*?)(?= \S+:\d+,\d+|$)/.exec(text);
  return (diagnostic ? `line ${diagnostic[1]}: ${diagnostic[2]}` : text).split("\n")[0]!.trim();
}
