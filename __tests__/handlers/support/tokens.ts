// Real keys made with jose, and tokens (valid and hostile) signed or forged with them.
import { CompactSign, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";

export const ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool";
export const AUDIENCE = "app-client-1";
export const OTHER_AUDIENCE = "app-client-2";
/** Frozen "now" for token tests: 2030-01-01T00:00:00Z. */
export const NOW_SECONDS = 1_893_456_000;

export interface SigningKey {
  readonly alg: "RS256" | "ES256" | "RS384" | "PS256";
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly publicPem: string;
}

export async function makeKey(alg: SigningKey["alg"], kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  return { alg, kid, privateKey, publicKey, publicJwk, publicPem: await exportSPKI(publicKey) };
}

export interface TestKeys {
  readonly rsa: SigningKey;
  readonly ec: SigningKey;
  /** Not in the JWKS. */
  readonly attacker: SigningKey;
}

export async function makeTestKeys(): Promise<TestKeys> {
  return { rsa: await makeKey("RS256", "rsa-1"), ec: await makeKey("ES256", "ec-1"), attacker: await makeKey("RS256", "attacker-1") };
}

/** The claims of a valid Cognito-style access token (with `aud`), issued one minute before NOW. */
export function validClaims(overrides: Record<string, unknown> = {}): JWTPayload {
  const claims: Record<string, unknown> = {
    sub: "user-uuid-1",
    iss: ISSUER,
    aud: AUDIENCE,
    token_use: "access",
    scope: "api/read api/write",
    "custom:tenant_id": "tenant-123",
    "custom:role": "Admin",
    iat: NOW_SECONDS - 60,
    exp: NOW_SECONDS + 3_540,
    jti: `jti-${Math.random().toString(36).slice(2)}`,
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete claims[key];
    else claims[key] = value;
  }
  return claims as JWTPayload;
}

export async function sign(claims: JWTPayload, key: SigningKey, header: Record<string, unknown> = {}, options?: { crit?: Record<string, boolean> }): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT", ...header }).sign(key.privateKey, options);
}

export async function signHs256(claims: JWTPayload, secret: Uint8Array, kid: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid, typ: "JWT" }).sign(secret);
}

/** Signs exactly this JSON text as the payload (for claim sets no object literal can express, like `__proto__`). */
export async function signJson(json: string, key: SigningKey): Promise<string> {
  return new CompactSign(new TextEncoder().encode(json)).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "JWT" }).sign(key.privateKey);
}

/** A token assembled by hand (no library checks), for shapes no signer would produce. */
export function forge(header: Record<string, unknown>, payload: Record<string, unknown>, signature = ""): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`;
}

export function b64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}
