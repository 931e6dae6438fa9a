/**
 * Strings as `@cdktf/hcl2json` gives them are Terraform JSON-syntax templates: `${...}` and `%{...}` are
 * expressions and directives, `$${` and `%%{` are a literal `${` and `%{`.
 */

/** Whether the string holds an expression or directive (an unescaped `${` or `%{`). */
export function hasTemplate(text: string): boolean {
  for (let i = 0; i < text.length - 1; i++) {
    const c = text[i];
    if ((c === "$" || c === "%") && text[i + 1] === c && text[i + 2] === "{") i += 2;
    else if ((c === "$" || c === "%") && text[i + 1] === "{") return true;
  }
  return false;
}

/** The literal text of a template without expressions: `$${` becomes `${`, `%%{` becomes `%{`. */
export function literalText(text: string): string {
  return text.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
}

/**
 * The function call a template consists of entirely, `${name(args)}`, or undefined. `args` is the raw argument
 * text; whether it really is one call (and not `${f(a)}-${g(b)}`) is settled by parsing the argument.
 */
export function wholeCall(text: string): { name: string; args: string } | undefined {
  const match = /^\$\{\s*([A-Za-z_][\w:]*)\(([\s\S]*)\)\s*\}$/.exec(text);
  return match ? { name: match[1]!, args: match[2]! } : undefined;
}
