import type { LambdaFunctionRef } from "../common/lambda-arn.js";
import { isToken } from "../common/lambda-arn.js";
import { resolveLambdaUri } from "../common/lambda-uri.js";
import type { RestApiConfig } from "../config/rest-api.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { joinPath, quote } from "../validation/problems.js";
import type { RestAuthorizerModel } from "./rest-model.js";

const DEFAULT_IDENTITY_SOURCE = "method.request.header.Authorization";
const USER_POOL_ARN = /^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/[a-z0-9-]+_[A-Za-z0-9]+$/;
const TOKEN_SOURCE = /^method\.request\.header\.[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const REQUEST_SOURCE = /^(method\.request\.(header|querystring|multivalueheader|multivaluequerystring)\.[^,\s]+|stageVariables\.[A-Za-z0-9_]+|context\.[A-Za-z0-9_.]+)$/;

/** TOKEN, REQUEST and Cognito authorizers of a REST API, and the functions the Lambda ones invoke. */
export function normalizeRestAuthorizers(api: RestApiConfig, path: string, ctx: NormalizeContext): { authorizers: RestAuthorizerModel[]; functions: LambdaFunctionRef[] } {
  const functions: LambdaFunctionRef[] = [];
  const authorizers = sortedEntries(api.authorizers).flatMap(([key, authorizer]): RestAuthorizerModel[] => {
    const at = joinPath(path, "authorizers", key);
    const name = authorizer.name ?? key;
    const type = authorizer.type ?? "TOKEN";
    const ttl = authorizer.authorizer_result_ttl_in_seconds ?? 300;
    const identitySource = authorizer.identity_source ?? DEFAULT_IDENTITY_SOURCE;
    if (name.length > 128) ctx.problems.error(joinPath(at, "name"), `has ${name.length} characters`, "use at most 128");

    if (type === "COGNITO_USER_POOLS") {
      if (authorizer.authorizer_uri !== undefined) {
        ctx.problems.error(joinPath(at, "authorizer_uri"), "is for Lambda authorizers; a COGNITO_USER_POOLS authorizer checks tokens itself", 'remove it, or set type = "TOKEN" or "REQUEST"');
      }
      const arns = authorizer.provider_arns ?? [];
      if (arns.length === 0) ctx.problems.error(joinPath(at, "provider_arns"), "is required for a COGNITO_USER_POOLS authorizer", "list the user pool ARNs (arn:aws:cognito-idp:<region>:<account>:userpool/<pool id>)");
      for (const [i, arn] of arns.entries()) {
        if (!isToken(arn) && !USER_POOL_ARN.test(arn)) {
          ctx.problems.error(joinPath(at, "provider_arns", String(i)), `${quote(arn)} is not a Cognito user pool ARN`, "use arn:aws:cognito-idp:<region>:<account>:userpool/<region>_<id>");
        }
      }
      if (!TOKEN_SOURCE.test(identitySource)) {
        ctx.problems.error(joinPath(at, "identity_source"), `${quote(identitySource)} is not a request header`, `use ${DEFAULT_IDENTITY_SOURCE}`);
      }
      return [{ kind: "cognito", type, key, name, providerArns: arns, resultTtlInSeconds: ttl, identitySource }];
    }

    if (authorizer.provider_arns !== undefined) {
      ctx.problems.error(joinPath(at, "provider_arns"), `are for COGNITO_USER_POOLS authorizers, and this one is ${quote(type)}`, 'remove them, or set type = "COGNITO_USER_POOLS"');
    }
    if (type === "REQUEST" && authorizer.identity_validation_expression !== undefined) {
      ctx.problems.error(joinPath(at, "identity_validation_expression"), "applies to TOKEN authorizers only", 'remove it, or set type = "TOKEN"');
    }
    const sources = identitySource.split(",").map((s) => s.trim());
    if (type === "TOKEN" && (sources.length !== 1 || !TOKEN_SOURCE.test(identitySource))) {
      ctx.problems.error(joinPath(at, "identity_source"), `${quote(identitySource)}: a TOKEN authorizer reads one request header`, `use ${DEFAULT_IDENTITY_SOURCE}`);
    }
    if (type === "REQUEST") {
      const bad = sources.filter((s) => !REQUEST_SOURCE.test(s));
      if (bad.length > 0) {
        ctx.problems.error(joinPath(at, "identity_source"), `${bad.map(quote).join(", ")} ${bad.length === 1 ? "is not an identity source" : "are not identity sources"}`, "use method.request.header.<name>, method.request.querystring.<name>, stageVariables.<name> or context.<name>, comma-separated");
      }
    }
    if (authorizer.authorizer_uri === undefined) {
      ctx.problems.error(joinPath(at, "authorizer_uri"), `is required for a ${type} authorizer`, "give the Lambda function ARN");
      return [];
    }
    const resolved = resolveLambdaUri(authorizer.authorizer_uri, joinPath(at, "authorizer_uri"), ctx.problems);
    if (resolved.fn && authorizer.authorizer_credentials === undefined) functions.push(resolved.fn);
    return [
      {
        kind: "lambda",
        type,
        key,
        name,
        uri: resolved.uri,
        credentials: authorizer.authorizer_credentials,
        resultTtlInSeconds: ttl,
        identitySource: sources.join(","),
        identityValidationExpression: authorizer.identity_validation_expression,
      },
    ];
  });
  return { authorizers, functions };
}

/** The request values that identify a caller of a method, as cache key parameters would name them. */
export function identityKeysOf(authorizer: RestAuthorizerModel | undefined): string[] {
  if (!authorizer) return [DEFAULT_IDENTITY_SOURCE];
  return authorizer.identitySource
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.startsWith("method.request."));
}
