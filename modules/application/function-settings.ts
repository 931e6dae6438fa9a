import type { PolicyStatement } from "../lambda-function/policy-statement.js";
import type { ApplicationModel, FunctionName } from "./model.js";

/** Table names and ARNs the functions are given, as Terraform references. */
export interface TableRefs {
  readonly data: { readonly name: string; readonly arn: string };
  readonly sessions: { readonly name: string; readonly arn: string };
  readonly rateLimits: { readonly name: string; readonly arn: string };
}

/** The environment each handler reads (see handlers/README.md), from the checked config. `GET /health`'s version is the package version built into the bundle. */
export function functionEnvironment(fn: FunctionName, app: ApplicationModel, tables?: TableRefs): Record<string, string> {
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
    RATE_LIMIT_ENABLED: String(app.rateLimits.enabled),
    RATE_LIMIT_DEFAULT_TIER: app.rateLimits.defaultTier,
    ...(tiers.length > 0 ? { RATE_LIMIT_TENANT_TIERS: tiers.join(",") } : {}),
    ...(app.secrets.length > 0 ? { APP_SECRET_ARNS: app.secrets.map((s) => `${s.name}=${s.arn}`).join(",") } : {}),
  });
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
