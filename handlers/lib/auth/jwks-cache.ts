// The signing keys, cached per container. jose's createRemoteJWKSet is not used because during an outage
// it refetches on every request while it holds no keys (or stale ones). Here:
// - at most one fetch is in flight, and at most one starts per cooldown period (30 s) whatever happens:
//   an unknown `kid`, an expired cache or an outage cost each container one fetch per period, not one per
//   request;
// - keys are refreshed after maxAge (10 min); if that fails they stay in use up to maxStale (6 h) longer;
// - an unknown `kid` triggers a refetch (key rotation) only outside the cooldown;
// - every usable key is imported once, when the set arrives, into a map by `kid` and algorithm, so the
//   warm path is a map lookup (no per-request JWK matching or import).
import type { JWSHeaderParameters } from "jose";
import type { Logger } from "../logger.js";
import { AuthError } from "./auth-error.js";
import type { JwksSettings } from "./authorizer-config.js";
import { fetchJwks, type FetchLike } from "./jwks-fetch.js";
import { importKeySet, type KeySet, type VerificationKey } from "./key-set.js";

export class JwksCache {
  private keys: KeySet | undefined;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly settings: JwksSettings,
    private readonly logger: Logger,
    private readonly fetchImpl?: FetchLike,
  ) {}

  /** The key for a (checked) header: synchronous when the cache is fresh and holds it. */
  keyFor(header: JWSHeaderParameters): VerificationKey | Promise<VerificationKey> {
    const fresh = this.keys !== undefined && Date.now() - this.fetchedAt <= this.settings.maxAgeMs;
    if (fresh) {
      const key = this.keys!.find(header.kid, header.alg);
      if (key !== undefined) return key;
    }
    return this.keyAfterRefresh(header, fresh);
  }

  /** Starts (or joins) a fetch unless one started within the cooldown. Never throws. */
  refresh(): Promise<void> {
    if (this.pending !== undefined) return this.pending;
    if (this.coolingDown()) return Promise.resolve();
    this.attemptedAt = Date.now();
    this.pending = fetchJwks(this.settings.uri, this.settings, this.fetchImpl)
      .then((jwks) => importKeySet(jwks))
      .then((keys) => {
        this.keys = keys;
        this.fetchedAt = Date.now();
        if (keys.size === 0) this.logger.warn({ event: "jwks_no_usable_keys" }, "JWKS holds no RS256/ES256 signing key");
      })
      .catch((error: unknown) => {
        const code = error instanceof AuthError ? error.code : "ERR_JWKS_INVALID";
        this.logger.error({ event: "jwks_fetch_failed", reason: code, detail: error instanceof AuthError ? error.detail : undefined }, "JWKS fetch failed");
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  private async keyAfterRefresh(header: JWSHeaderParameters, fresh: boolean): Promise<VerificationKey> {
    // Stale or missing keys: refresh. Fresh keys without this kid: a rotation, worth one refetch per cooldown.
    if (!fresh || !this.coolingDown()) await this.refresh();
    const keys = this.usableKeys();
    const key = keys.find(header.kid, header.alg);
    if (key === undefined) throw new AuthError("ERR_KEY_NOT_FOUND");
    return key;
  }

  private coolingDown(): boolean {
    return Date.now() - this.attemptedAt < this.settings.cooldownMs;
  }

  private usableKeys(): KeySet {
    if (this.keys === undefined) throw new AuthError("ERR_JWKS_UNAVAILABLE", "no keys");
    if (Date.now() - this.fetchedAt > this.settings.maxAgeMs + this.settings.maxStaleMs) {
      this.keys = undefined;
      throw new AuthError("ERR_JWKS_UNAVAILABLE", "keys too stale");
    }
    return this.keys;
  }
}
