import { Token, Tokenization, type IResolvable } from "cdktf";
import { useLiveReferences } from "./product-references.js";

/**
 * A Terraform expression the product writes itself (`aws_x.name.attr`, `null`, a `for` expression), kept live
 * while every plain string around it is written as literal text (see literal-text.ts).
 *
 * It resolves to `${<expression>}` without the stack trace cdktf captures for each attribute token: outputs of a
 * thousand APIs hold tens of thousands of references (measured: ~70 MB and ~1.5 s of a 1,000-API synth when
 * they were attribute tokens).
 */
export class TerraformExpression implements IResolvable {
  readonly creationStack: string[] = [];

  constructor(readonly expression: string) {}

  resolve(): string {
    return `\${${this.expression}}`;
  }

  /** A string token, for attributes typed as strings. */
  toString(): string {
    return Token.asString(this);
  }
}

/** A live Terraform expression where an attribute takes any value (outputs, maps). */
export function terraformExpression(expression: string): IResolvable {
  return new TerraformExpression(expression);
}

/** A live Terraform expression where an attribute is typed as a string. */
export function terraformExpressionString(expression: string): string {
  return Token.asString(new TerraformExpression(expression));
}

/** Terraform's `null`: cdktf cannot synthesize a null output value, but passes this expression through. */
export const TERRAFORM_NULL: IResolvable = terraformExpression("null");

const TOKEN = /\$\{TfToken\[[^\]]*\]\}/g;

/**
 * The text with each TerraformExpression token written as its expression. A token's number depends on how many
 * tokens the process made before it, so a hash of a config that holds product references (a deployment trigger)
 * must read them this way to stay the same from one synth to the next.
 */
export function withExpressionsWritten(text: string): string {
  if (!text.includes("${TfToken[")) return text;
  return text.replace(TOKEN, (token) => {
    const resolvable = Tokenization.reverseString(token).firstToken;
    return resolvable instanceof TerraformExpression ? resolvable.resolve() : token;
  });
}

// From here on, references the product writes into module inputs are live (see product-references.ts).
useLiveReferences({ write: terraformExpressionString, written: withExpressionsWritten });
