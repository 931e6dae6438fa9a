import { isToken, type LambdaFunctionRef } from "../common/lambda-arn.js";
import { resolveLambdaUri } from "../common/lambda-uri.js";
import type { HttpApiConfig } from "../config/http-api.js";
import type { HttpAuthorizerModel } from "../model.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { joinPath, quote } from "../validation/problems.js";

const DEFAULT_IDENTITY_SOURCES = ["$request.header.Authorization"];

function checkName(name: string, path: string, ctx: NormalizeContext): void {
  if (name.length > 128) ctx.problems.error(path, `authorizer name has ${name.length} characters`, "use at most 128");
}

/** JWT and Lambda authorizers of an HTTP API, and the functions the Lambda ones invoke. */
export function normalizeHttpAuthorizers(api: HttpApiConfig, path: string, ctx: NormalizeContext): { authorizers: HttpAuthorizerModel[]; functions: LambdaFunctionRef[] } {
  const authorizers: HttpAuthorizerModel[] = [];
  const functions: LambdaFunctionRef[] = [];
  for (const [key, jwt] of sortedEntries(api.jwt_authorizers)) {
    const at = joinPath(path, "jwt_authorizers", key);
    const name = jwt.name ?? key;
    checkName(name, joinPath(at, "name"), ctx);
    if (!jwt.issuer.startsWith("https://") && !isToken(jwt.issuer)) {
      ctx.problems.error(joinPath(at, "issuer"), `${quote(jwt.issuer)} is not an https URL`, "API Gateway fetches the issuer's JWKS over https; use https://<issuer host>/...");
    }
    if (jwt.audience.length === 0) ctx.problems.error(joinPath(at, "audience"), "is empty", "list at least one audience (for Cognito, an app client id)");
    authorizers.push({ kind: "jwt", key, name, audience: jwt.audience, issuer: jwt.issuer, identitySources: jwt.identity_sources ?? DEFAULT_IDENTITY_SOURCES });
  }
  for (const [key, lambda] of sortedEntries(api.lambda_authorizers)) {
    const at = joinPath(path, "lambda_authorizers", key);
    const name = lambda.name ?? key;
    checkName(name, joinPath(at, "name"), ctx);
    if (api.jwt_authorizers?.[key]) {
      ctx.problems.error(at, `${quote(key)} is also a jwt_authorizers key, so a route's authorizer_id would be ambiguous`, "rename one of them");
    }
    const resolved = resolveLambdaUri(lambda.authorizer_uri, joinPath(at, "authorizer_uri"), ctx.problems);
    if (resolved.fn && lambda.authorizer_credentials_arn === undefined) functions.push(resolved.fn);
    const payloadFormatVersion = lambda.authorizer_payload_format_version ?? "2.0";
    const enableSimpleResponses = lambda.enable_simple_responses ?? false;
    if (enableSimpleResponses && payloadFormatVersion !== "2.0") {
      ctx.problems.error(joinPath(at, "enable_simple_responses"), "simple responses need payload format 2.0", 'set authorizer_payload_format_version = "2.0", or enable_simple_responses = false');
    }
    const identitySources = lambda.identity_sources ?? DEFAULT_IDENTITY_SOURCES;
    const resultTtlInSeconds = lambda.authorizer_result_ttl_in_seconds ?? 300;
    if (resultTtlInSeconds > 0 && identitySources.length === 0) {
      ctx.problems.error(joinPath(at, "identity_sources"), "is empty, but caching needs an identity source as its key", "name an identity source, or set authorizer_result_ttl_in_seconds = 0");
    }
    authorizers.push({
      kind: "lambda",
      key,
      name,
      uri: resolved.uri,
      credentialsArn: lambda.authorizer_credentials_arn,
      identitySources,
      payloadFormatVersion,
      resultTtlInSeconds,
      enableSimpleResponses,
    });
  }
  return { authorizers, functions };
}
