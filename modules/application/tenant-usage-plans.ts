import type { RestApiConfig, RestApiKeyConfig, RestUsagePlanConfig } from "../api-gateway/config/rest-api.js";
import { joinPath, type ProblemCollector } from "../api-gateway/validation/problems.js";
import { KEY_PREFIX } from "./application-routes.js";
import type { ApplicationModel, TenancyModel } from "./model.js";

/** `api_keys` key of a tenant's API key in the mounted REST API. Stays the same whatever the tenant's tier. */
export function tenantKeyKey(tenantId: string): string {
  return `${KEY_PREFIX}tenant_${tenantId}`;
}

/** `api_keys` key of the key unregistered tenants share, when the registry allows them. */
export const UNREGISTERED_KEY_KEY = `${KEY_PREFIX}unregistered`;

/** `usage_plans` key of a tier's plan. */
function tierPlanKey(tier: string): string {
  return `${KEY_PREFIX}tier_${tier}`;
}

/** `usage_plans` key of the plan a tenant's key belongs to: its tier's, or its own when it overrides a number. */
export function tenantPlanKey(tenant: TenancyModel["tenants"][number]): string {
  return tenant.overridden ? `${KEY_PREFIX}tenant_${tenant.id}` : tierPlanKey(tenant.tier);
}

/** The plan of the key unregistered tenants share. */
export function unregisteredPlanKey(tenancy: TenancyModel): string {
  return tierPlanKey(tenancy.defaultTier);
}

/**
 * The REST API's metering for a tenant registry: an API key per tenant (and one shared by unregistered tenants
 * when they are allowed), a usage plan per tier in use (rate, burst, monthly quota) holding its tenants' keys, a
 * plan of its own for a tenant that overrides a number, and `api_key_source = "AUTHORIZER"`: the authorizer
 * answers with the caller's key, so API Gateway enforces the tier before any function runs.
 *
 * The keys join their plans in the application runtime (tenant-plan-keys.ts), one usage plan key per tenant at an
 * address that does not name the tier: moving a tenant to another tier replaces that one resource in place
 * (destroyed, then created: AWS refuses a key in two plans of one stage), and the API key itself stays.
 */
export function tenantUsagePlans(api: RestApiConfig, app: ApplicationModel, tenancy: TenancyModel, at: string, problems: ProblemCollector): Pick<RestApiConfig, "api_key_source" | "api_keys" | "usage_plans"> {
  const stages = Object.keys(api.stages ?? {}).sort();
  if (stages.length === 0) problems.error(joinPath(at, "stages"), "are needed for the tenants' usage plans (application.tenants)", "add a stage to the API");
  if (api.api_key_source === "HEADER") {
    problems.error(joinPath(at, "api_key_source"), `is "HEADER", but the tenants' keys come from the authorizer`, 'remove it (the application sets "AUTHORIZER")');
  }
  for (const [key, method] of Object.entries(api.methods ?? {})) {
    if (method?.api_key_required && method.authorization !== "CUSTOM") {
      problems.error(
        joinPath(at, "methods", key, "api_key_required"),
        "needs a key from the x-api-key header, but with application.tenants the API takes keys from its Lambda authorizer",
        "put the method behind a CUSTOM authorizer that returns usageIdentifierKey, or drop api_key_required",
      );
    }
  }
  const keys: Record<string, RestApiKeyConfig> = { ...api.api_keys };
  const plans: Record<string, RestUsagePlanConfig> = { ...api.usage_plans };
  const plan = (key: string, description: string, limits: TenancyModel["defaultLimits"]): void => {
    plans[key] ??= {
      name: `${app.name}-${key.slice(KEY_PREFIX.length).replace(/_/g, "-")}`,
      description,
      api_stages: stages.map((stage) => ({ stage })),
      throttle_settings: { rate_limit: limits.ratePerSecond, burst_limit: limits.burst },
      quota_settings: { limit: limits.monthlyQuota, period: "MONTH" },
    };
  };
  for (const tenant of tenancy.tenants) {
    const key = tenantKeyKey(tenant.id);
    keys[key] = { name: `${app.name}-tenant-${tenant.id}`, description: `Tenant ${tenant.id}`, enabled: tenant.status === "active" };
    plan(tenantPlanKey(tenant), tenant.overridden ? `Tenant ${tenant.id} (${tenant.tier} with its own numbers)` : `Tier ${tenant.tier}`, tenant.limits);
  }
  if (tenancy.unregistered === "allow") {
    keys[UNREGISTERED_KEY_KEY] = { name: `${app.name}-unregistered`, description: "Tenants the registry does not list, together" };
    plan(unregisteredPlanKey(tenancy), `Tier ${tenancy.defaultTier}`, tenancy.defaultLimits);
  }
  return { api_key_source: "AUTHORIZER", api_keys: keys, usage_plans: plans };
}
