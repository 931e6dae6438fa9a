import validateApplicationConfig from "../../schema/validate-application-config.mjs";
import { suggestion } from "../api-gateway/validation/did-you-mean.js";
import { joinPath, quote, type ProblemCollector } from "../api-gateway/validation/problems.js";
import { checkAgainstSchema, withoutNulls } from "../api-gateway/validation/schema-check.js";
import type { ApplicationHandlerName, RateLimitTier } from "./config.js";
import { FieldReader } from "./field-checks.js";
import { DATA_FUNCTIONS, type ApplicationModel, type FunctionName } from "./model.js";
import { checkSecrets, secretLikeName } from "./check-secrets.js";
import { reservedVariableProblem } from "./reserved-variables.js";
import { checkTenancy } from "./check-tenants.js";
import { mergeTags } from "../api-gateway/common/tags.js";

const ROOT = "application";
const HANDLERS: readonly ApplicationHandlerName[] = ["health", "catalog", "orders"];
const TIERS: readonly RateLimitTier[] = ["basic", "standard", "premium"];
const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;

/** The module inputs the application section relies on, read before the module itself is checked. */
export interface ModuleFacts {
  readonly namePrefix?: unknown;
  readonly httpApis?: unknown;
  readonly restApis?: unknown;
  readonly logRetentionDays?: unknown;
  readonly commonTags?: unknown;
}

/**
 * Checks the `application` section of a tenant environment config; returns its model, or undefined after
 * recording every problem. The structure (keys, types, ranges, patterns) is checked by the validator generated
 * from the ApplicationConfig type; the rules here are the cross-references (the API it names, the module's
 * name_prefix as the default name) and the rules a schema cannot say.
 */
export function checkApplicationConfig(
  raw: unknown,
  facts: ModuleFacts,
  environment: string,
  problems: ProblemCollector,
  options: { readonly identity?: boolean } = {},
): ApplicationModel | undefined {
  // As in module inputs, a value written as null is unset (the schema allows null where a value is optional).
  if (raw === null) return undefined;
  const before = problems.problems.length;
  for (const p of checkAgainstSchema(raw, validateApplicationConfig, ROOT)) problems.error(p.path, p.message, p.fix);
  const section = withoutNulls(raw);
  const read = new FieldReader();
  const s = read.object(section);
  if (!s) return undefined;
  const api = checkApi(s, facts, read, problems);
  const handlers = [...new Set((read.stringList(s.handlers) ?? HANDLERS).filter((h): h is ApplicationHandlerName => (HANDLERS as readonly string[]).includes(h)))];
  const functions: FunctionName[] = [...handlers];
  const needsAuthorizer = handlers.some((h) => DATA_FUNCTIONS.includes(h));
  if (needsAuthorizer) functions.push("authorizer");
  functions.sort();

  const name = checkName(s, facts, problems);
  const authorizer = checkAuthorizer(s.authorizer, needsAuthorizer, read, problems, options.identity ?? false);
  const lambda = checkLambda(s.lambda, facts, read, problems);
  if (api) checkTimeoutAgainstApi(lambda.timeout, api.kind, problems);
  const secrets = checkSecrets(s.secrets, read, problems);
  if (secrets.length > 0 && !needsAuthorizer) problems.warn(joinPath(ROOT, "secrets"), "only catalog and orders read secrets, and neither is deployed", "add them to handlers, or remove secrets");
  const tables = checkTables(s.tables, read);
  const rateLimits = checkRateLimits(s.rate_limits, read);
  const alarms = checkAlarms(s.alarms, read, problems);
  const tenancy = rateLimits ? checkTenancy(s, rateLimits.defaultTier, api?.kind, read, problems) : undefined;
  if (tenancy && !needsAuthorizer) problems.error(joinPath(ROOT, "tenants"), "needs the authorizer, which comes with catalog or orders", "add catalog or orders to handlers, or remove the registry");

  if (problems.problems.length > before || !api || !name) return undefined;
  const tags = read.stringMap(facts.commonTags);
  return {
    api,
    functions,
    name,
    environment,
    authorizer,
    lambda,
    secrets,
    tables: needsAuthorizer ? tables : undefined,
    rateLimits,
    tenancy,
    alarms,
    tags: mergeTags(tags),
    dashboard: read.boolean(s.dashboard) ?? true,
  };
}

/** `name`, or by default the module's name_prefix, which must then fit the same rule (the schema's). */
function checkName(s: Record<string, unknown>, facts: ModuleFacts, problems: ProblemCollector): string | undefined {
  if (s.name !== undefined) return typeof s.name === "string" ? s.name : undefined;
  if (typeof facts.namePrefix !== "string") {
    problems.error(joinPath(ROOT, "name"), "has no default without name_prefix", "set application.name");
    return undefined;
  }
  const [problem] = checkAgainstSchema({ name: facts.namePrefix }, validateApplicationConfig, ROOT);
  if (problem) {
    problems.error(problem.path, `defaults to name_prefix ${quote(facts.namePrefix)}, which does not fit`, `set application.name (${problem.fix ?? "see schema/environment-config.schema.json"})`);
    return undefined;
  }
  return facts.namePrefix;
}

function checkApi(s: Record<string, unknown>, facts: ModuleFacts, read: FieldReader, problems: ProblemCollector): ApplicationModel["api"] | undefined {
  const http = read.string(s.http_api);
  const rest = read.string(s.rest_api);
  if ((http === undefined) === (rest === undefined)) {
    if (s.http_api === undefined && s.rest_api === undefined) problems.error(ROOT, "names no API to mount the handlers on", 'set http_api = "<http_apis key>" or rest_api = "<rest_apis key>"');
    else if (http !== undefined && rest !== undefined) problems.error(ROOT, "names both http_api and rest_api", "mount the handlers on one API: keep one of them");
    return undefined;
  }
  const kind = http !== undefined ? "http" : "rest";
  const key = (http ?? rest)!;
  const apis = kind === "http" ? facts.httpApis : facts.restApis;
  const keys = read.object(apis) ? Object.keys(apis as object) : [];
  const field = kind === "http" ? "http_api" : "rest_api";
  const map = kind === "http" ? "http_apis" : "rest_apis";
  if (!keys.includes(key)) {
    problems.error(joinPath(ROOT, field), `${quote(key)} is not a ${map} key`, suggestion(key, keys, `${map} keys`));
    return undefined;
  }
  // A malformed API entry is the module check's to report; there is nothing to mount on. The same holds for the
  // maps the application adds to: mounting on a malformed one would replace it, and hide its problem.
  const entry = read.object((apis as Record<string, unknown>)[key]);
  const mountedMaps = kind === "http" ? ["routes", "integrations", "lambda_authorizers"] : ["methods", "authorizers"];
  if (!entry || mountedMaps.some((map) => entry[map] !== undefined && entry[map] !== null && !read.object(entry[map]))) return undefined;
  return { kind, key };
}

function checkAuthorizer(value: unknown, needed: boolean, read: FieldReader, problems: ProblemCollector, identity: boolean): ApplicationModel["authorizer"] {
  const path = joinPath(ROOT, "authorizer");
  const a = read.object(value);
  // With an identity section and no authorizer of its own, the authorizer trusts the pool (wired at build time).
  if (!a && identity && value === undefined) return needed ? { issuer: "", audiences: [], resultTtlSeconds: 300, fromIdentity: true } : undefined;
  if (!a) {
    if (needed && value === undefined) {
      problems.error(path, "is required: catalog and orders take tenant and role only from the JWT authorizer", 'set authorizer = { issuer = "https://...", audiences = ["<app client id>"] }, add an identity section, or deploy only handlers = ["health"]');
    }
    return undefined;
  }
  if (!needed) problems.warn(path, "is set but no deployed handler needs it (only catalog and orders do)", "add catalog or orders to handlers, or remove authorizer");
  const model = {
    issuer: read.string(a.issuer) ?? "",
    audiences: read.stringList(a.audiences) ?? [],
    jwksUri: read.string(a.jwks_uri),
    tenantClaim: read.string(a.tenant_claim),
    roleClaim: read.string(a.role_claim),
    maxTokenAgeSeconds: read.number(a.max_token_age_seconds),
    resultTtlSeconds: read.number(a.result_ttl_in_seconds) ?? 300,
  };
  return needed ? model : undefined;
}

function checkLambda(value: unknown, facts: ModuleFacts, read: FieldReader, problems: ProblemCollector): ApplicationModel["lambda"] {
  const path = joinPath(ROOT, "lambda");
  const l = read.object(value) ?? {};
  const moduleRetention = typeof facts.logRetentionDays === "number" ? facts.logRetentionDays : 14;
  const environment = read.stringMap(l.environment_variables);
  for (const key of Object.keys(environment).sort()) {
    const at = joinPath(path, "environment_variables", key);
    if (problems.hasErrorsUnder(at)) continue;
    const problem = reservedVariableProblem(key);
    if (problem) problems.error(at, problem.message, problem.fix);
    const secret = secretLikeName(key);
    const why = "its value would be written into the Terraform JSON and state";
    const fix = `store it in SSM Parameter Store (SecureString) or Secrets Manager and name its ARN under application.secrets.${key}`;
    if (secret === "error") problems.error(at, `looks like a secret: ${why}`, fix);
    else if (secret === "warning") problems.warn(at, `may be a secret: ${why}`, `if it is, ${fix}`);
  }
  return {
    memorySize: read.number(l.memory_size) ?? 256,
    timeout: read.number(l.timeout) ?? 10,
    reservedConcurrency: read.number(l.reserved_concurrent_executions),
    logRetentionDays: read.number(l.log_retention_days) ?? moduleRetention,
    logLevel: read.oneOf(l.log_level, LOG_LEVELS) ?? "info",
    tracing: read.boolean(l.tracing_enabled) ?? true,
    environment: Object.fromEntries(Object.keys(environment).sort().map((k) => [k, environment[k]!])),
  };
}

function checkTables(value: unknown, read: FieldReader): NonNullable<ApplicationModel["tables"]> {
  const t = read.object(value) ?? {};
  return {
    pointInTimeRecovery: read.boolean(t.point_in_time_recovery) ?? true,
    deletionProtection: read.boolean(t.deletion_protection) ?? true,
    kmsKeyArn: read.string(t.kms_key_arn),
  };
}

/** API Gateway stops waiting after 30 s (HTTP) or 29 s (REST); a longer function keeps running, billed, after the 504. */
function checkTimeoutAgainstApi(timeout: number, kind: "http" | "rest", problems: ProblemCollector): void {
  const limit = kind === "http" ? 30 : 29;
  if (timeout > limit) {
    problems.warn(joinPath(ROOT, "lambda", "timeout"), `${timeout} s is longer than a ${kind.toUpperCase()} API waits (${limit} s): callers get a 504 while the function runs on`, `use at most ${limit}`);
  }
}

function checkRateLimits(value: unknown, read: FieldReader): ApplicationModel["rateLimits"] {
  const r = read.object(value) ?? {};
  const tiers = read.object(r.tenant_tiers) ?? {};
  const tenantTiers: Record<string, RateLimitTier> = {};
  for (const tenant of Object.keys(tiers).sort()) {
    const tier = read.oneOf(tiers[tenant], TIERS);
    if (tier) tenantTiers[tenant] = tier;
  }
  return {
    enabled: read.boolean(r.enabled) ?? true,
    defaultTier: read.oneOf(r.default_tier, TIERS) ?? "basic",
    tenantTiers,
  };
}

function checkAlarms(value: unknown, read: FieldReader, problems: ProblemCollector): ApplicationModel["alarms"] {
  const path = joinPath(ROOT, "alarms");
  const a = read.object(value) ?? {};
  if (a.sns_topic_arn !== undefined && a.email_subscriptions !== undefined) {
    problems.error(joinPath(path, "email_subscriptions"), "subscribes to the topic this stack creates, but sns_topic_arn names an existing one", "subscribe the addresses to that topic where it is managed, or drop sns_topic_arn");
  }
  const enabled = read.boolean(a.enabled) ?? true;
  const model = {
    snsTopicArn: read.string(a.sns_topic_arn),
    emails: read.stringList(a.email_subscriptions) ?? [],
    api5xxRatePercent: read.number(a.api_5xx_rate_percent) ?? 5,
    apiLatencyP99Ms: read.number(a.api_latency_p99_ms) ?? 2_500,
    ...alarmDefaults(a, read),
  };
  return enabled ? model : undefined;
}

/** The thresholds beside the 5xx rate and latency; their defaults are written down in handlers/README.md. */
function alarmDefaults(a: Record<string, unknown>, read: FieldReader) {
  return {
    api4xxRatePercent: read.number(a.api_4xx_rate_percent) ?? 10,
    apiThrottledPerMinute: read.number(a.api_throttled_per_minute) ?? 10,
    lambdaDurationPercentOfTimeout: read.number(a.lambda_duration_percent_of_timeout) ?? 80,
    dynamodbThrottlesPerMinute: read.number(a.dynamodb_throttles_per_minute) ?? 0,
  };
}
