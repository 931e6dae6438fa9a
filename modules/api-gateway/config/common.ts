import type { LOG_RETENTION_DAYS } from "../common/log-retention.js";

/**
 * A tag value: at most 256 letters, digits, spaces and `_.:/=+-@` (AWS's tag rules).
 * @maxLength 256
 * @pattern ^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$
 */
export type TagValue = string;

/**
 * Tags as AWS takes them: key to value. Keys have 1 to 128 letters, digits, spaces and `_.:/=+-@`, and
 * do not start with `aws:` (reserved by AWS); values at most 256 of the same.
 * @propertyNames {"minLength": 1, "maxLength": 128, "pattern": "^(?![aA][wW][sS]:)[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+$"}
 */
export type Tags = Record<string, TagValue>;

/**
 * A whole number within AWS's 32-bit integer range (API Gateway and Lambda take no larger ones).
 * @asType integer
 * @minimum 0
 * @maximum 2147483647
 */
export type Int32 = number;

/**
 * A non-negative rate (requests per second) API Gateway takes as a double.
 * @minimum 0
 * @maximum 1000000000
 */
export type Rate = number;

/**
 * A stage variable value, at most 2048 characters.
 * @maxLength 2048
 */
export type StageVariableValue = string;

/**
 * A description, at most 1024 characters (API Gateway's limit).
 * @maxLength 1024
 */
export type Description = string;

/**
 * A name of an API Gateway resource (API, stage, authorizer, VPC link): 1 to 128 characters.
 * @minLength 1
 * @maxLength 128
 */
export type ResourceName = string;

/**
 * Cross-origin resource sharing, as API Gateway answers preflight requests.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
export interface CorsConfiguration {
  /**
   * Whether browsers may send credentials. AWS refuses `true` together with the origin `*`.
   * @default false
   */
  readonly allow_credentials?: boolean;
  /** Request headers browsers may send (`Access-Control-Allow-Headers`). @default - none */
  readonly allow_headers?: string[];
  /** Methods browsers may use (`Access-Control-Allow-Methods`), or `*`. @default - none */
  readonly allow_methods?: string[];
  /** Origins allowed (`Access-Control-Allow-Origin`), such as `https://app.example.com`, or `*`. @default - none */
  readonly allow_origins?: string[];
  /** Response headers browsers may read (`Access-Control-Expose-Headers`). @default - none */
  readonly expose_headers?: string[];
  /**
   * Seconds a browser caches the preflight answer (`Access-Control-Max-Age`), 0 to 86400.
   * @minimum 0
   * @maximum 86400
   * @default - not sent
   */
  readonly max_age?: Int32;
}

/**
 * Where a stage writes its access logs and in what format.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html
 */
export interface AccessLogSettings {
  /**
   * ARN of the CloudWatch log group (or Firehose stream) that receives the access logs.
   * @default - with `enable_cloudwatch_logs`, a log group created for the stage
   */
  readonly destination_arn?: string;
  /**
   * The log line format, with `$context` variables: a string (as `jsonencode()` gives it in a tfvars file),
   * or an object in a `.ts` config, written as JSON.
   * @default - a JSON line with requestId, ip, requestTime, httpMethod, routeKey, status, protocol, responseLength, latencies and errors
   */
  readonly format?: string | Record<string, string>;
}

/**
 * Retention of a log group in days, one of the values CloudWatch Logs accepts (0: never expire).
 */
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/** An HTTP method as API Gateway takes it, `ANY` for all of them. */
export type HttpMethod = "ANY" | "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT";
