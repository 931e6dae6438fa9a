import type { ProblemCollector } from "../validation/problems.js";
import { quote } from "../validation/problems.js";
import { invokeUriOf, isToken, lambdaFunctionOf, looksLikeLambda, type LambdaFunctionRef } from "./lambda-arn.js";

/**
 * Resolves a URI that should name a Lambda function: a function ARN becomes its invoke URI, an invoke URI
 * stays. `fn` is the function to grant invoke permission on; undefined for tokens (the user's own wiring).
 */
export function resolveLambdaUri(uri: string, path: string, problems: ProblemCollector): { uri: string; fn?: LambdaFunctionRef } {
  if (isToken(uri)) return { uri };
  const fn = lambdaFunctionOf(uri);
  if (fn) return { uri: invokeUriOf(fn), fn };
  problems.error(
    path,
    looksLikeLambda(uri) ? `${quote(uri)} is not a valid Lambda function ARN` : `${quote(uri)} is not a Lambda function ARN or invoke URI`,
    "use arn:aws:lambda:<region>:<12-digit account>:function:<name>[:alias]",
  );
  return { uri };
}
