import { ApiGatewayBasePathMapping } from "@cdktf/provider-aws/lib/api-gateway-base-path-mapping/index.js";
import { ApiGatewayDomainName } from "@cdktf/provider-aws/lib/api-gateway-domain-name/index.js";
import { Construct } from "constructs";
import { address } from "../common/addresses.js";
import { tagsArgument } from "../common/tags.js";
import type { RestApi } from "../rest/rest-api.js";
import type { RestDomainModel } from "../rest/rest-model.js";
import { createAliasRecords } from "./alias-records.js";
import type { ManagedCertificates } from "./managed-certificates.js";

export interface RestApiDomainsProps {
  readonly models: readonly RestDomainModel[];
  readonly apis: ReadonlyMap<string, RestApi>;
  readonly addressPrefix: string;
  /** Resolves each domain's certificate ARN (created certificates wait for their validation). */
  readonly certificates: Pick<ManagedCertificates, "arnOf">;
}

/** Custom domains of REST APIs (EDGE or REGIONAL), their base path mappings, and their alias records. */
export class RestApiDomains extends Construct {
  readonly domains = new Map<string, { domain: ApiGatewayDomainName; mappings: ApiGatewayBasePathMapping[] }>();

  constructor(scope: Construct, id: string, props: RestApiDomainsProps) {
    super(scope, id);
    for (const model of props.models) {
      const api = props.apis.get(model.apiKey)!;
      const certificateArn = props.certificates.arnOf(model.certificate);
      const domain = new ApiGatewayDomainName(this, `domain-${model.key}`, {
        domainName: model.domainName,
        endpointConfiguration: { types: [model.endpointType], ipAddressType: model.ipAddressType },
        certificateArn: model.endpointType === "EDGE" ? certificateArn : undefined,
        regionalCertificateArn: model.endpointType === "REGIONAL" ? certificateArn : undefined,
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
      if (model.dnsRecords) {
        const edge = model.endpointType === "EDGE";
        createAliasRecords(this, {
          kind: "rest",
          key: model.key,
          addressPrefix: props.addressPrefix,
          domainName: model.domainName,
          ...model.dnsRecords,
          targetDomainName: edge ? domain.cloudfrontDomainName : domain.regionalDomainName,
          targetZoneId: edge ? domain.cloudfrontZoneId : domain.regionalZoneId,
        });
      }
      this.domains.set(model.key, { domain, mappings });
    }
  }
}
