import { LOG_RETENTION_DAYS, nearestRetention } from "../api-gateway/common/log-retention.js";
import { suggestion } from "../api-gateway/validation/did-you-mean.js";
import { joinPath, listOrNone, quote, type ProblemCollector } from "../api-gateway/validation/problems.js";
import type { ApplicationHandlerName, RateLimitTier } from "./config.js";
import { FieldReader } from "./field-checks.js";
import { DATA_FUNCTIONS, type ApplicationModel, type FunctionName } from "./model.js";
import { checkSecrets, secretLikeName } from "./check-secrets.js";
import { reservedVariableProblem } from "./reserved-variables.js";
import { mergeTags } from "../api-gateway/common/tags.js";

const ROOT = "application";
const HANDLERS: readonly ApplicationHandlerName[] = ["health", "catalog", "orders"];
const TIERS: readonly RateLimitTier[] = ["basic", "standard", "premium"];
const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
const NAME = { pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, fix: "use at most 40 letters, digits, - and _ (function, role and table names are built from it)" };
const HTTPS_URL = { pattern: /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, fix: "use an https:// URL, e.g. https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123" };
const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const EMAIL = { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, fix: "use an e-mail address" };
const SNS_TOPIC_ARN = { pattern: /^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, fix: "use arn:aws:sns:<region>:<account>:<topic>" };
const KMS_KEY_ARN = { pattern: /^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/, fix: "use arn:aws:kms:<region>:<account>:key/<key id>" };

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
 * recording every problem. Cross-checks the API it names against the module inputs.
 */
export function checkApplicationConfig(raw: unknown, facts: ModuleFacts, environment: string, problems: ProblemCollector): ApplicationModel | undefined {
  const before = problems.problems.length;
  const read = new FieldReader(problems);
  const section = read.object(raw, ROOT, ["http_api", "rest_api", "handlers", "name", "authorizer", "lambda", "secrets", "tables", "rate_limits", "alarms", "dashboard"]);
  if (!section) {
    if (raw === null || typeof raw !== "object") return undefined;
  }
  const s = section ?? {};
  const api = checkApi(s, facts, read, problems);
  const handlers = checkHandlers(s.handlers, read, problems);
  const functions: FunctionName[] = [...handlers];
  const needsAuthorizer = handlers.some((h) => DATA_FUNCTIONS.includes(h));
  if (needsAuthorizer) functions.push("authorizer");
  functions.sort();

  const nameDefault = typeof facts.namePrefix === "string" ? facts.namePrefix : undefined;
  const name = read.string(s.name ?? nameDefault, joinPath(ROOT, "name"), {
    pattern: NAME.pattern,
    fix: s.name === undefined ? `the default, name_prefix, does not fit; set application.name (${NAME.fix.slice(4)})` : NAME.fix,
  });
  if (s.name === undefined && nameDefault === undefined) problems.error(joinPath(ROOT, "name"), "has no default without name_prefix", "set application.name");

  const authorizer = checkAuthorizer(s.authorizer, needsAuthorizer, read, problems);
  const lambda = checkLambda(s.lambda, facts, read, problems);
  if (lambda && api) checkTimeoutAgainstApi(lambda.timeout, api.kind, problems);
  const secrets = checkSecrets(s.secrets, read, problems);
  if (secrets.length > 0 && !needsAuthorizer) problems.warn(joinPath(ROOT, "secrets"), "only catalog and orders read secrets, and neither is deployed", "add them to handlers, or remove secrets");
  const tables = checkTables(s.tables, read);
  const rateLimits = checkRateLimits(s.rate_limits, read, problems);
  const alarms = checkAlarms(s.alarms, read, problems);

  if (problems.problems.length > before || !api || !name || !lambda || !rateLimits) return undefined;
  const tags = read.stringMap(facts.commonTags, "common_tags") ?? {};
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
    alarms,
    tags: mergeTags(tags),
    dashboard: read.boolean(s.dashboard, joinPath(ROOT, "dashboard")) ?? true,
  };
}

function checkApi(s: Record<string, unknown>, facts: ModuleFacts, read: FieldReader, problems: ProblemCollector): ApplicationModel["api"] | undefined {
  const http = read.string(s.http_api, joinPath(ROOT, "http_api"));
  const rest = read.string(s.rest_api, joinPath(ROOT, "rest_api"));
  if ((http === undefined) === (rest === undefined)) {
    if (s.http_api === undefined && s.rest_api === undefined) problems.error(ROOT, "names no API to mount the handlers on", 'set http_api = "<http_apis key>" or rest_api = "<rest_apis key>"');
    else if (http !== undefined && rest !== undefined) problems.error(ROOT, "names both http_api and rest_api", "mount the handlers on one API: keep one of them");
    return undefined;
  }
  const kind = http !== undefined ? "http" : "rest";
  const key = (http ?? rest)!;
  const apis = kind === "http" ? facts.httpApis : facts.restApis;
  const keys = apis !== null && typeof apis === "object" ? Object.keys(apis) : [];
  const field = kind === "http" ? "http_api" : "rest_api";
  const map = kind === "http" ? "http_apis" : "rest_apis";
  if (!keys.includes(key)) {
    problems.error(joinPath(ROOT, field), `${quote(key)} is not a ${map} key`, suggestion(key, keys, `${map} keys`));
    return undefined;
  }
  const api = (apis as Record<string, unknown>)[key];
  // A malformed API entry is the module check's to report; there is nothing to mount on.
  if (api === null || typeof api !== "object" || Array.isArray(api)) return undefined;
  return { kind, key };
}

function checkHandlers(value: unknown, read: FieldReader, problems: ProblemCollector): ApplicationHandlerName[] {
  const path = joinPath(ROOT, "handlers");
  if (value === undefined || value === null) return [...HANDLERS];
  if (!Array.isArray(value) || value.length === 0) {
    problems.error(path, `must be a non-empty list, got ${quote(value)}`, `choose from ${HANDLERS.join(", ")}, or leave it out for all of them`);
    return [];
  }
  const names = value.map((v, i) => read.oneOf(v, `${path}[${i}]`, HANDLERS)).filter((v): v is ApplicationHandlerName => v !== undefined);
  const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
  if (duplicates.length > 0) problems.error(path, `lists ${listOrNone([...new Set(duplicates)])} more than once`, "list each handler once");
  return [...new Set(names)];
}

function checkAuthorizer(value: unknown, needed: boolean, read: FieldReader, problems: ProblemCollector): ApplicationModel["authorizer"] {
  const path = joinPath(ROOT, "authorizer");
  const a = read.object(value, path, ["issuer", "audiences", "jwks_uri", "tenant_claim", "role_claim", "max_token_age_seconds", "result_ttl_in_seconds"]);
  if (!a) {
    if (needed && value === undefined) {
      problems.error(path, "is required: catalog and orders take tenant and role only from the JWT authorizer", 'set authorizer = { issuer = "https://...", audiences = ["<app client id>"] }, or deploy only handlers = ["health"]');
    }
    return undefined;
  }
  if (!needed) problems.warn(path, "is set but no deployed handler needs it (only catalog and orders do)", "add catalog or orders to handlers, or remove authorizer");
  const issuer = read.string(a.issuer, joinPath(path, "issuer"), HTTPS_URL);
  if (a.issuer === undefined) problems.error(joinPath(path, "issuer"), "is required", HTTPS_URL.fix);
  const audiences = read.stringList(a.audiences, joinPath(path, "audiences"));
  if (audiences === undefined || audiences.length === 0) {
    if (a.audiences === undefined || audiences?.length === 0) problems.error(joinPath(path, "audiences"), "must list at least one audience", 'list the accepted aud values or Cognito app client ids, e.g. ["4example0client0id"]');
  } else if (audiences.some((aud) => aud.includes(","))) {
    problems.error(joinPath(path, "audiences"), "an audience contains a comma, which JWT_AUDIENCE uses as separator", "list each audience as its own entry");
  }
  const claim = { pattern: /^[A-Za-z0-9:_.-]{1,128}$/, fix: "use a claim name such as custom:tenant_id" };
  const model = {
    issuer: issuer ?? "",
    audiences: audiences ?? [],
    jwksUri: read.string(a.jwks_uri, joinPath(path, "jwks_uri"), { pattern: HTTPS_URL.pattern, fix: "use an https:// URL (the authorizer refuses plain http outside loopback)" }),
    tenantClaim: read.string(a.tenant_claim, joinPath(path, "tenant_claim"), claim),
    roleClaim: read.string(a.role_claim, joinPath(path, "role_claim"), claim),
    maxTokenAgeSeconds: read.integer(a.max_token_age_seconds, joinPath(path, "max_token_age_seconds"), 60, 86_400),
    resultTtlSeconds: read.integer(a.result_ttl_in_seconds, joinPath(path, "result_ttl_in_seconds"), 0, 3_600) ?? 300,
  };
  return needed ? model : undefined;
}

function checkLambda(value: unknown, facts: ModuleFacts, read: FieldReader, problems: ProblemCollector): ApplicationModel["lambda"] | undefined {
  const path = joinPath(ROOT, "lambda");
  const l = read.object(value, path, ["memory_size", "timeout", "reserved_concurrent_executions", "log_retention_days", "log_level", "tracing_enabled", "environment_variables"]) ?? {};
  const moduleRetention = typeof facts.logRetentionDays === "number" ? facts.logRetentionDays : 14;
  const retention = read.integer(l.log_retention_days, joinPath(path, "log_retention_days"), 0, 3653) ?? moduleRetention;
  if (l.log_retention_days !== undefined && !(LOG_RETENTION_DAYS as readonly number[]).includes(retention)) {
    problems.error(joinPath(path, "log_retention_days"), `${retention} is not a retention CloudWatch accepts`, `use ${nearestRetention(retention)} (accepted: ${LOG_RETENTION_DAYS.join(", ")})`);
  }
  const environment = read.stringMap(l.environment_variables, joinPath(path, "environment_variables")) ?? {};
  for (const key of Object.keys(environment).sort()) {
    const at = joinPath(path, "environment_variables", key);
    const problem = reservedVariableProblem(key);
    if (problem) problems.error(at, problem.message, problem.fix);
    const secret = secretLikeName(key);
    const why = "its value would be written into the Terraform JSON and state";
    const fix = `store it in SSM Parameter Store (SecureString) or Secrets Manager and name its ARN under application.secrets.${key}`;
    if (secret === "error") problems.error(at, `looks like a secret: ${why}`, fix);
    else if (secret === "warning") problems.warn(at, `may be a secret: ${why}`, `if it is, ${fix}`);
  }
  return {
    memorySize: read.integer(l.memory_size, joinPath(path, "memory_size"), 128, 10_240) ?? 256,
    timeout: read.integer(l.timeout, joinPath(path, "timeout"), 1, 900) ?? 10,
    reservedConcurrency: read.integer(l.reserved_concurrent_executions, joinPath(path, "reserved_concurrent_executions"), 0, 100_000),
    logRetentionDays: retention,
    logLevel: read.oneOf(l.log_level, joinPath(path, "log_level"), LOG_LEVELS) ?? "info",
    tracing: read.boolean(l.tracing_enabled, joinPath(path, "tracing_enabled")) ?? true,
    environment: Object.fromEntries(Object.keys(environment).sort().map((k) => [k, environment[k]!])),
  };
}

function checkTables(value: unknown, read: FieldReader): NonNullable<ApplicationModel["tables"]> {
  const path = joinPath(ROOT, "tables");
  const t = read.object(value, path, ["point_in_time_recovery", "deletion_protection", "kms_key_arn"]) ?? {};
  return {
    pointInTimeRecovery: read.boolean(t.point_in_time_recovery, joinPath(path, "point_in_time_recovery")) ?? true,
    deletionProtection: read.boolean(t.deletion_protection, joinPath(path, "deletion_protection")) ?? true,
    kmsKeyArn: read.string(t.kms_key_arn, joinPath(path, "kms_key_arn"), KMS_KEY_ARN),
  };
}

/** API Gateway stops waiting after 30 s (HTTP) or 29 s (REST); a longer function keeps running, billed, after the 504. */
function checkTimeoutAgainstApi(timeout: number, kind: "http" | "rest", problems: ProblemCollector): void {
  const limit = kind === "http" ? 30 : 29;
  if (timeout > limit) {
    problems.warn(joinPath(ROOT, "lambda", "timeout"), `${timeout} s is longer than a ${kind.toUpperCase()} API waits (${limit} s): callers get a 504 while the function runs on`, `use at most ${limit}`);
  }
}

function checkRateLimits(value: unknown, read: FieldReader, problems: ProblemCollector): ApplicationModel["rateLimits"] | undefined {
  const path = joinPath(ROOT, "rate_limits");
  const r = read.object(value, path, ["enabled", "default_tier", "tenant_tiers"]) ?? {};
  const tiers = read.map(r.tenant_tiers, joinPath(path, "tenant_tiers")) ?? {};
  const tenantTiers: Record<string, RateLimitTier> = {};
  for (const tenant of Object.keys(tiers).sort()) {
    const at = joinPath(path, "tenant_tiers", tenant);
    if (!TENANT_ID.test(tenant)) problems.error(at, `${quote(tenant)} is not a tenant id the authorizer accepts`, "use lower-case letters, digits and -, starting with a letter or digit (at most 63)");
    const tier = read.oneOf(tiers[tenant], at, TIERS);
    if (tier) tenantTiers[tenant] = tier;
  }
  return {
    enabled: read.boolean(r.enabled, joinPath(path, "enabled")) ?? true,
    defaultTier: read.oneOf(r.default_tier, joinPath(path, "default_tier"), TIERS) ?? "basic",
    tenantTiers,
  };
}

function checkAlarms(value: unknown, read: FieldReader, problems: ProblemCollector): ApplicationModel["alarms"] {
  const path = joinPath(ROOT, "alarms");
  const a = read.object(value, path, [
    "enabled",
    "sns_topic_arn",
    "email_subscriptions",
    "api_5xx_rate_percent",
    "api_latency_p99_ms",
    "api_4xx_rate_percent",
    "api_throttled_per_minute",
    "lambda_duration_percent_of_timeout",
    "dynamodb_throttles_per_minute",
  ]) ?? {};
  if (a.sns_topic_arn !== undefined && a.email_subscriptions !== undefined) {
    problems.error(joinPath(path, "email_subscriptions"), "subscribes to the topic this stack creates, but sns_topic_arn names an existing one", "subscribe the addresses to that topic where it is managed, or drop sns_topic_arn");
  }
  const enabled = read.boolean(a.enabled, joinPath(path, "enabled")) ?? true;
  const model = {
    snsTopicArn: read.string(a.sns_topic_arn, joinPath(path, "sns_topic_arn"), SNS_TOPIC_ARN),
    emails: (read.stringList(a.email_subscriptions, joinPath(path, "email_subscriptions")) ?? []).filter((email, i) => read.string(email, `${joinPath(path, "email_subscriptions")}[${i}]`, EMAIL) !== undefined),
    api5xxRatePercent: read.number(a.api_5xx_rate_percent, joinPath(path, "api_5xx_rate_percent"), 0, 100) ?? 5,
    apiLatencyP99Ms: read.integer(a.api_latency_p99_ms, joinPath(path, "api_latency_p99_ms"), 1, 30_000) ?? 2_500,
    ...alarmDefaults(a, read, path),
  };
  return enabled ? model : undefined;
}

/** The thresholds beside the 5xx rate and latency; their defaults are written down in handlers/README.md. */
function alarmDefaults(a: Record<string, unknown>, read: FieldReader, path: string) {
  return {
    api4xxRatePercent: read.number(a.api_4xx_rate_percent, joinPath(path, "api_4xx_rate_percent"), 0, 100) ?? 10,
    apiThrottledPerMinute: read.integer(a.api_throttled_per_minute, joinPath(path, "api_throttled_per_minute"), 0, 1_000_000) ?? 10,
    lambdaDurationPercentOfTimeout: read.number(a.lambda_duration_percent_of_timeout, joinPath(path, "lambda_duration_percent_of_timeout"), 1, 100) ?? 80,
    dynamodbThrottlesPerMinute: read.integer(a.dynamodb_throttles_per_minute, joinPath(path, "dynamodb_throttles_per_minute"), 0, 1_000_000) ?? 0,
  };
}
