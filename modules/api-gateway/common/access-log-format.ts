/**
 * The access-log line written when a stage's config gives no format: one JSON object per request, with the
 * fields a platform team greps for first.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html
 */
export const HTTP_API_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  ip: "$context.identity.sourceIp",
  requestTime: "$context.requestTime",
  httpMethod: "$context.httpMethod",
  routeKey: "$context.routeKey",
  path: "$context.path",
  status: "$context.status",
  protocol: "$context.protocol",
  responseLength: "$context.responseLength",
  responseLatency: "$context.responseLatency",
  integrationLatency: "$context.integrationLatency",
  integrationStatus: "$context.integrationStatus",
  error: "$context.error.message",
  integrationError: "$context.integrationErrorMessage",
  authorizerError: "$context.authorizer.error",
  // The tenant the product's Lambda authorizer puts in its context, so one Logs Insights query finds a tenant's
  // requests at the gateway and in the functions (their log lines carry the same tenantId).
  tenantId: "$context.authorizer.tenantId",
});

/** A format given as an object in a `.ts` config is written as JSON, as `jsonencode()` would. */
export function accessLogFormatOf(format: string | Record<string, string> | undefined, fallback: string): string {
  if (format === undefined) return fallback;
  return typeof format === "string" ? format : JSON.stringify(format);
}
