// One JWKS download: GET, no redirects, a timeout over the whole exchange, a size cap enforced while the
// body streams in (a declared Content-Length over the cap is refused before reading), strict UTF-8, JSON
// with a `keys` array.
import type { JSONWebKeySet } from "jose";
import { AuthError } from "./auth-error.js";

export interface JwksFetchOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export type FetchLike = (url: URL, init: RequestInit) => Promise<Response>;

export async function fetchJwks(url: URL, options: JwksFetchOptions, fetchImpl: FetchLike = fetch): Promise<JSONWebKeySet> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: "GET",
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { accept: "application/json, application/jwk-set+json" },
    });
  } catch (cause) {
    throw new AuthError("ERR_JWKS_UNAVAILABLE", "request failed", { cause });
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    throw new AuthError("ERR_JWKS_UNAVAILABLE", `HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new AuthError("ERR_JWKS_TOO_LARGE", `${declared} bytes declared`);
  }
  const bytes = await readCapped(response, options.maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new AuthError("ERR_JWKS_INVALID", "not JSON", { cause });
  }
  if (typeof json !== "object" || json === null || !Array.isArray((json as { keys?: unknown }).keys)) {
    throw new AuthError("ERR_JWKS_INVALID", "no keys array");
  }
  return json as JSONWebKeySet;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new AuthError("ERR_JWKS_TOO_LARGE", `over ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof AuthError) throw cause;
    throw new AuthError("ERR_JWKS_UNAVAILABLE", "body read failed", { cause });
  }
  return Buffer.concat(chunks, total);
}
