/** Tags as AWS takes them: key to value. */
export type Tags = Record<string, string>;

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
  readonly max_age?: number;
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
