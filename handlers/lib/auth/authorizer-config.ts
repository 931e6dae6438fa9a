// The authorizer's settings, only from its environment, checked once at cold start (a bad value is an
// init error, not a silently permissive authorizer).
//
//   JWT_ISSUER                   required  exact `iss` to accept, e.g. https://cognito-idp.<region>.amazonaws.com/<pool id>
//   JWT_AUDIENCE                 required  comma list of accepted `aud` values / Cognito app client ids (`client_id`)
//   JWKS_URI                     optional  default <JWT_ISSUER>/.well-known/jwks.json; https, or http to a loopback IP
//   TENANT_CLAIM                 optional  default custom:tenant_id, falling back to tenant_id when that claim is absent
//   ROLE_CLAIM                   optional  default custom:role
//   JWT_MAX_TOKEN_AGE_SECONDS    optional  reject tokens whose `iat` is older; default 3600 (60..86400)
//   JWT_CLOCK_TOLERANCE_SECONDS  optional  leeway for exp/nbf/iat; default 30 (0..60)
//   TENANT_REGISTRY              optional  <tenantId>=<active|suspended>[:<API key>],...; absent: every tenant
//   TENANT_UNREGISTERED          optional  deny (default) | allow: tenants the registry does not list
//   TENANT_UNREGISTERED_KEY      optional  REST: the API key unregistered tenants are metered under
//   LOG_LEVEL                    optional  default info
import { commaList, ConfigError, integerInRange, optionalString, requiredString, type Env } from "../env.js";
import { logLevelFromEnv } from "../logger.js";
import { tenantRegistryFromEnv, type TenantRegistry } from "./tenant-registry.js";

export const ALGORITHMS = ["RS256", "ES256"] as const;

export interface JwksSettings {
  readonly uri: URL;
  /** Largest JWKS response accepted (bytes). */
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** Keys are refetched after this age. */
  readonly maxAgeMs: number;
  /** After a successful fetch, no other starts for this long (bounds refetches for unknown kids). */
  readonly cooldownMs: number;
  /** After a failed fetch, the next may start after this pause, doubled per consecutive failure... */
  readonly failureBackoffMs: number;
  /** ...up to this: how soon after the JWKS endpoint recovers the authorizer verifies again. */
  readonly maxFailureBackoffMs: number;
  /** While refetching fails, keys this much past maxAge are still used; older ones are dropped. */
  readonly maxStaleMs: number;
}

export interface AuthorizerConfig {
  readonly issuer: string;
  readonly audiences: readonly string[];
  readonly tenantClaims: readonly string[];
  readonly roleClaim: string;
  readonly maxTokenAgeSeconds: number;
  readonly clockToleranceSeconds: number;
  /** Longest token accepted (characters), checked before any decoding or crypto. */
  readonly maxTokenLength: number;
  readonly jwks: JwksSettings;
  /** Tenants let through and their usage keys; undefined: every tenant with a valid token. */
  readonly tenants?: TenantRegistry;
  readonly logLevel: ReturnType<typeof logLevelFromEnv>;
}

export function authorizerConfigFromEnv(env: Env): AuthorizerConfig {
  const issuer = requiredString(env, "JWT_ISSUER");
  const audiences = commaList(requiredString(env, "JWT_AUDIENCE"));
  if (audiences.length === 0) throw new ConfigError("JWT_AUDIENCE", "must list at least one audience");
  const tenantClaim = optionalString(env, "TENANT_CLAIM");
  return {
    issuer,
    audiences,
    tenantClaims: tenantClaim === undefined ? ["custom:tenant_id", "tenant_id"] : [tenantClaim],
    roleClaim: optionalString(env, "ROLE_CLAIM") ?? "custom:role",
    maxTokenAgeSeconds: integerInRange(env, "JWT_MAX_TOKEN_AGE_SECONDS", 3_600, 60, 86_400),
    clockToleranceSeconds: integerInRange(env, "JWT_CLOCK_TOLERANCE_SECONDS", 30, 0, 60),
    maxTokenLength: 8_192,
    jwks: {
      uri: jwksUri(env, issuer),
      maxBytes: 64 * 1024,
      timeoutMs: 3_000,
      maxAgeMs: 10 * 60_000,
      cooldownMs: 30_000,
      failureBackoffMs: 500,
      maxFailureBackoffMs: 4_000,
      maxStaleMs: 6 * 3_600_000,
    },
    tenants: tenantRegistryFromEnv(env),
    logLevel: logLevelFromEnv(env),
  };
}

function jwksUri(env: Env, issuer: string): URL {
  const explicit = optionalString(env, "JWKS_URI");
  const variable = explicit === undefined ? "JWT_ISSUER" : "JWKS_URI";
  let url: URL;
  try {
    url = new URL(explicit ?? `${issuer.replace(/\/+$/, "")}/.well-known/jwks.json`);
  } catch {
    throw new ConfigError(variable, "does not give a valid JWKS URL");
  }
  if (url.username !== "" || url.password !== "") throw new ConfigError(variable, "the JWKS URL must not carry credentials");
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && isLoopbackAddress(url.hostname)) return url;
  throw new ConfigError(variable, `the JWKS URL must be https (plain http only to a loopback address), got ${url.protocol}//${url.host}`);
}

/** 127.0.0.0/8 or [::1], as literals: a name could resolve anywhere. */
function isLoopbackAddress(hostname: string): boolean {
  return hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
