import type { Int32 } from "../api-gateway/config/common.js";

/**
 * The prefix of the pool's Cognito domain (`https://<prefix>.auth.<region>.amazoncognito.com`): 1 to 63 lower-case
 * letters, digits and `-`, neither starting nor ending with `-`, without `aws`, `amazon` or `cognito` (Cognito's rules).
 * @title a Cognito domain prefix
 * @pattern ^(?!.*(aws|amazon|cognito))[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$
 * @fix use lower-case letters, digits and -, without aws, amazon or cognito, e.g. "acme-dev-login"
 */
export type CognitoDomainPrefix = string;

/**
 * An OAuth scope: one of the API's (`api/read`, `api/write`) or, for user-facing clients, a standard one
 * (`openid`, `email`, `profile`, `phone`, `aws.cognito.signin.user.admin`).
 * @minLength 1
 * @maxLength 256
 * @pattern ^\S+$
 * @fix write one scope per entry, e.g. "api/read"
 */
export type OAuthScope = string;

/**
 * A callback or sign-out URL: https, or http only to `localhost` / `127.0.0.1` for local development.
 * @minLength 1
 * @maxLength 1024
 * @fix use an https:// URL, e.g. "https://app.example.com/callback"
 */
export type RedirectUrl = string;

/**
 * Minutes an access token of the client is valid, 5..1440 (Cognito's range). Becomes `access_token_validity`
 * (with `token_validity_units.access_token = "minutes"`).
 * @minimum 5
 * @maximum 1440
 */
export type AccessTokenMinutes = Int32;

/** Settings of the machine-to-machine client (client-credentials grant, with a secret) of one application tenant. */
export interface IdentityMachineClientConfig {
  /**
   * The API scopes its tokens may carry.
   * @minItems 1
   * @uniqueItems true
   * @default ["api/read", "api/write"]
   */
  readonly scopes?: OAuthScope[];
  /** Access-token validity in minutes. @default 60 */
  readonly access_token_validity_minutes?: AccessTokenMinutes;
}

/** A user-facing app client: authorization code grant with PKCE, for a web or mobile app whose users sign in. */
export interface IdentityUserClientConfig {
  /**
   * Where Cognito may send the authorization code.
   * @minItems 1
   * @uniqueItems true
   */
  readonly callback_urls: RedirectUrl[];
  /** Where Cognito may send users after sign-out. @uniqueItems true @default [] */
  readonly logout_urls?: RedirectUrl[];
  /**
   * Scopes its tokens may carry.
   * @minItems 1
   * @uniqueItems true
   * @default ["openid", "email", "api/read", "api/write"]
   */
  readonly scopes?: OAuthScope[];
  /**
   * A public client (a browser or mobile app, which cannot keep a secret) gets no client secret and must use PKCE;
   * `false` makes a confidential client (a server-side web app) with a secret.
   * @default true
   */
  readonly public?: boolean;
  /** Access-token validity in minutes. @default 60 */
  readonly access_token_validity_minutes?: AccessTokenMinutes;
}

/**
 * A Cognito user pool for this environment's API, and the JWT authorizer wired to it (unless `application.authorizer`
 * names another issuer): 12+ character passwords with every character class, TOTP MFA, account recovery by verified
 * e-mail, threat protection enforced, the attributes `custom:tenant_id` (immutable) and `custom:role`, the scopes
 * `api/read` and `api/write`, a domain for the token endpoint, a client-credentials client per application tenant
 * and the user-facing clients below. A pre-token-generation trigger puts tenant and role into access tokens.
 */
export interface IdentityConfig {
  /** Prefix of the pool's domain, which serves the token endpoint `https://<prefix>.auth.<region>.amazoncognito.com/oauth2/token`. */
  readonly domain_prefix: CognitoDomainPrefix;
  /**
   * Settings of the machine-to-machine clients, by `application.tenants` key. Every registered tenant gets one
   * client; an entry here only changes its settings.
   * @propertyNames {"pattern": "^[a-z0-9][a-z0-9-]{0,62}$", "fix": "use the tenant's application.tenants key"}
   * @default {}
   */
  readonly machine_clients?: Record<string, IdentityMachineClientConfig>;
  /**
   * User-facing app clients by name (letters, digits, `-` and `_`).
   * @propertyNames {"pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$", "fix": "use letters, digits, - and _ (at most 63)"}
   * @default {}
   */
  readonly user_clients?: Record<string, IdentityUserClientConfig>;
  /** Refuse deleting the pool (and its users) until switched off. Becomes `deletion_protection` `ACTIVE`/`INACTIVE`. @default true */
  readonly deletion_protection?: boolean;
}
