// X-Ray tracing through aws-xray-sdk-core: the DynamoDB client's calls become subsegments, and each API
// request runs in a `## handler` subsegment annotated with tenantId, requestId and route (Lambda's own segment
// cannot take annotations).
//
// The SDK is loaded only in a function with active tracing (Lambda sets AWS_XRAY_DAEMON_ADDRESS then): loading
// it starts cls-hooked's async hook, which slows every promise after it (measured: +20-30 % on the orders cold
// start), a price a function without tracing must not pay. Outside a traced invocation (no `_X_AMZN_TRACE_ID`,
// as in the local gateway) every call here does nothing.
import type { Logger } from "./logger.js";

/** What an API request's subsegment is annotated with (X-Ray annotation keys: letters, digits, `_`). */
export interface RequestAnnotations {
  readonly tenantId: string | null;
  readonly requestId: string;
  readonly route: string;
}

type XRay = typeof import("aws-xray-sdk-core");

let sdkLogger: Logger | undefined;
let loading: Promise<XRay> | undefined;

/** Whether this function traces: Lambda sets the daemon address only with active tracing. */
export function tracingActive(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.AWS_XRAY_DAEMON_ADDRESS) && env.AWS_XRAY_SDK_ENABLED !== "false";
}

/** The SDK, loaded once, quiet about missing context, logging through pino. */
function xray(): Promise<XRay> {
  loading ??= import("aws-xray-sdk-core").then((module) => {
    const AWSXRay = ((module as { default?: XRay }).default ?? module) as XRay;
    AWSXRay.setContextMissingStrategy(() => {});
    const log = sdkLogger?.child({ component: "xray" });
    if (log) {
      AWSXRay.setLogger({
        error: (message: string) => log.error(message),
        warn: (message: string) => log.warn(message),
        info: (message: string) => log.debug(message),
        debug: (message: string) => log.debug(message),
      });
    }
    return AWSXRay;
  });
  return loading;
}

/** Once per container: the logger the SDK writes through. */
export function configureTracing(logger: Logger): void {
  sdkLogger ??= logger;
}

/** `send` of a client whose calls are traced as subsegments of the current (sub)segment when tracing is active. */
export function tracedSend<C extends { send: (...args: never[]) => Promise<unknown> }>(client: C): C["send"] {
  if (!tracingActive()) return client.send.bind(client) as C["send"];
  let traced: Promise<C> | undefined;
  return (async (...args: Parameters<C["send"]>) => {
    traced ??= xray().then((AWSXRay) => AWSXRay.captureAWSv3Client(client as never) as C);
    return (await traced).send(...args);
  }) as C["send"];
}

/** Runs one request in an annotated `## handler` subsegment when the invocation is traced; else just runs it. */
export async function traceRequest<T>(work: (annotate: (annotations: RequestAnnotations) => void) => Promise<T>): Promise<T> {
  if (!tracingActive() || !process.env._X_AMZN_TRACE_ID) return work(() => {});
  const AWSXRay = await xray();
  if (!AWSXRay.getSegment()) return work(() => {});
  return AWSXRay.captureAsyncFunc("## handler", async (subsegment) => {
    const annotate = (a: RequestAnnotations) => {
      subsegment?.addAnnotation("tenantId", a.tenantId ?? "none");
      subsegment?.addAnnotation("requestId", a.requestId);
      subsegment?.addAnnotation("route", a.route);
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
