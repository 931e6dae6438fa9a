import validateIdentityConfig from "../../schema/validate-identity-config.mjs";
import { API_SCOPES } from "../../handlers/lib/contract/identity.js";
import { suggestion } from "../api-gateway/validation/did-you-mean.js";
import { joinPath, quote, type ProblemCollector } from "../api-gateway/validation/problems.js";
import { checkAgainstSchema, withoutNulls } from "../api-gateway/validation/schema-check.js";
import type { ApplicationModel } from "../application/model.js";
import { FieldReader } from "../application/field-checks.js";
import type { IdentityModel } from "./model.js";

const ROOT = "identity";
/** Scopes Cognito defines for users' tokens, beside the API's. */
export const STANDARD_SCOPES = ["aws.cognito.signin.user.admin", "email", "openid", "phone", "profile"] as const;
const MACHINE_DEFAULT_SCOPES = [...API_SCOPES];
const USER_DEFAULT_SCOPES = ["openid", "email", ...API_SCOPES];
const LOCAL_HOSTS = ["localhost", "127.0.0.1"];

export interface IdentityFacts {
  /** The raw `application` section (its tenant registry keys are the machine clients' tenants). */
  readonly application: unknown;
  /** The checked application, when it has no problems. */
  readonly applicationModel?: ApplicationModel;
}

/**
 * Checks the `identity` section; returns its model, or undefined after recording every problem. Structure comes
 * from the validator generated from the IdentityConfig type; the rules here are the cross-references (tenants of
 * `application.tenants`, scopes the pool defines) and Cognito's rule for redirect URLs.
 */
export function checkIdentityConfig(raw: unknown, facts: IdentityFacts, problems: ProblemCollector): IdentityModel | undefined {
  if (raw === null || raw === undefined) return undefined;
  const before = problems.problems.length;
  for (const p of checkAgainstSchema(raw, validateIdentityConfig, ROOT)) problems.error(p.path, p.message, p.fix);
  const read = new FieldReader();
  const s = read.object(withoutNulls(raw));
  if (!s) return undefined;
  const app = read.object(withoutNulls(facts.application));
  if (!app) {
    problems.error(ROOT, "needs the application section: the pool's tokens are for the bundled API, and its clients for the application's tenants", "add application = { http_api = \"<http_apis key>\", tenants = { ... } }, or remove identity");
    return undefined;
  }
  if (app.authorizer !== undefined) {
    problems.warn(joinPath("application", "authorizer"), "names its own issuer, so the authorizer does not trust the identity section's pool", "remove application.authorizer to wire the authorizer to the pool");
  }
  const tenants = Object.keys(read.object(app.tenants) ?? {}).sort();
  const machineSettings = read.object(s.machine_clients) ?? {};
  for (const key of Object.keys(machineSettings).sort()) {
    if (!tenants.includes(key)) {
      problems.error(joinPath(ROOT, "machine_clients", key), `${quote(key)} is not an application.tenants key`, tenants.length === 0 ? "register the tenant under application.tenants first" : suggestion(key, tenants, "application.tenants keys"));
    }
  }
  const machineClients = tenants.map((tenant) => {
    const settings = read.object(machineSettings[tenant]) ?? {};
    const path = joinPath(ROOT, "machine_clients", tenant, "scopes");
    const scopes = read.stringList(settings.scopes) ?? MACHINE_DEFAULT_SCOPES;
    checkScopes(scopes, API_SCOPES, path, "machine clients (client credentials) carry only the API's scopes", problems);
    return { tenant, scopes, accessTokenMinutes: read.number(settings.access_token_validity_minutes) ?? 60 };
  });
  const userSettings = read.object(s.user_clients) ?? {};
  const userClients = Object.keys(userSettings).sort().map((key) => {
    const c = read.object(userSettings[key]) ?? {};
    const at = joinPath(ROOT, "user_clients", key);
    const callbackUrls = read.stringList(c.callback_urls) ?? [];
    const logoutUrls = read.stringList(c.logout_urls) ?? [];
    callbackUrls.forEach((url, i) => checkRedirectUrl(url, joinPath(at, "callback_urls", String(i)), problems));
    logoutUrls.forEach((url, i) => checkRedirectUrl(url, joinPath(at, "logout_urls", String(i)), problems));
    const scopes = read.stringList(c.scopes) ?? USER_DEFAULT_SCOPES;
    checkScopes(scopes, [...STANDARD_SCOPES, ...API_SCOPES], joinPath(at, "scopes"), "", problems);
    return { key, callbackUrls, logoutUrls, scopes, public: read.boolean(c.public) ?? true, accessTokenMinutes: read.number(c.access_token_validity_minutes) ?? 60 };
  });
  if (machineClients.length === 0 && userClients.length === 0) {
    problems.warn(ROOT, "creates a pool without clients: application.tenants registers no tenant and user_clients is empty", "register tenants under application.tenants, or add user_clients");
  }
  const model = facts.applicationModel;
  if (problems.problems.length > before || !model) return undefined;
  return {
    name: model.name,
    domainPrefix: read.string(s.domain_prefix)!,
    deletionProtection: read.boolean(s.deletion_protection) ?? true,
    machineClients,
    userClients,
    logRetentionDays: model.lambda.logRetentionDays,
    tracing: model.lambda.tracing,
    logLevel: model.lambda.logLevel,
    tags: model.tags,
  };
}

function checkScopes(scopes: readonly string[], defined: readonly string[], path: string, why: string, problems: ProblemCollector): void {
  scopes.forEach((scope, i) => {
    if (defined.includes(scope)) return;
    const hint = suggestion(scope, defined, "defined scopes");
    problems.error(joinPath(path, String(i)), `${quote(scope)} is not a scope this pool defines${why ? ` (${why})` : ""}`, hint);
  });
}

/** Cognito accepts https redirect URLs, and plain http only to localhost for local development. */
function checkRedirectUrl(text: string, path: string, problems: ProblemCollector): void {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const fix = 'use an https:// URL (plain http only to localhost or 127.0.0.1), e.g. "https://app.example.com/callback"';
  if (!url) return problems.error(path, `${quote(text)} is not a URL`, fix);
  if (url.hash !== "") return problems.error(path, `${quote(text)} has a fragment, which Cognito refuses in redirect URLs`, "remove the #... part");
  if (url.protocol === "https:") return;
  if (url.protocol === "http:" && LOCAL_HOSTS.includes(url.hostname)) return;
  problems.error(path, `${quote(text)} is not https: an authorization code sent over plain http can be read on the way`, fix);
}
