import { moduleOutput as output } from "./common/module-output.js";
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
  const stages = apis.flatMap(([apiKey, api]) => [...api.stages.entries()].map(([stageKey, stage]) => [`${apiKey}-${stageKey}`, stage.stage, stage.stage.invokeUrl] as const));
  const authorizers = (type: string) =>
    Object.fromEntries(
      apis.flatMap(([apiKey, api]) =>
        [...api.authorizers.entries()]
          .filter(([, a]) => a.authorizerTypeInput === type)
          .map(([key, a]) => [`${apiKey}-${key}`, { id: a.id, name: a.name, api_id: api.api.id }]),
      ),
    );

  output(scope, props.prefix, "http_apis", Object.fromEntries(apis.map(([key, { api }]) => [key, { id: api.id, name: api.name, arn: api.arn, api_endpoint: api.apiEndpoint, execution_arn: api.executionArn }])), "HTTP APIs by key: id, name, arn, api_endpoint, execution_arn");
  output(scope, props.prefix, "http_api_stages", Object.fromEntries(stages.map(([key, s, invokeUrl]) => [key, { id: s.id, name: s.name, arn: s.arn, invoke_url: invokeUrl, execution_arn: s.executionArn }])), "HTTP API stages by <api>-<stage>");
  output(scope, props.prefix, "http_api_stage_invoke_urls", Object.fromEntries(stages.map(([key, , invokeUrl]) => [key, invokeUrl])), "Invoke URL of each HTTP API stage, by <api>-<stage>");
  output(scope, props.prefix, "jwt_authorizers", authorizers("JWT"), "JWT authorizers by <api>-<authorizer>");
  output(scope, props.prefix, "lambda_authorizers", authorizers("REQUEST"), "Lambda authorizers of HTTP APIs by <api>-<authorizer>");
  output(scope, props.prefix, "vpc_links", Object.fromEntries([...props.vpcLinks.links.entries()].map(([key, link]) => [key, { id: link.id, arn: link.arn, name: link.name }])), "VPC links by key");
  output(
    scope,
    props.prefix,
    "http_api_custom_domains",
    Object.fromEntries(
      [...props.httpDomains.domains.entries()].map(([key, { domain, mapping }]) => [
        key,
        {
          id: domain.id,
          domain_name: domain.domainName,
          target_domain_name: domain.domainNameConfiguration.targetDomainName,
          hosted_zone_id: domain.domainNameConfiguration.hostedZoneId,
          api_mapping_id: mapping.id,
        },
      ]),
    ),
    "HTTP API custom domains by key: target domain and zone for DNS",
  );
  createRestOutputs(scope, { restApis: props.restApis, restDomains: props.restDomains, model: props.model, prefix: props.prefix });
}
