// Lambda authorizers run as API Gateway runs them: identity sources read first (a missing one is a 401
// without invoking), the function invoked with the event of its API type and payload version, its answer
// cached for the authorizer's TTL per identity-source values, a REST policy evaluated against each method ARN.
import type { LambdaRunner } from "../functions/lambda-runner.js";
import type { HttpAuthorizerModel } from "../model/http-api-model.js";
import type { RestAuthorizerModel } from "../model/rest-api-model.js";
import type { Clock } from "../throttle/clock.js";
import { evaluatePolicy } from "./iam-policy.js";

export type AuthorizerOutcome =
  | { readonly allow: true; readonly context: Record<string, unknown>; readonly cacheHit: boolean; readonly usageIdentifierKey?: string }
  | {
      readonly allow: false;
      readonly status: 401 | 403 | 500;
      /** REST gateway response type. */
      readonly responseType: "UNAUTHORIZED" | "ACCESS_DENIED" | "AUTHORIZER_CONFIGURATION_ERROR";
      readonly message: string | null;
      readonly cacheHit: boolean;
      readonly detail: string;
    };

const unauthorized = (detail: string, cacheHit = false): AuthorizerOutcome => ({ allow: false, status: 401, responseType: "UNAUTHORIZED", message: "Unauthorized", cacheHit, detail });

export class LambdaAuthorizers {
  private readonly cache = new Map<string, { expires: number; response: any }>();

  constructor(
    private readonly runner: LambdaRunner,
    private readonly clock: Clock,
  ) {}

  /** Cached by identity-source values; an authorizer without identity sources is never cached (AWS requires them for caching). */
  private async answer(key: string | undefined, ttlSeconds: number, invoke: () => Promise<{ ok: boolean; payload: any }>): Promise<{ ok: boolean; payload: any; cacheHit: boolean }> {
    if (key === undefined) ttlSeconds = 0;
    const cached = ttlSeconds > 0 && key !== undefined ? this.cache.get(key) : undefined;
    if (cached && cached.expires > this.clock.now()) return { ok: true, payload: cached.response, cacheHit: true };
    const result = await invoke();
    if (result.ok && ttlSeconds > 0 && key !== undefined) this.cache.set(key, { expires: this.clock.now() + ttlSeconds * 1000, response: result.payload });
    return { ...result, cacheHit: false };
  }

  /** HTTP API: simple responses (`isAuthorized`) or IAM policies; a denial is 403 "Forbidden", a failure 500. */
  async http(authorizer: Extract<HttpAuthorizerModel, { kind: "lambda" }>, identity: readonly (string | undefined)[], routeArn: string, event: () => unknown): Promise<AuthorizerOutcome> {
    if (identity.some((value) => value === undefined)) return unauthorized("identity source missing");
    const fn = authorizer.fn;
    if (!fn) return { allow: false, status: 500, responseType: "AUTHORIZER_CONFIGURATION_ERROR", message: "Internal Server Error", cacheHit: false, detail: `${authorizer.uri} is not built by this stack` };
    const key = identity.length > 0 ? `${authorizer.address}\n${identity.join("\n")}` : undefined;
    const result = await this.answer(key, authorizer.ttlSeconds, () => this.runner.invoke(fn, event()));
    const failure = (detail: string): AuthorizerOutcome => ({ allow: false, status: 500, responseType: "AUTHORIZER_CONFIGURATION_ERROR", message: "Internal Server Error", cacheHit: result.cacheHit, detail });
    if (!result.ok) return failure(`${result.payload?.errorType}: ${result.payload?.errorMessage}`);
    const response = result.payload;
    if (authorizer.payloadVersion === "2.0" && authorizer.simpleResponses) {
      if (typeof response?.isAuthorized !== "boolean") return failure("the response has no boolean isAuthorized");
      if (!response.isAuthorized) return { allow: false, status: 403, responseType: "ACCESS_DENIED", message: "Forbidden", cacheHit: result.cacheHit, detail: "isAuthorized false" };
      return { allow: true, context: { lambda: response.context ?? {} }, cacheHit: result.cacheHit };
    }
    if (!response?.policyDocument) return failure("the response has no policyDocument");
    if (evaluatePolicy(response.policyDocument, routeArn) !== "allow") return { allow: false, status: 403, responseType: "ACCESS_DENIED", message: "Forbidden", cacheHit: result.cacheHit, detail: "policy denies" };
    return { allow: true, context: { lambda: response.context ?? {}, principalId: response.principalId }, cacheHit: result.cacheHit };
  }

  /** REST: TOKEN or REQUEST; a thrown "Unauthorized" is 401, a deny 403, anything else 500 `{"message": null}`. */
  async rest(
    authorizer: Extract<RestAuthorizerModel, { kind: "lambda" }>,
    identity: readonly (string | undefined)[],
    methodArn: string,
    event: () => unknown,
  ): Promise<AuthorizerOutcome> {
    if (identity.length === 0 || identity.some((value) => value === undefined)) return unauthorized("identity source missing");
    if (authorizer.type === "TOKEN" && authorizer.validationExpression && !new RegExp(`^(?:${authorizer.validationExpression})$`).test(identity[0]!)) {
      return unauthorized("token does not match identity_validation_expression");
    }
    const fn = authorizer.fn;
    const configurationError = (detail: string, cacheHit: boolean): AuthorizerOutcome => ({ allow: false, status: 500, responseType: "AUTHORIZER_CONFIGURATION_ERROR", message: null, cacheHit, detail });
    if (!fn) return configurationError(`${authorizer.uri} is not built by this stack`, false);
    const result = await this.answer(`${authorizer.address}\n${identity.join("\n")}`, authorizer.ttlSeconds, () => this.runner.invoke(fn, event()));
    if (!result.ok) {
      if (result.payload?.errorMessage === "Unauthorized") return unauthorized("the authorizer answered Unauthorized");
      return configurationError(`${result.payload?.errorType}: ${result.payload?.errorMessage}`, false);
    }
    const response = result.payload;
    if (typeof response?.principalId !== "string" || !response.policyDocument) return configurationError("the response lacks principalId or policyDocument", result.cacheHit);
    const decision = evaluatePolicy(response.policyDocument, methodArn);
    if (decision === "explicit-deny") return { allow: false, status: 403, responseType: "ACCESS_DENIED", message: "User is not authorized to access this resource with an explicit deny", cacheHit: result.cacheHit, detail: "explicit deny" };
    if (decision === "implicit-deny") return { allow: false, status: 403, responseType: "ACCESS_DENIED", message: "User is not authorized to access this resource", cacheHit: result.cacheHit, detail: "no Allow for this method" };
    const context = Object.fromEntries(Object.entries((response.context ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : v]));
    const usageIdentifierKey = typeof response.usageIdentifierKey === "string" ? response.usageIdentifierKey : undefined;
    return { allow: true, context: { ...context, principalId: response.principalId }, cacheHit: result.cacheHit, usageIdentifierKey };
  }
}
