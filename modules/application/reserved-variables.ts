/** Variables the handlers read themselves: the stack sets them from the config, so users must not. */
const HANDLER_VARIABLES = [
  "APP_SECRET_ARNS",
  "APP_VERSION",
  "DYNAMODB_ENDPOINT",
  "ENVIRONMENT",
  "IDEMPOTENCY_TTL_SECONDS",
  "IDEMPOTENCY_WAIT_MS",
  "JWKS_URI",
  "JWT_AUDIENCE",
  "JWT_CLOCK_TOLERANCE_SECONDS",
  "JWT_ISSUER",
  "JWT_MAX_TOKEN_AGE_SECONDS",
  "LOG_LEVEL",
  "RATE_LIMIT_TABLE_NAME",
  "ROLE_CLAIM",
  "SECRETSMANAGER_ENDPOINT",
  "SESSIONS_TABLE_NAME",
  "SSM_ENDPOINT",
  "TABLE_NAME",
  "TENANT_CLAIM",
];

/** Set by the Lambda runtime; a function whose configuration names one is refused by the Lambda API. */
const LAMBDA_RESERVED = [
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_DEFAULT_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_REGION",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "LAMBDA_RUNTIME_DIR",
  "LAMBDA_TASK_ROOT",
];

const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Why a user-supplied environment variable name cannot be used, or undefined when it can. */
export function reservedVariableProblem(name: string): { message: string; fix: string } | undefined {
  if (!VARIABLE_NAME.test(name)) return { message: "is not a valid environment variable name", fix: "use letters, digits and _, starting with a letter" };
  if (LAMBDA_RESERVED.includes(name) || name.startsWith("AWS_LAMBDA_")) return { message: "is reserved by the Lambda runtime", fix: "choose another name" };
  if (HANDLER_VARIABLES.includes(name) || name.startsWith("RATE_LIMIT_")) {
    return { message: "is set by the stack from the application section", fix: "use the matching application setting instead (authorizer, tables, rate_limits, lambda.log_level)" };
  }
  return undefined;
}
