import {
  RATE_LIMIT_DEFAULT_LIMITS_ENV,
  RATE_LIMIT_TENANT_LIMITS_ENV,
  TENANT_REGISTRY_ENV,
  TENANT_UNREGISTERED_ENV,
  TENANT_UNREGISTERED_KEY_ENV,
  type TierLimits,
} from "../../handlers/lib/contract/tenant-tiers.js";
import type { PolicyStatement } from "../lambda-function/policy-statement.js";
import { tenantKeyKey, UNREGISTERED_KEY_KEY } from "./tenant-usage-plans.js";
import type { ApplicationModel, FunctionName } from "./model.js";

/** Table names and ARNs the functions are given, as Terraform references. */
export interface TableRefs {
  readonly data: { readonly name: string; readonly arn: string };
  readonly sessions: { readonly name: string; readonly arn: string };
  readonly rateLimits: { readonly name: string; readonly arn: string };
}

/** A tenant's API key value on the mounted REST API (a Terraform reference), by its `api_keys` key. */
export type ApiKeyValue = (apiKeysKey: string) => string;

/** The environment each handler reads (see handlers/README.md), from the checked config. `GET /health`'s version is the package version built into the bundle. */
export function functionEnvironment(fn: FunctionName, app: ApplicationModel, tables?: TableRefs, apiKeyValue?: ApiKeyValue): Record<string, string> {
  const common = { LOG_LEVEL: app.lambda.logLevel };
  if (fn === "authorizer") {
    const a = app.authorizer!;
    return sorted({
      ...common,
      JWT_ISSUER: a.issuer,
      JWT_AUDIENCE: a.audiences.join(","),
      ...(a.jwksUri ? { JWKS_URI: a.jwksUri } : {}),
      ...(a.tenantClaim ? { TENANT_CLAIM: a.tenantClaim } : {}),
      ...(a.roleClaim ? { ROLE_CLAIM: a.roleClaim } : {}),
      ...(a.maxTokenAgeSeconds !== undefined ? { JWT_MAX_TOKEN_AGE_SECONDS: String(a.maxTokenAgeSeconds) } : {}),
      ...registryEnvironment(app, apiKeyValue),
    });
  }
  if (fn === "health") return sorted({ ...app.lambda.environment, ...common, ENVIRONMENT: app.environment });
  const tiers = Object.entries(app.rateLimits.tenantTiers).map(([tenant, tier]) => `${tenant}=${tier}`);
  return sorted({
    ...app.lambda.environment,
    ...common,
    TABLE_NAME: tables!.data.name,
    SESSIONS_TABLE_NAME: tables!.sessions.name,
    RATE_LIMIT_TABLE_NAME: tables!.rateLimits.name,
    // On a REST API with a tenant registry, API Gateway's usage plans enforce the same numbers first.
    RATE_LIMIT_ENABLED: String(app.rateLimits.enabled && !(app.tenancy && app.api.kind === "rest")),
    ...tenantLimitsEnvironment(app),
    RATE_LIMIT_DEFAULT_TIER: app.rateLimits.defaultTier,
    ...(tiers.length > 0 ? { RATE_LIMIT_TENANT_TIERS: tiers.join(",") } : {}),
    ...(app.secrets.length > 0 ? { APP_SECRET_ARNS: app.secrets.map((s) => `${s.name}=${s.arn}`).join(",") } : {}),
  });
}

/** The authorizer's view of the tenant registry (handlers/lib/contract/tenant-tiers.ts); REST adds each active tenant's API key. */
function registryEnvironment(app: ApplicationModel, apiKeyValue?: ApiKeyValue): Record<string, string> {
  const tenancy = app.tenancy;
  if (!tenancy) return {};
  const withKeys = app.api.kind === "rest" && apiKeyValue !== undefined;
  const entries = tenancy.tenants.map((t) => `${t.id}=${t.status}${withKeys && t.status === "active" ? `:${apiKeyValue(tenantKeyKey(t.id))}` : ""}`);
  return {
    [TENANT_REGISTRY_ENV]: entries.join(","),
    [TENANT_UNREGISTERED_ENV]: tenancy.unregistered,
    ...(withKeys && tenancy.unregistered === "allow" ? { [TENANT_UNREGISTERED_KEY_ENV]: apiKeyValue(UNREGISTERED_KEY_KEY) } : {}),
  };
}

/** The limiter's numbers per registered tenant and for everyone else, from the same tiers the usage plans use. */
function tenantLimitsEnvironment(app: ApplicationModel): Record<string, string> {
  const tenancy = app.tenancy;
  if (!tenancy) return {};
  const numbers = (l: TierLimits) => `${l.ratePerSecond}/${l.burst}/${l.monthlyQuota}`;
  const active = tenancy.tenants.filter((t) => t.status === "active");
  return {
    ...(active.length > 0 ? { [RATE_LIMIT_TENANT_LIMITS_ENV]: active.map((t) => `${t.id}=${numbers(t.limits)}`).join(",") } : {}),
    [RATE_LIMIT_DEFAULT_LIMITS_ENV]: numbers(tenancy.defaultLimits),
  };
}

/** Exactly the DynamoDB (and KMS) actions each handler's code performs, on exactly its tables. */
export function functionStatements(fn: FunctionName, app: ApplicationModel, tables?: TableRefs): PolicyStatement[] {
  if (fn === "authorizer" || fn === "health" || !tables) return [];
  const statements: PolicyStatement[] =
    fn === "catalog"
      ? [{ Sid: "ReadProducts", Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:Query"], Resource: [tables.data.arn] }]
      : [
          { Sid: "ReadProductsWriteOrders", Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem"], Resource: [tables.data.arn] },
          { Sid: "IdempotencyRecords", Effect: "Allow", Action: ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], Resource: [tables.sessions.arn] },
        ];
  statements.push(
    { Sid: "FindResourceOwners", Effect: "Allow", Action: ["dynamodb:Query"], Resource: [`${tables.data.arn}/index/GSI1`] },
    { Sid: "CountRequests", Effect: "Allow", Action: ["dynamodb:UpdateItem"], Resource: [tables.rateLimits.arn] },
  );
  const ssm = app.secrets.filter((s) => s.kind === "ssm").map((s) => s.arn);
  const secretsManager = app.secrets.filter((s) => s.kind === "secretsmanager").map((s) => s.arn);
  if (ssm.length > 0) statements.push({ Sid: "ReadSecretParameters", Effect: "Allow", Action: ["ssm:GetParameter"], Resource: ssm });
  if (secretsManager.length > 0) statements.push({ Sid: "ReadSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: secretsManager });
  if (app.tables?.kmsKeyArn) {
    statements.push({ Sid: "UseTableKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], Resource: [app.tables.kmsKeyArn] });
  }
  return statements;
}

function sorted(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(env).sort().map((k) => [k, env[k]!]));
}
