import { moduleOutput as output, ref } from "./common/module-output.js";
import type { Construct } from "constructs";
import type { HttpApiDomains } from "./domains/http-api-domains.js";
import type { RestApiDomains } from "./domains/rest-api-domains.js";
import type { HttpApi } from "./http/http-api.js";
import type { ModuleModel } from "./model.js";
import type { RestApi } from "./rest/rest-api.js";
import { createRestOutputs } from "./rest/rest-outputs.js";
import type { VpcLinks } from "./vpc-links/vpc-links.js";

/** The module's outputs, with the HCL module's names, keyed like its inputs (`<api>-<stage>` for stages). */
export interface ModuleOutputsProps {
  readonly httpApis: ReadonlyMap<string, HttpApi>;
  readonly vpcLinks: VpcLinks;
  readonly httpDomains: HttpApiDomains;
  readonly restApis: ReadonlyMap<string, RestApi>;
  readonly restDomains: RestApiDomains;
  /** The checked config, for the summaries. */
  readonly model: ModuleModel;
  /** Prepended to output names, for a stack holding more than one module. @default "" */
  readonly prefix: string;
}

export function createModuleOutputs(scope: Construct, props: ModuleOutputsProps): void {
  const apis = [...props.httpApis.entries()];
  const stages = apis.flatMap(([apiKey, api]) => [...api.stages.entries()].map(([stageKey, stage]) => [`${apiKey}-${stageKey}`, stage.stage, ref(stage.stage, "invoke_url")] as const));
  const authorizers = (type: string) =>
    Object.fromEntries(
      apis.flatMap(([apiKey, api]) =>
        [...api.authorizers.entries()]
          .filter(([, a]) => a.authorizerTypeInput === type)
          .map(([key, a]) => [`${apiKey}-${key}`, { id: ref(a, "id"), name: ref(a, "name"), api_id: ref(api.api, "id") }]),
      ),
    );

  output(scope, props.prefix, "http_apis", Object.fromEntries(apis.map(([key, { api }]) => [key, { id: ref(api, "id"), name: ref(api, "name"), arn: ref(api, "arn"), api_endpoint: ref(api, "api_endpoint"), execution_arn: ref(api, "execution_arn") }])), "HTTP APIs by key: id, name, arn, api_endpoint, execution_arn");
  output(scope, props.prefix, "http_api_stages", Object.fromEntries(stages.map(([key, s, invokeUrl]) => [key, { id: ref(s, "id"), name: ref(s, "name"), arn: ref(s, "arn"), invoke_url: invokeUrl, execution_arn: ref(s, "execution_arn") }])), "HTTP API stages by <api>-<stage>");
  output(scope, props.prefix, "http_api_stage_invoke_urls", Object.fromEntries(stages.map(([key, , invokeUrl]) => [key, invokeUrl])), "Invoke URL of each HTTP API stage, by <api>-<stage>");
  output(scope, props.prefix, "jwt_authorizers", authorizers("JWT"), "JWT authorizers by <api>-<authorizer>");
  output(scope, props.prefix, "lambda_authorizers", authorizers("REQUEST"), "Lambda authorizers of HTTP APIs by <api>-<authorizer>");
  output(scope, props.prefix, "vpc_links", Object.fromEntries([...props.vpcLinks.links.entries()].map(([key, link]) => [key, { id: ref(link, "id"), arn: ref(link, "arn"), name: ref(link, "name") }])), "VPC links by key");
  output(
    scope,
    props.prefix,
    "http_api_custom_domains",
    Object.fromEntries(
      [...props.httpDomains.domains.entries()].map(([key, { domain, mapping }]) => [
        key,
        {
          id: ref(domain, "id"),
          domain_name: ref(domain, "domain_name"),
          target_domain_name: ref(domain, "domain_name_configuration[0].target_domain_name"),
          hosted_zone_id: ref(domain, "domain_name_configuration[0].hosted_zone_id"),
          certificate_arn: ref(domain, "domain_name_configuration[0].certificate_arn"),
          api_mapping_id: ref(mapping, "id"),
        },
      ]),
    ),
    "HTTP API custom domains by key: target domain and zone for DNS, certificate (given or created)",
  );
  createRestOutputs(scope, { restApis: props.restApis, restDomains: props.restDomains, model: props.model, prefix: props.prefix });
}
