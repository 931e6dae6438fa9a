import { ApiGatewayApiKey } from "@cdktf/provider-aws/lib/api-gateway-api-key/index.js";
import { ApiGatewayUsagePlanKey } from "@cdktf/provider-aws/lib/api-gateway-usage-plan-key/index.js";
import { ApiGatewayUsagePlan } from "@cdktf/provider-aws/lib/api-gateway-usage-plan/index.js";
import { Construct } from "constructs";
import { tagsArgument } from "../common/tags.js";
import type { RestApiKeyModel, RestUsagePlanModel } from "./rest-model.js";

export interface RestUsagePlansProps {
  readonly apiKeys: readonly RestApiKeyModel[];
  readonly usagePlans: readonly RestUsagePlanModel[];
  readonly restApiId: string;
  /** A stage's name as a reference, so that a plan waits for the stage it covers. */
  readonly stageName: (key: string) => string;
  readonly address: (...keys: string[]) => string;
}

/** API keys, usage plans, and an `aws_api_gateway_usage_plan_key` per key a plan lists. */
export class RestUsagePlans extends Construct {
  readonly apiKeys = new Map<string, ApiGatewayApiKey>();
  readonly usagePlans = new Map<string, ApiGatewayUsagePlan>();

  constructor(scope: Construct, id: string, props: RestUsagePlansProps) {
    super(scope, id);
    const at = props.address;
    for (const k of props.apiKeys) {
      const key = new ApiGatewayApiKey(this, `key-${k.key}`, { name: k.name, description: k.description, enabled: k.enabled, tags: tagsArgument(k.tags) });
      key.overrideLogicalId(at(k.key));
      this.apiKeys.set(k.key, key);
    }
    for (const p of props.usagePlans) {
      const plan = new ApiGatewayUsagePlan(this, `plan-${p.key}`, {
        name: p.name,
        description: p.description,
        apiStages: p.apiStages.map((s) => ({
          apiId: props.restApiId,
          stage: props.stageName(s.stageKey),
          throttle: s.throttle.length > 0 ? s.throttle.map((t) => ({ path: t.path, rateLimit: t.rateLimit, burstLimit: t.burstLimit })) : undefined,
        })),
        quotaSettings: p.quota,
        throttleSettings: p.throttle,
        tags: tagsArgument(p.tags),
      });
      plan.overrideLogicalId(at(p.key));
      this.usagePlans.set(p.key, plan);
      for (const keyKey of p.apiKeyKeys) {
        new ApiGatewayUsagePlanKey(this, `plan-key-${p.key}-${keyKey}`, { keyId: this.apiKeys.get(keyKey)!.id, keyType: "API_KEY", usagePlanId: plan.id }).overrideLogicalId(at(p.key, keyKey));
      }
    }
  }
}
