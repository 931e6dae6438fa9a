// `Bearer <jwt>` (scheme case-insensitive) -> the compact JWS, with the size cap applied to the raw
// header before any regex, decoding or crypto.
import { AuthError } from "./auth-error.js";

const BEARER_JWS = /^\s*bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i;
const BEARER = /^\s*bearer\s+\S+\s*$/i;

export function bearerToken(authorization: unknown, maxTokenLength: number): string {
  if (typeof authorization !== "string" || authorization.trim() === "") throw new AuthError("ERR_TOKEN_MISSING");
  if (authorization.length > maxTokenLength + 64) throw new AuthError("ERR_TOKEN_TOO_LARGE");
  const token = BEARER_JWS.exec(authorization)?.[1];
  if (token === undefined) throw new AuthError("ERR_TOKEN_MALFORMED", BEARER.test(authorization) ? "not a compact JWS" : "not a Bearer credential");
  if (token.length > maxTokenLength) throw new AuthError("ERR_TOKEN_TOO_LARGE");
  return token;
}
