// What the authorizer answers. HTTP API simple responses; REST IAM policies whose Allow is wildcarded to
// the API and stage (`arn:...:<apiId>/<stage>/*/*`), because API Gateway caches the policy per token and
// reuses it for every route: a policy naming only the first method would deny the others. Route-level
// decisions are the application's (handlers/lib/auth/roles.ts).
import type { AccessContext } from "./access-claims.js";
import { GRANT_CONTEXT_KEY } from "../contract/identity.js";

export interface HttpSimpleResponse {
  isAuthorized: boolean;
  context?: Record<string, string>;
}

export interface RestPolicyResponse {
  principalId: string;
  policyDocument: { Version: "2012-10-17"; Statement: { Action: "execute-api:Invoke"; Effect: "Allow"; Resource: string }[] };
  context: Record<string, string>;
  /** The tenant's API key value: API Gateway meters and throttles the request under its usage plan. */
  usageIdentifierKey?: string;
}

const METHOD_ARN = /^(arn:aws[a-z-]*:execute-api:[a-z0-9-]+:\d{12}:[A-Za-z0-9]+)\/([A-Za-z0-9_-]+)\/[A-Z*]+\/.*$/;

export function contextOf(access: AccessContext): Record<string, string> {
  return { tenantId: access.tenantId, role: access.role, sub: access.sub, scope: access.scope, [GRANT_CONTEXT_KEY]: access.grant };
}

export function httpAllow(access: AccessContext): HttpSimpleResponse {
  return { isAuthorized: true, context: contextOf(access) };
}

export function httpDeny(): HttpSimpleResponse {
  return { isAuthorized: false };
}

/** `arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/*\/*`, or undefined for a malformed method ARN. */
export function apiStageWildcard(methodArn: string): string | undefined {
  const match = METHOD_ARN.exec(methodArn);
  return match === null ? undefined : `${match[1]}/${match[2]}/*/*`;
}

export function restAllow(resource: string, access: AccessContext, usageIdentifierKey?: string): RestPolicyResponse {
  return {
    principalId: access.sub,
    policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: resource }] },
    context: contextOf(access),
    ...(usageIdentifierKey === undefined ? {} : { usageIdentifierKey }),
  };
}
