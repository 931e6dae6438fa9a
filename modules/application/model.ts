import type { TenantStatus, TierLimits } from "../../handlers/lib/contract/tenant-tiers.js";
import type { ApplicationHandlerName, RateLimitTier } from "./config.js";

/** The checked tenant registry: who may call, on which tier, with which numbers. */
export interface TenancyModel {
  /** Sorted by id. */
  readonly tenants: readonly {
    readonly id: string;
    readonly tier: string;
    readonly status: TenantStatus;
    /** The tier's numbers with the tenant's own overrides. */
    readonly limits: TierLimits;
    /** Whether the tenant overrides any of its tier's numbers (on REST it then gets a usage plan of its own). */
    readonly overridden: boolean;
  }[];
  readonly unregistered: "deny" | "allow";
  /** The tier of unregistered tenants, when they are allowed. */
  readonly defaultTier: string;
  readonly defaultLimits: TierLimits;
  /** Every tier by name: the presets and the team's own. */
  readonly tiers: Readonly<Record<string, TierLimits>>;
}

/** Every bundled function, including the authorizer, which comes with `catalog` or `orders`. */
export type FunctionName = ApplicationHandlerName | "authorizer";

/** The checked, defaulted `application` section. */
export interface ApplicationModel {
  readonly api: { readonly kind: "http" | "rest"; readonly key: string };
  /** Deployed functions, sorted. */
  readonly functions: readonly FunctionName[];
  /** Prefix of resource names. */
  readonly name: string;
  /** The environment's name, shown by `GET /health`. */
  readonly environment: string;
  readonly authorizer?: {
    readonly issuer: string;
    readonly audiences: readonly string[];
    readonly jwksUri?: string;
    readonly tenantClaim?: string;
    readonly roleClaim?: string;
    readonly maxTokenAgeSeconds?: number;
    readonly resultTtlSeconds: number;
    /** Issuer and audiences are the identity section's pool and clients, filled in when the stack is built. */
    readonly fromIdentity?: boolean;
  };
  readonly lambda: {
    readonly memorySize: number;
    readonly timeout: number;
    readonly reservedConcurrency?: number;
    readonly logRetentionDays: number;
    readonly logLevel: string;
    readonly tracing: boolean;
    readonly environment: Readonly<Record<string, string>>;
  };
  /** Secrets by name, sorted; the API functions read them. */
  readonly secrets: readonly { readonly name: string; readonly kind: "ssm" | "secretsmanager"; readonly arn: string }[];
  /** Undefined when no deployed function keeps data (health only). */
  readonly tables?: {
    readonly pointInTimeRecovery: boolean;
    readonly deletionProtection: boolean;
    readonly kmsKeyArn?: string;
  };
  readonly rateLimits: {
    readonly enabled: boolean;
    readonly defaultTier: RateLimitTier;
    readonly tenantTiers: Readonly<Record<string, RateLimitTier>>;
  };
  /** Undefined without a tenant registry (every tenant with a valid token is let through). */
  readonly tenancy?: TenancyModel;
  /** Undefined when alarms are off. */
  readonly alarms?: {
    readonly snsTopicArn?: string;
    readonly emails: readonly string[];
    readonly api5xxRatePercent: number;
    readonly apiLatencyP99Ms: number;
    readonly api4xxRatePercent: number;
    readonly apiThrottledPerMinute: number;
    readonly lambdaDurationPercentOfTimeout: number;
    readonly dynamodbThrottlesPerMinute: number;
  };
  readonly tags: Readonly<Record<string, string>>;
  /** Whether the environment's CloudWatch dashboard is created. */
  readonly dashboard: boolean;
}

/** Functions that read and write the tables. */
export const DATA_FUNCTIONS: readonly FunctionName[] = ["catalog", "orders"];
