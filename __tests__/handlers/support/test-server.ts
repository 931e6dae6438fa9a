// What the tests' stand-in servers (JWKS, DynamoDB fault proxy, Secrets Manager / SSM) share.
import type { IncomingMessage, Server } from "node:http";

/** Stops a server at once: the SDK's keep-alive sockets would otherwise hold `close()` open. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A request's whole body. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
