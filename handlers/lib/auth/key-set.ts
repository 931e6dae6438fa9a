// A fetched JWKS, imported: public RSA keys for RS256 and P-256 keys for ES256, by `kid`. A JWK is used
// only if it is a public key, its `use` (if any) is `sig`, its `key_ops` (if any) include `verify`, and its
// `alg` (if any) is the algorithm it would serve. A `kid` that appears twice for one algorithm is ambiguous
// and serves nothing. Keys that fail to import are skipped (one bad key must not take the others down).
import { importJWK, type JSONWebKeySet, type JWK } from "jose";

export type VerificationKey = Exclude<Awaited<ReturnType<typeof importJWK>>, Uint8Array>;

type Algorithm = "RS256" | "ES256";

export interface KeySet {
  readonly size: number;
  find(kid: unknown, alg: unknown): VerificationKey | undefined;
}

export async function importKeySet(jwks: JSONWebKeySet): Promise<KeySet> {
  const byId = new Map<string, VerificationKey | null>();
  for (const jwk of jwks.keys) {
    const alg = algorithmOf(jwk);
    if (alg === undefined || typeof jwk.kid !== "string" || jwk.kid === "") continue;
    const id = `${alg} ${jwk.kid}`;
    if (byId.has(id)) {
      byId.set(id, null);
      continue;
    }
    try {
      const key = await importJWK(publicPart(jwk), alg);
      if (!(key instanceof Uint8Array) && key.type === "public") byId.set(id, key);
    } catch {
      // not importable: skipped
    }
  }
  let size = 0;
  for (const key of byId.values()) if (key !== null) size += 1;
  return {
    size,
    find: (kid, alg) => (typeof kid === "string" && typeof alg === "string" ? (byId.get(`${alg} ${kid}`) ?? undefined) : undefined),
  };
}

function algorithmOf(jwk: JWK): Algorithm | undefined {
  if (typeof jwk !== "object" || jwk === null) return undefined;
  if (jwk.d !== undefined) return undefined; // a private key has no business in a JWKS
  if (jwk.use !== undefined && jwk.use !== "sig") return undefined;
  if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes("verify"))) return undefined;
  const alg = jwk.kty === "RSA" ? "RS256" : jwk.kty === "EC" && jwk.crv === "P-256" ? "ES256" : undefined;
  if (alg === undefined || (jwk.alg !== undefined && jwk.alg !== alg)) return undefined;
  return alg;
}

/** Only the public parameters, so nothing else in the JWK can influence the import. */
function publicPart(jwk: JWK): JWK {
  return jwk.kty === "RSA" ? { kty: "RSA", n: jwk.n, e: jwk.e } : { kty: "EC", crv: jwk.crv, x: jwk.x, y: jwk.y };
}
