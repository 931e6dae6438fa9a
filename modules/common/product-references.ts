/**
 * How references to resources the product creates (`aws_lambda_function.app__orders.invoke_arn`) are written into
 * module inputs before the module checks them, and read back as expressions where a hash must not depend on a
 * token's number (deployment triggers).
 *
 * The checks pass any cdktf token through unchecked, so checking a config needs no live token; and checking alone
 * (`cdktf-apigateway validate`) must not load cdktf, which is most of a validate's time. So the live form (cdktf
 * tokens, terraform-expression.ts) is installed by the code that builds resources: terraform-expression.ts installs
 * it when loaded, and every program that builds a stack loads it. Until then a reference is written in check
 * form: text the checks read as a token, under a key cdktf never issues, which cdktf refuses by name if it ever
 * reaches a synth.
 */
export interface ProductReferences {
  /** The reference to `expression`, as a string a config value can hold. */
  write(expression: string): string;
  /** The text with the references in it written as their expressions. */
  written(text: string): string;
}

export const CHECK_ONLY_KEY = "CHECK_ONLY";

const checkOnly: ProductReferences = {
  write: (expression) => `\${TfToken[${CHECK_ONLY_KEY}.${expression.replace(/[^\w.:-]/g, "_")}]}`,
  // Check-form references are the same text for the same expression: nothing to rewrite.
  written: (text) => text,
};

let current: ProductReferences = checkOnly;

/** Called once, by terraform-expression.ts when it is loaded. */
export function useLiveReferences(live: ProductReferences): void {
  current = live;
}

export function writeReference(expression: string): string {
  return current.write(expression);
}

export function withReferencesWritten(text: string): string {
  return current.written(text);
}
