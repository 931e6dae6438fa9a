// The HTTP server on 127.0.0.1: finds the API stage a path belongs to (`/<api>/<stage>/...`, or `/` when
// only one is served), hands the request to it, writes the answer and one log line.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { IntegrationResponse } from "../integrations/responses.js";
import type { Clock } from "../throttle/clock.js";
import { httpApiError } from "./gateway-errors.js";
import { newRequestId, type GatewayRequest } from "./gateway-request.js";
import { formatRecord, newRecord, type RequestRecord } from "./request-log.js";

export interface StageMount {
  readonly kind: "http" | "rest";
  readonly api: string;
  readonly stage: string;
  /** `""` when served at `/`, else `/<api>/<stage>` (`/<api>` for an HTTP API's `$default` stage). */
  readonly prefix: string;
  /** Whether events report the path with the stage in front (named stages). */
  readonly stageInPath: boolean;
  handle(request: GatewayRequest, record: RequestRecord): Promise<IntegrationResponse>;
}

/** API Gateway's payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

function readBody(message: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    message.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    message.on("error", reject);
  });
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function serve(mounts: readonly StageMount[], options: { port: number; clock: Clock; onRequest?: (record: RequestRecord, line: string) => void }): Promise<RunningServer> {
  const byLongestPrefix = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const server = createServer(async (message, reply) => {
    const started = performance.now();
    const url = new URL(message.url ?? "/", "http://127.0.0.1");
    const record = newRecord(message.method ?? "GET", url.pathname);
    let response: IntegrationResponse;
    try {
      const mount = byLongestPrefix.find((m) => m.prefix === "" || url.pathname === m.prefix || url.pathname.startsWith(`${m.prefix}/`));
      const body = await readBody(message);
      if (!mount) {
        response = httpApiError(404, "Not Found");
      } else if (body === undefined) {
        response = httpApiError(413, "Request Entity Too Large");
      } else {
        const path = url.pathname.slice(mount.prefix.length) || "/";
        const headers: Record<string, string[]> = {};
        for (let i = 0; i < message.rawHeaders.length; i += 2) (headers[message.rawHeaders[i]!.toLowerCase()] ??= []).push(message.rawHeaders[i + 1]!);
        const request: GatewayRequest = {
          method: (message.method ?? "GET").toUpperCase(),
          path,
          stagePath: mount.stageInPath ? `/${mount.stage}${path}` : path,
          rawQueryString: url.search.slice(1),
          headers,
          body,
          sourceIp: message.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1",
          requestId: newRequestId(),
          timeEpoch: options.clock.now(),
        };
        response = await mount.handle(request, record);
      }
    } catch (error) {
      record.integration += ` gateway error: ${(error as Error).message}`;
      response = httpApiError(500, "Internal Server Error");
    }
    record.status = response.status;
    record.latencyMs = performance.now() - started;
    const headers: Record<string, string | string[]> = {};
    for (const [name, values] of Object.entries(response.headers)) headers[name] = values.length === 1 ? values[0]! : values;
    headers["content-length"] = String(response.body.length);
    reply.writeHead(response.status, headers).end(response.body);
    options.onRequest?.(record, formatRecord(record));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
