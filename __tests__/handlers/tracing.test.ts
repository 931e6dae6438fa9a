// X-Ray: the built catalog and orders bundles, run as Lambda runs them (LAMBDA_TASK_ROOT, a sampled
// _X_AMZN_TRACE_ID), send their segments to an X-Ray daemon address; here that is a UDP socket on 127.0.0.1
// that captures them. The request's subsegment carries tenantId, requestId and route; DynamoDB calls are
// subsegments of it.
import { execFile } from "node:child_process";
import { createSocket, type Socket } from "node:dgram";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { builtHandlers, REPO_ROOT } from "../support/synth.js";
import { createAppTable, putProduct, startDynamo, type LocalDynamo } from "./support/dynamo.js";

const PROBE = join(REPO_ROOT, "__tests__", "handlers", "support", "invoke-once.cjs");
const TRACE_ROOT = "1-6744e4a0-0123456789abcdef01234567";
/** Lambda's segment for the invocation: the parent of the request's subsegment. */
const LAMBDA_SEGMENT = "53995c3f42cd8ad8";
const TRACE_ID = `Root=${TRACE_ROOT};Parent=${LAMBDA_SEGMENT};Sampled=1`;

let daemon: Socket;
const documents: any[] = [];
let dynamo: LocalDynamo;
let bundles: Record<string, string>;

beforeAll(async () => {
  daemon = createSocket("udp4");
  daemon.on("message", (packet) => {
    const [header, body] = packet.toString("utf8").split("\n");
    if (JSON.parse(header!).format === "json" && body) documents.push(JSON.parse(body));
  });
  await new Promise<void>((resolve) => daemon.bind(0, "127.0.0.1", resolve));
  const artifacts = await builtHandlers();
  bundles = Object.fromEntries(["catalog", "orders"].map((name) => [name, join(dirname(artifacts[name]!.zipPath), name, "index.js")]));
  dynamo = await startDynamo();
  await createAppTable(dynamo.client, "trace-data");
  await putProduct(dynamo.client, "trace-data", "tenant-t", { productId: "p-1", name: "Traced", price: 5 });
});

afterAll(async () => {
  daemon?.close();
  await dynamo?.close();
});

/** The handler's answer, and the cls-hooked namespaces its process created. */
async function invoke(bundle: string, event: unknown): Promise<{ answer: any; clsNamespaces: string[] }> {
  const env = {
    PATH: process.env.PATH,
    LAMBDA_TASK_ROOT: dirname(bundle),
    _X_AMZN_TRACE_ID: TRACE_ID,
    AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemon.address().port}`,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    TABLE_NAME: "trace-data",
    RATE_LIMIT_ENABLED: "false",
    LOG_LEVEL: "warn",
    INVOKE_EVENT: JSON.stringify(event),
  };
  const { stdout } = await promisify(execFile)(process.execPath, [PROBE, bundle], { env, encoding: "utf8" });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

const event = (routeKey: string, path: string, requestId: string, extra: object = {}) => ({
  version: "2.0",
  routeKey,
  rawPath: path,
  rawQueryString: "",
  headers: { "content-type": "application/json" },
  requestContext: { http: { method: routeKey.split(" ")[0], path }, requestId, authorizer: { lambda: { tenantId: "tenant-t", role: "admin", sub: "user-t", scope: "" } } },
  isBase64Encoded: false,
  ...extra,
});

/** Waits (on events, not time) until the daemon socket has the documents `ready` asks for. */
async function captured(ready: (docs: any[]) => boolean): Promise<any[]> {
  while (!ready(documents)) await new Promise((resolve) => daemon.once("message", resolve));
  return documents;
}

describe("X-Ray traces of the built handlers", () => {
  test("catalog: the request's subsegment is annotated with tenantId, requestId and route; its DynamoDB call is a subsegment", async () => {
    const reply = await invoke(bundles.catalog!, event("GET /catalog/{productId}", "/catalog/p-1", "req-catalog-1", { pathParameters: { productId: "p-1" } }));
    expect(reply.answer.statusCode).toBe(200);
    const docs = await captured((d) => d.some((doc) => doc.annotations?.requestId === "req-catalog-1"));
    const handler = docs.find((doc) => doc.annotations?.requestId === "req-catalog-1");
    expect(handler).toMatchObject({ name: "## handler", type: "subsegment", trace_id: TRACE_ROOT, parent_id: LAMBDA_SEGMENT, annotations: { tenantId: "tenant-t", requestId: "req-catalog-1", route: "GET /catalog/{productId}" } });
    const dynamoCalls = [handler, ...docs].flatMap((doc) => [doc, ...(doc.subsegments ?? [])]).filter((s) => s.name === "DynamoDB" && (s.parent_id === handler.id || (handler.subsegments ?? []).includes(s)));
    expect(dynamoCalls.map((s) => [s.aws.operation, s.aws.table_name])).toContainEqual(["GetItem", "trace-data"]);
  });

  test("orders: a write is traced the same way", async () => {
    const reply = await invoke(bundles.orders!, event("POST /orders", "/orders", "req-orders-1", { body: JSON.stringify({ customerId: "c-1", productId: "p-1", quantity: 1 }) }));
    expect(reply.answer.statusCode).toBe(200);
    // The SDK runs in manual mode: no cls-hooked namespace, so no async hook on every promise (the cold-start cost).
    expect(reply.clsNamespaces).toEqual([]);
    const docs = await captured((d) => d.some((doc) => doc.annotations?.requestId === "req-orders-1"));
    const handler = docs.find((doc) => doc.annotations?.requestId === "req-orders-1");
    expect(handler.annotations).toEqual({ tenantId: "tenant-t", requestId: "req-orders-1", route: "POST /orders" });
    expect(handler).toMatchObject({ trace_id: TRACE_ROOT, parent_id: LAMBDA_SEGMENT });
    const children = [...(handler.subsegments ?? []), ...docs.filter((doc) => doc.parent_id === handler.id)];
    expect(children.filter((s) => s.name === "DynamoDB").map((s) => s.aws.operation)).toEqual(expect.arrayContaining(["GetItem", "PutItem"]));
  });
});
