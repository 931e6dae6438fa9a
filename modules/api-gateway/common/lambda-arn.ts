/** A Lambda function named by ARN, as found in an integration or authorizer URI. */
export interface LambdaFunctionRef {
  /** The ARN as written (qualified when it has an alias or version). */
  readonly arn: string;
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly functionName: string;
  /** Alias or version, when the ARN names one. */
  readonly qualifier?: string;
}

const FUNCTION_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):lambda:([a-z]{2}(?:-[a-z]+)+-\d):(\d{12}):function:([A-Za-z0-9_-]{1,64})(?::(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;
const INVOKE_URI = /^arn:(aws|aws-cn|aws-us-gov):apigateway:([a-z0-9-]+):lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;

/** Parses a Lambda function ARN; undefined when the value is not one. */
export function parseFunctionArn(value: string): LambdaFunctionRef | undefined {
  const m = FUNCTION_ARN.exec(value);
  if (!m) return undefined;
  return { arn: value, partition: m[1]!, region: m[2]!, accountId: m[3]!, functionName: m[4]!, qualifier: m[5] };
}

/** The function behind a function ARN or an API Gateway Lambda invoke URI; undefined for anything else. */
export function lambdaFunctionOf(uri: string): LambdaFunctionRef | undefined {
  const invoke = INVOKE_URI.exec(uri);
  return parseFunctionArn(invoke ? invoke[3]! : uri);
}

/** Whether the value looks like a Lambda ARN or invoke URI but does not parse as one (a likely typo). */
export function looksLikeLambda(uri: string): boolean {
  return /^arn:[^:]*:lambda:/.test(uri) || INVOKE_URI.test(uri);
}

/** `arn:<partition>:apigateway:<region of the function>:lambda:path/2015-03-31/functions/<arn>/invocations`. */
export function invokeUriOf(fn: LambdaFunctionRef): string {
  return `arn:${fn.partition}:apigateway:${fn.region}:lambda:path/2015-03-31/functions/${fn.arn}/invocations`;
}

/** The function's unqualified ARN, which `aws_lambda_permission.function_name` takes beside `qualifier`. */
export function unqualifiedArnOf(fn: LambdaFunctionRef): string {
  return `arn:${fn.partition}:lambda:${fn.region}:${fn.accountId}:function:${fn.functionName}`;
}

/**
 * Whether a string holds a CDKTF token (a reference the product or a library user's construct created), which
 * is passed through unchecked. Text a user writes, `${...}` included, is literal and is checked as written.
 */
export function isToken(value: string): boolean {
  return value.includes("${TfToken[");
}
