// HTTP API JWT authorizers (and REST Cognito user pool authorizers), done by the gateway itself as API
// Gateway does: signature against the issuer's JWKS (RSA keys), exact issuer, `aud` or `client_id` among the
// audiences, `exp`/`nbf`/`iat`, then the route's scopes. An issuer on a loopback address is asked for its
// OpenID configuration; any other issuer's keys are the local issuer's (no network beyond 127.0.0.1).
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWK, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { isLoopbackUrl } from "../issuer/local-issuer.js";

export type JwtDecision =
  | { readonly ok: true; readonly claims: JWTPayload; readonly scopes: readonly string[] }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

export class JwtAuthorizers {
  private readonly keySets = new Map<string, Promise<JWTVerifyGetKey>>();
  private readonly localKeys: JWTVerifyGetKey;

  constructor(localPublicJwk: JWK) {
    this.localKeys = createLocalJWKSet({ keys: [localPublicJwk] });
  }

  /** Where the keys of `issuer` come from: its own JWKS when reachable offline, else the local issuer. */
  keySource(issuer: string): "issuer" | "local" {
    return isLoopbackUrl(issuer) ? "issuer" : "local";
  }

  private keysOf(issuer: string): Promise<JWTVerifyGetKey> {
    if (this.keySource(issuer) === "local") return Promise.resolve(this.localKeys);
    let keys = this.keySets.get(issuer);
    if (!keys) {
      keys = (async () => {
        const discovery = (await (await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`)).json()) as { jwks_uri?: string };
        return createRemoteJWKSet(new URL(discovery.jwks_uri ?? `${issuer.replace(/\/$/, "")}/.well-known/jwks.json`));
      })();
      keys.catch(() => this.keySets.delete(issuer));
      this.keySets.set(issuer, keys);
    }
    return keys;
  }

  async verify(authorization: string | undefined, issuer: string, audiences: readonly string[] | undefined, requiredScopes: readonly string[]): Promise<JwtDecision> {
    if (!authorization) return { ok: false, status: 401, reason: "no token" };
    const token = authorization.replace(/^Bearer\s+/i, "");
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, await this.keysOf(issuer), { issuer, algorithms: ["RS256", "RS384", "RS512"], requiredClaims: ["exp"] }));
    } catch (error) {
      return { ok: false, status: 401, reason: (error as { code?: string }).code ?? "invalid token" };
    }
    if (audiences !== undefined) {
      const aud = Array.isArray(claims.aud) ? claims.aud : claims.aud === undefined ? [] : [claims.aud];
      const clientId = typeof claims.client_id === "string" ? [claims.client_id] : [];
      if (![...aud, ...clientId].some((value) => audiences.includes(value))) return { ok: false, status: 401, reason: "audience" };
    }
    const scopes = typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : Array.isArray(claims.scp) ? claims.scp.map(String) : [];
    if (requiredScopes.length > 0 && !requiredScopes.some((scope) => scopes.includes(scope))) return { ok: false, status: 403, reason: "scopes" };
    return { ok: true, claims, scopes };
  }
}

/** Claims as API Gateway hands them to integrations: strings. */
export function claimStrings(claims: JWTPayload): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, typeof v === "string" ? v : Array.isArray(v) ? `[${v.join(" ")}]` : JSON.stringify(v)]));
}
