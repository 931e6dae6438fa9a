// The signing keys, cached per container. jose's createRemoteJWKSet is not used because during an outage
// it refetches on every request while it holds no keys (or stale ones). Here:
// - at most one fetch is in flight, and the next may start only after a pause: after a failed fetch a
//   short backoff that doubles per consecutive failure (0.5 s, 1 s, 2 s, then every 4 s), so an outage
//   costs each container one fetch per pause, never one per request, and the authorizer verifies again
//   within 4 s of the endpoint coming back; after a successful fetch the cooldown (30 s), which bounds
//   refetches for unknown `kid`s;
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
  /** No fetch starts before this time (ms): the cooldown after a success, the backoff after failures. */
  private nextAttemptAt = Number.NEGATIVE_INFINITY;
  private failures = 0;
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
    const attemptedAt = Date.now();
    this.nextAttemptAt = Number.POSITIVE_INFINITY; // while in flight; set from the outcome below
    this.pending = fetchJwks(this.settings.uri, this.settings, this.fetchImpl)
      .then((jwks) => importKeySet(jwks))
      .then((keys) => {
        this.keys = keys;
        this.fetchedAt = Date.now();
        this.failures = 0;
        this.nextAttemptAt = attemptedAt + this.settings.cooldownMs;
        if (keys.size === 0) this.logger.warn({ event: "jwks_no_usable_keys" }, "JWKS holds no RS256/ES256 signing key");
      })
      .catch((error: unknown) => {
        this.failures += 1;
        this.nextAttemptAt = attemptedAt + failureBackoffMs(this.failures, this.settings);
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
    return Date.now() < this.nextAttemptAt;
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

/** Pause after the `failures`-th consecutive failed fetch: doubling from the base, capped. */
export function failureBackoffMs(failures: number, settings: Pick<JwksSettings, "failureBackoffMs" | "maxFailureBackoffMs">): number {
  return Math.min(settings.maxFailureBackoffMs, settings.failureBackoffMs * 2 ** Math.max(0, failures - 1));
}
