// What an integration does locally: invoke a function of the stack, forward to a loopback URL, answer from a
// MOCK template, or nothing (a 501 naming it).
import type { LocalFunction } from "../functions/local-functions.js";
import type { StackResources } from "../stack/stack-resources.js";
import { wholeReference } from "../stack/terraform-text.js";
import { text } from "./fields.js";

export interface MockResponse {
  readonly statusCode: string;
  readonly selectionPattern: string | undefined;
  readonly parameters: Readonly<Record<string, string>>;
  readonly templates: Readonly<Record<string, string>>;
}

export type IntegrationModel =
  | {
      readonly kind: "lambda";
      /** Undefined when the URI names a function this stack does not build. */
      readonly fn: LocalFunction | undefined;
      readonly uri: string;
      readonly payloadVersion: "1.0" | "2.0";
      readonly timeoutMs: number;
    }
  | { readonly kind: "http-proxy"; readonly uri: string; readonly method: string; readonly timeoutMs: number }
  | { readonly kind: "mock"; readonly requestTemplates: Readonly<Record<string, string>>; readonly responses: readonly MockResponse[] }
  | { readonly kind: "unsupported"; readonly description: string };

/** The stack's function an integration URI points at: by reference, or by the function name in a literal ARN. */
export function functionOfUri(stack: StackResources, functions: ReadonlyMap<string, LocalFunction>, uri: unknown): LocalFunction | undefined {
  const reference = wholeReference(uri);
  if (reference?.type === "aws_lambda_function") return functions.get(`aws_lambda_function.${reference.name}`);
  if (reference) return undefined;
  const name = /:function:([^:/]+)/.exec(text(stack, uri) ?? "")?.[1];
  return [...functions.values()].find((fn) => fn.functionName === name);
}

export function lambdaIntegration(
  stack: StackResources,
  functions: ReadonlyMap<string, LocalFunction>,
  uri: unknown,
  payloadVersion: "1.0" | "2.0",
  timeoutMs: number,
): IntegrationModel {
  const fn = functionOfUri(stack, functions, uri);
  const reference = wholeReference(uri);
  const shown = reference ? `${reference.type}.${reference.name}` : (text(stack, uri) ?? "");
  return { kind: "lambda", fn, uri: shown, payloadVersion, timeoutMs };
}
