import { ApiGatewayBasePathMapping } from "@cdktf/provider-aws/lib/api-gateway-base-path-mapping/index.js";
import { ApiGatewayDomainName } from "@cdktf/provider-aws/lib/api-gateway-domain-name/index.js";
import { Construct } from "constructs";
import { address } from "../common/addresses.js";
import { tagsArgument } from "../common/tags.js";
import type { RestApi } from "../rest/rest-api.js";
import type { RestDomainModel } from "../rest/rest-model.js";

export interface RestApiDomainsProps {
  readonly models: readonly RestDomainModel[];
  readonly apis: ReadonlyMap<string, RestApi>;
  readonly addressPrefix: string;
}

/** Custom domains of REST APIs (EDGE or REGIONAL) and their base path mappings. */
export class RestApiDomains extends Construct {
  readonly domains = new Map<string, { domain: ApiGatewayDomainName; mappings: ApiGatewayBasePathMapping[] }>();

  constructor(scope: Construct, id: string, props: RestApiDomainsProps) {
    super(scope, id);
    for (const model of props.models) {
      const api = props.apis.get(model.apiKey)!;
      const domain = new ApiGatewayDomainName(this, `domain-${model.key}`, {
        domainName: model.domainName,
        endpointConfiguration: { types: [model.endpointType] },
        certificateArn: model.endpointType === "EDGE" ? model.certificateArn : undefined,
        regionalCertificateArn: model.endpointType === "REGIONAL" ? model.regionalCertificateArn : undefined,
        securityPolicy: model.securityPolicy,
        mutualTlsAuthentication:
          model.endpointType === "REGIONAL" && model.mutualTls ? { truststoreUri: model.mutualTls.truststoreUri, truststoreVersion: model.mutualTls.truststoreVersion } : undefined,
        ownershipVerificationCertificateArn: model.ownershipVerificationCertificateArn,
        tags: tagsArgument(model.tags),
      });
      domain.overrideLogicalId(address(props.addressPrefix, model.key));
      const domainName = domain.domainName;
      const mappings = model.mappings.map((m) => {
        const mapping = new ApiGatewayBasePathMapping(this, `mapping-${m.id}`, {
          apiId: api.api.id,
          domainName,
          stageName: api.stages.get(m.stageKey)!.stage.stageName,
          basePath: m.basePath,
        });
        mapping.overrideLogicalId(address(props.addressPrefix, m.id));
        return mapping;
      });
      this.domains.set(model.key, { domain, mappings });
    }
  }
}
