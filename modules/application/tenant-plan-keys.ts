import { ApiGatewayUsagePlanKey } from "@cdktf/provider-aws/lib/api-gateway-usage-plan-key/index.js";
import { Construct } from "constructs";
import { address } from "../api-gateway/common/addresses.js";
import { RUNTIME_ID } from "./application-routes.js";
import type { TenancyModel } from "./model.js";
import { tenantKeyKey, tenantPlanKey, UNREGISTERED_KEY_KEY, unregisteredPlanKey } from "./tenant-usage-plans.js";

export interface TenantPlanKeysProps {
  readonly tenancy: TenancyModel;
  /** Id of one of the REST API's keys, by its `api_keys` key. */
  readonly apiKeyId: (apiKeysKey: string) => string;
  /** Id of one of the REST API's usage plans, by its `usage_plans` key. */
  readonly usagePlanId: (usagePlansKey: string) => string;
}

/**
 * Each tenant's API key in its plan, at `app__tenant_<id>` whatever the tier (see tenant-usage-plans.ts for why
 * the address must not name the tier).
 */
export class TenantPlanKeys extends Construct {
  constructor(scope: Construct, id: string, props: TenantPlanKeysProps) {
    super(scope, id);
    const join = (logicalId: string, keyKey: string, planKey: string) =>
      new ApiGatewayUsagePlanKey(this, logicalId, { keyId: props.apiKeyId(keyKey), keyType: "API_KEY", usagePlanId: props.usagePlanId(planKey) }).overrideLogicalId(
        address(RUNTIME_ID, logicalId),
      );
    for (const tenant of props.tenancy.tenants) join(`tenant_${tenant.id}`, tenantKeyKey(tenant.id), tenantPlanKey(tenant));
    if (props.tenancy.unregistered === "allow") join("unregistered", UNREGISTERED_KEY_KEY, unregisteredPlanKey(props.tenancy));
  }
}
