// X-Ray tracing through aws-xray-sdk-core: the DynamoDB client's calls become subsegments, and each API
// request runs in a `## handler` subsegment annotated with tenantId, requestId and route (Lambda's own segment
// cannot take annotations). With tracing off (no `_X_AMZN_TRACE_ID`, as in tests and the local gateway) there
// is no segment and every call here does nothing.
import * as AWSXRay from "aws-xray-sdk-core";
import type { Logger } from "./logger.js";

/** What an API request's subsegment is annotated with (X-Ray annotation keys: letters, digits, `_`). */
export interface RequestAnnotations {
  readonly tenantId: string | null;
  readonly requestId: string;
  readonly route: string;
}

let configured = false;

/** Once per container: missing context is normal outside a traced invocation, and the SDK logs through pino. */
export function configureTracing(logger: Logger): void {
  if (configured) return;
  configured = true;
  AWSXRay.setContextMissingStrategy(() => {});
  const sdkLogger = logger.child({ component: "xray" });
  AWSXRay.setLogger({
    error: (message: string) => sdkLogger.error(message),
    warn: (message: string) => sdkLogger.warn(message),
    info: (message: string) => sdkLogger.debug(message),
    debug: (message: string) => sdkLogger.debug(message),
  });
}

/** The client with its calls traced as subsegments of the current (sub)segment. */
export function traceAwsClient<T extends { middlewareStack: unknown }>(client: T): T {
  return AWSXRay.captureAWSv3Client(client as never) as T;
}

/** Runs one request in an annotated `## handler` subsegment when the invocation is traced; else just runs it. */
export async function traceRequest<T>(work: (annotate: (annotations: RequestAnnotations) => void) => Promise<T>): Promise<T> {
  const parent = process.env._X_AMZN_TRACE_ID ? AWSXRay.getSegment() : undefined;
  if (!parent) return work(() => {});
  return AWSXRay.captureAsyncFunc("## handler", async (subsegment) => {
    const annotate = (a: RequestAnnotations) => {
      if (!subsegment) return;
      subsegment.addAnnotation("tenantId", a.tenantId ?? "none");
      subsegment.addAnnotation("requestId", a.requestId);
      subsegment.addAnnotation("route", a.route);
    };
    try {
      return await work(annotate);
    } catch (error) {
      subsegment?.addError(error as Error);
      throw error;
    } finally {
      subsegment?.close();
    }
  });
}
