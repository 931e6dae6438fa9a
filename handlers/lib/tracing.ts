// X-Ray tracing through aws-xray-sdk-core: the DynamoDB client's calls become subsegments, and each API
// request runs in a `## handler` subsegment annotated with tenantId, requestId and route (Lambda's own segment
// cannot take annotations).
//
// The SDK is loaded only in a function with active tracing (Lambda sets AWS_XRAY_DAEMON_ADDRESS then), and in
// its manual mode: the SDK's automatic mode (and its entry module, which sets up Lambda's facade segment in
// automatic mode) starts cls-hooked's async hook, which slows every promise after it (measured: +26-42 % on the
// cold start; docs/performance-notes.md). Here that facade's work is done in manual mode: the request's subsegment is a child of a segment
// standing for Lambda's (trace id and parent id from `_X_AMZN_TRACE_ID`, never sent itself), and is the parent
// the DynamoDB client's middleware (the SDK's captureAWSv3Client) records its calls under. Lambda runs one
// invocation at a time in a process, so the current request's subsegment is module state.
// Outside a traced invocation (no `_X_AMZN_TRACE_ID`, as in the local gateway) every call here does nothing.
import type { Logger } from "./logger.js";
import type Segment from "aws-xray-sdk-core/dist/lib/segments/segment.js";
import type Subsegment from "aws-xray-sdk-core/dist/lib/segments/attributes/subsegment.js";

/** What an API request's subsegment is annotated with (X-Ray annotation keys: letters, digits, `_`). */
export interface RequestAnnotations {
  readonly tenantId: string | null;
  readonly requestId: string;
  readonly route: string;
}

/** The parts of the SDK used here (deep imports of aws-xray-sdk-core 3.x: no entry module, no cls-hooked). */
interface XRay {
  readonly Segment: typeof Segment;
  readonly populateTraceData: typeof import("aws-xray-sdk-core/dist/lib/utils.js").LambdaUtils.populateTraceData;
  readonly captureAWSv3Client: typeof import("aws-xray-sdk-core/dist/lib/patchers/aws3_p.js").captureAWSClient;
}

let sdkLogger: Logger | undefined;
let loading: Promise<XRay> | undefined;
/** The subsegment of the invocation in progress, if it is traced. */
let current: Subsegment | undefined;

/** Whether this function traces: Lambda sets the daemon address only with active tracing. */
export function tracingActive(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.AWS_XRAY_DAEMON_ADDRESS) && env.AWS_XRAY_SDK_ENABLED !== "false";
}

/** The SDK's parts, loaded once, in manual mode, configured as the SDK configures itself in Lambda. */
function xray(): Promise<XRay> {
  loading ??= load();
  return loading;
}

function load(): Promise<XRay> {
  // Read by the SDK's context module when it loads: without it, loading it creates the cls-hooked namespace.
  process.env.AWS_XRAY_MANUAL_MODE = "true";
  return Promise.all([
    import("aws-xray-sdk-core/dist/lib/logger.js"),
    import("aws-xray-sdk-core/dist/lib/segment_emitter.js"),
    import("aws-xray-sdk-core/dist/lib/segments/segment_utils.js"),
    import("aws-xray-sdk-core/dist/lib/segments/segment.js"),
    import("aws-xray-sdk-core/dist/lib/utils.js"),
    import("aws-xray-sdk-core/dist/lib/patchers/aws3_p.js"),
  ]).then(([logging, emitter, segmentUtils, segment, utils, aws3]) => {
    const log = sdkLogger?.child({ component: "xray" });
    if (log) {
      cjs(logging).setLogger({
        error: (message: string) => log.error(message),
        warn: (message: string) => log.warn(message),
        info: (message: string) => log.debug(message),
        debug: (message: string) => log.debug(message),
      });
    }
    // What the SDK does in Lambda: a socket per batch of documents (none left open), and every subsegment sent
    // on its own as soon as it closes.
    cjs(emitter).disableReusableSocket();
    cjs(segmentUtils).setStreamingThreshold(0);
    return { Segment: cjs(segment), populateTraceData: cjs(utils).LambdaUtils.populateTraceData, captureAWSv3Client: cjs(aws3).captureAWSClient };
  });
}

/** A CommonJS module imported from ESM: its exports, whether or not they come wrapped in `default`. */
function cjs<M>(module: M): M extends { default: infer D } ? D : M {
  return ((module as { default?: unknown }).default ?? module) as M extends { default: infer D } ? D : M;
}

/** Once per container: the logger the SDK writes through. */
export function configureTracing(logger: Logger): void {
  sdkLogger ??= logger;
}

/** `send` of a client whose calls are traced as subsegments of the current request's subsegment when tracing is active. */
export function tracedSend<C extends { send: (...args: never[]) => Promise<unknown> }>(client: C): C["send"] {
  if (!tracingActive()) return client.send.bind(client) as C["send"];
  let capturedUnder: Subsegment | undefined | null = null;
  return (async (...args: Parameters<C["send"]>) => {
    if (current !== capturedUnder) {
      const { captureAWSv3Client } = await xray();
      captureAWSv3Client(client as never, current);
      capturedUnder = current;
    }
    return client.send(...args);
  }) as C["send"];
}

/** The invocation's trace header, where the SDK's Lambda facade reads it: the runtime's invoke store, else the env. */
function invocationTraceHeader(): string | undefined {
  const store = (globalThis as { awslambda?: { InvokeStore?: { getXRayTraceId(): string | undefined } } }).awslambda?.InvokeStore;
  return store?.getXRayTraceId() ?? process.env._X_AMZN_TRACE_ID;
}

/** Runs one request in an annotated `## handler` subsegment when the invocation is traced; else just runs it. */
export async function traceRequest<T>(work: (annotate: (annotations: RequestAnnotations) => void) => Promise<T>): Promise<T> {
  const header = invocationTraceHeader();
  if (!tracingActive() || !header) return work(() => {});
  const { Segment, populateTraceData } = await xray();
  // Lambda's segment for this invocation, populated the way the SDK populates its Lambda facade; it is never
  // closed (Lambda sends it), and counts itself open, so that every subsegment is sent as soon as it closes.
  const lambda = new Segment("facade");
  populateTraceData(lambda, header);
  lambda.incrementCounter();
  const subsegment = lambda.addNewSubsegment("## handler");
  current = subsegment;
  const annotate = (a: RequestAnnotations) => {
    subsegment.addAnnotation("tenantId", a.tenantId ?? "none");
    subsegment.addAnnotation("requestId", a.requestId);
    subsegment.addAnnotation("route", a.route);
  };
  try {
    return await work(annotate);
  } catch (error) {
    subsegment.addError(error as Error);
    throw error;
  } finally {
    if (current === subsegment) current = undefined;
    subsegment.close();
  }
}
