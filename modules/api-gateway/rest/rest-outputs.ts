import { moduleOutput as output, ref } from "../common/module-output.js";
import type { Construct } from "constructs";
import type { RestApiDomains } from "../domains/rest-api-domains.js";
import type { ModuleModel } from "../model.js";
import { costOptimizationSummary } from "../summaries/cost-summary.js";
import { performanceSummary } from "../summaries/performance-summary.js";
import { securitySummary } from "../summaries/security-summary.js";
import type { RestApi } from "./rest-api.js";

export interface RestOutputsProps {
  readonly restApis: ReadonlyMap<string, RestApi>;
  readonly restDomains: RestApiDomains;
  readonly model: ModuleModel;
  /** Prepended to output names, for a stack holding more than one module. */
  readonly prefix: string;
}

/**
 * The REST outputs of the HCL module (`rest_apis`, `rest_api_stages`, `rest_api_stage_invoke_urls`, `api_keys`,
 * `usage_plans`, `rest_api_custom_domains`, `rest_api_authorizers`) and the three summaries, which cover REST and
 * HTTP APIs. Keyed like the inputs; maps of a per-API thing are keyed `<api>-<key>`. API key values are never output.
 */
export function createRestOutputs(scope: Construct, props: RestOutputsProps): void {
  const apis = [...props.restApis.entries()];
  const perApi = <T>(items: (api: RestApi) => [string, T][]) => Object.fromEntries(apis.flatMap(([apiKey, api]) => items(api).map(([key, value]) => [`${apiKey}-${key}`, value])));
  const stages = perApi((api) =>
    [...api.stages.entries()].map(([key, { stage }]) => [key, { id: ref(stage, "id"), stage_name: ref(stage, "stage_name"), arn: ref(stage, "arn"), invoke_url: ref(stage, "invoke_url"), execution_arn: ref(stage, "execution_arn"), deployment_id: ref(stage, "deployment_id") }]),
  );
  const { prefix } = props;

  output(
    scope,
    prefix,
    "rest_apis",
    Object.fromEntries(apis.map(([key, { api, deployment }]) => [key, { id: ref(api, "id"), name: ref(api, "name"), arn: ref(api, "arn"), execution_arn: ref(api, "execution_arn"), root_resource_id: ref(api, "root_resource_id"), deployment_id: ref(deployment, "id") }])),
    "REST APIs by key: id, name, arn, execution_arn, root_resource_id, deployment_id",
  );
  output(scope, prefix, "rest_api_stages", stages, "REST API stages by <api>-<stage>: id, stage_name, arn, invoke_url, execution_arn, deployment_id");
  output(scope, prefix, "rest_api_stage_invoke_urls", Object.fromEntries(Object.entries(stages).map(([key, s]) => [key, s.invoke_url])), "Invoke URL of each REST API stage, by <api>-<stage>");
  output(scope, prefix, "api_keys", perApi((api) => [...api.usage.apiKeys.entries()].map(([key, k]) => [key, { id: ref(k, "id"), name: ref(k, "name") }])), "API keys by <api>-<key>: id and name (never the key value)");
  output(scope, prefix, "usage_plans", perApi((api) => [...api.usage.usagePlans.entries()].map(([key, p]) => [key, { id: ref(p, "id"), name: ref(p, "name"), arn: ref(p, "arn") }])), "Usage plans by <api>-<plan>: id, name, arn");
  output(
    scope,
    prefix,
    "rest_api_authorizers",
    perApi((api) => [...api.authorizers.entries()].map(([key, a]) => [key, { id: ref(a, "id"), name: ref(a, "name"), type: a.typeInput, api_id: ref(api.api, "id") }])),
    "REST API authorizers by <api>-<authorizer>: id, name, type, api_id",
  );
  const domainModels = new Map(props.model.restDomains.map((d) => [d.key, d]));
  output(
    scope,
    prefix,
    "rest_api_custom_domains",
    Object.fromEntries(
      [...props.restDomains.domains.entries()].map(([key, { domain, mappings }]) => {
        const edge = domainModels.get(key)!.endpointType === "EDGE";
        return [
          key,
          {
            id: ref(domain, "id"),
            domain_name: ref(domain, "domain_name"),
            endpoint_type: edge ? "EDGE" : "REGIONAL",
            target_domain_name: ref(domain, edge ? "cloudfront_domain_name" : "regional_domain_name"),
            hosted_zone_id: ref(domain, edge ? "cloudfront_zone_id" : "regional_zone_id"),
            certificate_arn: ref(domain, edge ? "certificate_arn" : "regional_certificate_arn"),
            base_path_mapping_ids: mappings.map((m) => ref(m, "id")),
          },
        ];
      }),
    ),
    "REST API custom domains by key: target domain and zone for DNS, certificate (given or created), base path mappings",
  );
  output(scope, prefix, "security_summary", securitySummary(props.model), "Per API: unauthenticated methods/routes, WAF, mutual TLS, private endpoint, TLS policy of domains, logging and tracing");
  output(scope, prefix, "performance_summary", performanceSummary(props.model), "Per stage (<api>-<stage>): throttling, caching, compression, X-Ray");
  output(scope, prefix, "cost_optimization_summary", costOptimizationSummary(props.model), "Per stage: estimated monthly fixed cost (cache clusters) and request price per API type, from a dated price table");
}
