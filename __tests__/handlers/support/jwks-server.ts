// The JWKS served over HTTP on 127.0.0.1, with switchable failure modes and a request counter.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { closeServer } from "./test-server.js";
import type { JSONWebKeySet } from "jose";

export type JwksMode = "ok" | "down" | "oversized" | "oversized-chunked" | "redirect" | "garbage";

export class JwksServer {
  mode: JwksMode = "ok";
  hits = 0;
  private constructor(
    private readonly server: Server,
    public jwks: JSONWebKeySet,
  ) {}

  static async start(jwks: JSONWebKeySet): Promise<JwksServer> {
    const holder: { jwks?: JwksServer } = {};
    const server = createServer((request, response) => holder.jwks!.serve(request.url ?? "/", response));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    holder.jwks = new JwksServer(server, jwks);
    return holder.jwks;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get uri(): string {
    return `${this.origin}/.well-known/jwks.json`;
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  private serve(url: string, response: import("node:http").ServerResponse): void {
    this.hits += 1;
    const body = JSON.stringify(this.jwks);
    switch (this.mode) {
      case "ok":
        response.writeHead(200, { "content-type": "application/json" }).end(body);
        return;
      case "down":
        response.writeHead(503).end("unavailable");
        return;
      case "redirect":
        response.writeHead(302, { location: `${this.origin}${url}` }).end();
        return;
      case "garbage":
        response.writeHead(200, { "content-type": "application/json" }).end("{ not json");
        return;
      case "oversized": {
        // The real keys, padded past the cap: valid JSON that only the size cap refuses.
        const padded = JSON.stringify({ keys: this.jwks.keys, padding: "x".repeat(200_000) });
        response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(padded) }).end(padded);
        return;
      }
      case "oversized-chunked": {
        // No Content-Length: only counting bytes while reading can refuse this one.
        response.writeHead(200, { "content-type": "application/json" });
        response.write(`{"keys":${JSON.stringify(this.jwks.keys)},"padding":"`);
        for (let i = 0; i < 20; i++) response.write("x".repeat(10_000));
        response.end('"}');
        return;
      }
    }
  }
}
