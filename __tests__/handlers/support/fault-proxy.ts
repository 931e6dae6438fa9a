// A DynamoDB endpoint on 127.0.0.1 in front of dynalite that injects faults into chosen calls: by operation
// (`X-Amz-Target`), table and item, for the first N matching requests. Everything else is passed through
// unchanged. Faults are deterministic points ("drop the reply of the first order PutItem"), not timing races,
// and every one injected is counted so a test can assert it really happened.
// With `returnsItemOnConditionFailure`, a refused conditional write that asked for ReturnValuesOnConditionCheckFailure
// ALL_OLD gets the item as it is in its error, as DynamoDB answers (dynalite ignores the parameter).
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { closeServer, readBody } from "./test-server.js";

export type Fault =
  /** Accept the request and never answer (nor forward it). */
  | "stall"
  /** Forward it (a write is applied), then never answer. */
  | "apply-then-stall"
  /** Forward it, then close the connection instead of answering. */
  | "apply-then-reset"
  /** Forward it, then answer 500 InternalServerError instead of the real reply. */
  | "apply-then-500"
  /** Close the connection without forwarding. */
  | "reset"
  /** Answer 500 InternalServerError without forwarding. */
  | "500"
  /** Answer 400 ThrottlingException without forwarding. */
  | "throttle"
  /** Forward it, send the real status line, headers and half the body, then nothing more. */
  | "stall-body"
  /** Forward it, send headers and half the body, then close the connection. */
  | "close-mid-response"
  /** Hold it until the client gives up (closes the connection), then forward it: a write that lands late. */
  | "apply-after-give-up"
  /** Forward it and pass the real answer on, SLOW_MS late. */
  | "slow";

/** How late a `slow` answer comes. */
export const SLOW_MS = 1_000;

export interface DynamoCall {
  readonly operation: string;
  readonly table: string | undefined;
  readonly body: Record<string, unknown>;
}

export interface FaultRule {
  /** `PutItem`, `GetItem`, ... */
  readonly operation?: string;
  readonly table?: string;
  readonly when?: (call: DynamoCall) => boolean;
  readonly fault: Fault;
  /** How many matching requests get the fault; default: all. */
  readonly times?: number;
}

export class FaultProxy {
  /** Faults injected so far, by kind. */
  readonly injected: Partial<Record<Fault, number>> = {};
  readonly calls: DynamoCall[] = [];
  /** Answer refused conditional writes as DynamoDB does: with the item, when asked for (see the header). */
  returnsItemOnConditionFailure = false;
  private rules: Array<FaultRule & { left: number }> = [];
  private readonly lateWrites: Promise<void>[] = [];

  private constructor(
    private readonly server: Server,
    private readonly target: URL,
  ) {}

  static async start(targetEndpoint: string): Promise<FaultProxy> {
    const holder: { proxy?: FaultProxy } = {};
    const server = createServer((request, response) => {
      holder.proxy!.handle(request, response).catch(() => response.socket?.destroy());
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    holder.proxy = new FaultProxy(server, new URL(targetEndpoint));
    return holder.proxy;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Rules are tried in the order added; a rule whose count is used up no longer matches. */
  inject(rule: FaultRule): this {
    this.rules.push({ ...rule, left: rule.times ?? Number.POSITIVE_INFINITY });
    return this;
  }

  /** Removes every rule (faults already injected stay counted). */
  clearRules(): void {
    this.rules = [];
  }

  /** Removes every rule and forgets the calls and faults counted so far. */
  reset(): void {
    this.clearRules();
    this.returnsItemOnConditionFailure = false;
    this.calls.length = 0;
    for (const fault of Object.keys(this.injected) as Fault[]) delete this.injected[fault];
  }

  total(): number {
    return Object.values(this.injected).reduce((sum, n) => sum + (n ?? 0), 0);
  }

  /** Resolves when every write held back by `apply-after-give-up` so far has reached dynalite. */
  async lateWritesLanded(): Promise<void> {
    await Promise.all(this.lateWrites);
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const body = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    const operation = String(request.headers["x-amz-target"] ?? "").split(".").pop() ?? "";
    const call: DynamoCall = { operation, table: typeof body.TableName === "string" ? body.TableName : undefined, body };
    this.calls.push(call);
    const rule = this.rules.find((r) => r.left > 0 && (r.operation === undefined || r.operation === operation) && (r.table === undefined || r.table === call.table) && (r.when?.(call) ?? true));
    if (rule === undefined) return this.pass(request, raw, response, call);
    rule.left -= 1;
    this.injected[rule.fault] = (this.injected[rule.fault] ?? 0) + 1;
    switch (rule.fault) {
      case "stall":
        return;
      case "apply-then-stall":
        await this.forward(request, raw);
        return;
      case "apply-then-reset":
        await this.forward(request, raw);
        response.socket?.destroy();
        return;
      case "apply-then-500":
        await this.forward(request, raw);
        return sendError(response, 500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error");
      case "reset":
        response.socket?.destroy();
        return;
      case "500":
        return sendError(response, 500, "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error");
      case "throttle":
        return sendError(response, 400, "com.amazon.coral.availability#ThrottlingException", "Rate of requests exceeds the allowed throughput.");
      case "stall-body":
      case "close-mid-response": {
        const answer = await this.forward(request, raw);
        response.writeHead(answer.status, { ...answer.headers, "content-length": String(answer.body.length) });
        response.write(answer.body.subarray(0, Math.max(1, Math.floor(answer.body.length / 2))));
        if (rule.fault === "close-mid-response") response.socket?.destroy();
        return;
      }
      case "slow": {
        const answer = await this.forward(request, raw);
        await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
        if (!response.destroyed) response.writeHead(answer.status, answer.headers).end(answer.body);
        return;
      }
      case "apply-after-give-up":
        this.lateWrites.push(
          new Promise<void>((resolve) => response.once("close", resolve)).then(async () => {
            await this.forward(request, raw);
          }),
        );
        return;
    }
  }

  private async pass(request: IncomingMessage, raw: Buffer, response: ServerResponse, call: DynamoCall): Promise<void> {
    let answer = await this.forward(request, raw);
    if (this.returnsItemOnConditionFailure && call.body.ReturnValuesOnConditionCheckFailure === "ALL_OLD" && answer.status === 400) {
      const error = JSON.parse(answer.body.toString("utf8")) as { __type?: string };
      if (error.__type?.endsWith("#ConditionalCheckFailedException")) {
        const read = await this.forward(request, Buffer.from(JSON.stringify({ TableName: call.table, Key: call.body.Key, ConsistentRead: true })), "DynamoDB_20120810.GetItem");
        const { Item } = JSON.parse(read.body.toString("utf8")) as { Item?: unknown };
        const body = Buffer.from(JSON.stringify(Item === undefined ? error : { ...error, Item }));
        answer = { ...answer, headers: { ...answer.headers, "content-length": String(body.length) }, body };
      }
    }
    response.writeHead(answer.status, answer.headers).end(answer.body);
  }

  /** Sends the request on to dynalite (`raw` as its body, as operation `target` if given) and reads the whole answer. */
  private forward(request: IncomingMessage, raw: Buffer, target?: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers[name] = value;
      if (target !== undefined) headers["x-amz-target"] = target;
      headers.host = this.target.host;
      headers["content-length"] = String(raw.length);
      const outgoing = httpRequest({ host: this.target.hostname, port: this.target.port, method: request.method, path: request.url, headers, agent: false }, (incoming) => {
        const parts: Buffer[] = [];
        incoming.on("data", (part: Buffer) => parts.push(part));
        incoming.on("end", () => {
          const answerHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string" && name !== "connection" && name !== "transfer-encoding") answerHeaders[name] = value;
          resolve({ status: incoming.statusCode ?? 500, headers: answerHeaders, body: Buffer.concat(parts) });
        });
        incoming.on("error", reject);
      });
      outgoing.on("error", reject);
      outgoing.end(raw);
    });
  }
}

function sendError(response: ServerResponse, status: number, type: string, message: string): void {
  const body = JSON.stringify({ __type: type, message });
  response.writeHead(status, { "content-type": "application/x-amz-json-1.0", "content-length": String(Buffer.byteLength(body)), "x-amzn-requestid": "fault-proxy" }).end(body);
}

/** True for a write or read of an order item (PK `TENANT#<tenant>#ORDER`). */
export function touchesOrder(call: DynamoCall): boolean {
  const item = (call.body.Item ?? call.body.Key) as Record<string, { S?: string }> | undefined;
  return item?.PK?.S?.endsWith("#ORDER") === true;
}

/** True for a call on an idempotency record (PK `TENANT#<tenant>#IDEMPOTENCY`). */
export function touchesIdempotencyRecord(call: DynamoCall): boolean {
  const item = (call.body.Item ?? call.body.Key) as Record<string, { S?: string }> | undefined;
  return item?.PK?.S?.endsWith("#IDEMPOTENCY") === true;
}
