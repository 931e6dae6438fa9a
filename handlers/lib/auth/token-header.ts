// Checks on the JWS protected header, made on the header jose has parsed, before any key is looked up
// (and so before any JWKS fetch). jose has already enforced the algorithm allowlist (no `none`, no HS*: an
// HMAC keyed with a public key is forgeable) and refused unknown `crit` extensions. Here, in addition:
// - no header that names or embeds key material (`jku`, `jwk`, `x5u`, `x5c`): keys come from the
//   configured JWKS only, so a token that points elsewhere is hostile even if it would verify;
// - no `crit` at all (not even `b64`, which jose knows), no JWE parameters;
// - `kid` present: keys are picked by id, never by trying each one;
// - `typ`, when present, is JWT or at+jwt.
import type { JWSHeaderParameters } from "jose";
import { AuthError } from "./auth-error.js";

const FORBIDDEN = ["jku", "jwk", "x5u", "x5c", "crit", "b64", "enc", "zip"] as const;
const TYPES = new Set(["jwt", "at+jwt", "application/jwt", "application/at+jwt"]);

export function checkProtectedHeader(header: JWSHeaderParameters): void {
  for (const name of FORBIDDEN) if (Object.hasOwn(header, name)) throw new AuthError("ERR_TOKEN_HEADER", name);
  const kid: unknown = header.kid;
  if (typeof kid !== "string" || kid === "" || kid.length > 256) throw new AuthError("ERR_TOKEN_HEADER", "kid");
  const typ: unknown = header.typ;
  if (typ !== undefined && (typeof typ !== "string" || !TYPES.has(typ.toLowerCase()))) throw new AuthError("ERR_TOKEN_HEADER", "typ");
}
