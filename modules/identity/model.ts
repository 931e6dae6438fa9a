/** The checked, defaulted `identity` section. */
export interface IdentityModel {
  /** Prefix of every resource name (the application's `name`). */
  readonly name: string;
  readonly domainPrefix: string;
  readonly deletionProtection: boolean;
  /** One per application tenant, sorted by tenant id. */
  readonly machineClients: readonly { readonly tenant: string; readonly scopes: readonly string[]; readonly accessTokenMinutes: number }[];
  /** Sorted by key. */
  readonly userClients: readonly {
    readonly key: string;
    readonly callbackUrls: readonly string[];
    readonly logoutUrls: readonly string[];
    readonly scopes: readonly string[];
    readonly public: boolean;
    readonly accessTokenMinutes: number;
  }[];
  /** Log retention of the trigger's log group, tracing and log level: the application's. */
  readonly logRetentionDays: number;
  readonly tracing: boolean;
  readonly logLevel: string;
  readonly tags: Readonly<Record<string, string>>;
}
