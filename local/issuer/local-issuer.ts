// The local token issuer: one signing key kept under .local/issuer/ (created on first use, git-ignored), its
// JWKS served on 127.0.0.1, and tokens signed for the issuer and audience the stack's authorizers expect.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";

export interface IssuerKeys {
  readonly kid: string;
  readonly alg: "RS256";
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

/** The key under `<stateDir>/issuer/key.json` (stateDir: `.local/` of the project), made on first use. */
export async function issuerKeys(stateDir: string): Promise<IssuerKeys> {
  const dir = join(stateDir, "issuer");
  const file = join(dir, "key.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as IssuerKeys;
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `local-${randomUUID().slice(0, 8)}`;
  const keys: IssuerKeys = { kid, alg: "RS256", privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "RS256" }, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

/** What a token must carry for one of the stack's authorizers. */
export interface TokenProfile {
  readonly issuer: string;
  readonly audience: string;
  readonly tenantClaim: string;
  readonly roleClaim: string;
}

export interface TokenRequest {
  readonly tenant: string;
  readonly role: string;
  readonly scopes?: readonly string[];
  /** Seconds until expiry; negative for an already expired token. */
  readonly expiresInSeconds?: number;
  readonly subject?: string;
  /** Seconds since the epoch; defaults to now. */
  readonly now?: number;
}

export async function signToken(keys: IssuerKeys, profile: TokenProfile, request: TokenRequest): Promise<string> {
  const now = request.now ?? Math.floor(Date.now() / 1000);
  const expiresIn = request.expiresInSeconds ?? 3600;
  // An expired token was issued long enough ago to have been valid once.
  const issuedAt = expiresIn > 0 ? now : now + expiresIn - 60;
  return new SignJWT({
    token_use: "access",
    client_id: profile.audience,
    scope: (request.scopes ?? []).join(" "),
    [profile.tenantClaim]: request.tenant,
    [profile.roleClaim]: request.role,
    jti: randomUUID(),
  })
    .setProtectedHeader({ alg: keys.alg, kid: keys.kid, typ: "JWT" })
    .setIssuer(profile.issuer)
    .setAudience(profile.audience)
    .setSubject(request.subject ?? `local-${request.tenant}-${request.role}`.toLowerCase())
    .setIssuedAt(issuedAt)
    .setExpirationTime(now + expiresIn)
    .sign(await importJWK(keys.privateJwk, keys.alg));
}

/** `1h`, `30m`, `90s`, `2d`, or a number of seconds; a leading `-` for the past. */
export function parseDuration(text: string): number | undefined {
  const match = /^(-?)(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86_400 }[match[3] as "" | "s" | "m" | "h" | "d"];
  return (match[1] === "-" ? -1 : 1) * Number(match[2]) * unit;
}

export interface JwksServer {
  readonly url: string;
  readonly jwksUri: string;
  close(): Promise<void>;
}

/** Serves the JWKS (and an OpenID discovery document) on 127.0.0.1. */
export async function serveJwks(keys: IssuerKeys, port = 0): Promise<JwksServer> {
  let url = "";
  const server: Server = createServer((request, response) => {
    const body =
      request.url === "/.well-known/jwks.json"
        ? { keys: [keys.publicJwk] }
        : request.url === "/.well-known/openid-configuration"
          ? { issuer: url, jwks_uri: `${url}/.well-known/jwks.json` }
          : undefined;
    response.writeHead(body ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(body ?? { message: "Not Found" }));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    jwksUri: `${url}/.well-known/jwks.json`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL whose host is a loopback address: reachable offline. */
export function isLoopbackUrl(value: string): boolean {
  try {
    const host = new URL(value).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  } catch {
    return false;
  }
}
