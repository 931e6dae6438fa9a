import { Apigatewayv2ApiMapping } from "@cdktf/provider-aws/lib/apigatewayv2-api-mapping/index.js";
import { Apigatewayv2DomainName } from "@cdktf/provider-aws/lib/apigatewayv2-domain-name/index.js";
import { Construct } from "constructs";
import { address } from "../common/addresses.js";
import { tagsArgument } from "../common/tags.js";
import type { HttpApi } from "../http/http-api.js";
import type { HttpDomainModel } from "../model.js";
import { createAliasRecords } from "./alias-records.js";
import type { ManagedCertificates } from "./managed-certificates.js";

export interface HttpApiDomainsProps {
  readonly models: readonly HttpDomainModel[];
  readonly apis: ReadonlyMap<string, HttpApi>;
  readonly addressPrefix: string;
  /** Resolves each domain's certificate ARN (created certificates wait for their validation). */
  readonly certificates: Pick<ManagedCertificates, "arnOf">;
}

/** Custom domains of HTTP APIs (always REGIONAL), the API mapping of each to its stage, and their alias records. */
export class HttpApiDomains extends Construct {
  readonly domains = new Map<string, { domain: Apigatewayv2DomainName; mapping: Apigatewayv2ApiMapping }>();

  constructor(scope: Construct, id: string, props: HttpApiDomainsProps) {
    super(scope, id);
    for (const model of props.models) {
      const api = props.apis.get(model.apiKey)!;
      const domain = new Apigatewayv2DomainName(this, `domain-${model.key}`, {
        domainName: model.domainName,
        domainNameConfiguration: {
          certificateArn: props.certificates.arnOf(model.certificate),
          endpointType: "REGIONAL",
          ipAddressType: model.ipAddressType,
          securityPolicy: model.securityPolicy,
          ownershipVerificationCertificateArn: model.ownershipVerificationCertificateArn,
        },
        mutualTlsAuthentication: model.mutualTls && {
          truststoreUri: model.mutualTls.truststoreUri,
          truststoreVersion: model.mutualTls.truststoreVersion,
        },
        tags: tagsArgument(model.tags),
      });
      domain.overrideLogicalId(address(props.addressPrefix, model.key));
      const mapping = new Apigatewayv2ApiMapping(this, `mapping-${model.key}`, {
        apiId: api.api.id,
        domainName: domain.id,
        stage: api.stages.get(model.stageKey)!.stage.id,
        apiMappingKey: model.apiMappingKey,
      });
      mapping.overrideLogicalId(address(props.addressPrefix, model.key));
      if (model.dnsRecords) {
        const target = domain.domainNameConfiguration;
        createAliasRecords(this, { kind: "http", key: model.key, addressPrefix: props.addressPrefix, domainName: model.domainName, ...model.dnsRecords, targetDomainName: target.targetDomainName, targetZoneId: target.hostedZoneId });
      }
      this.domains.set(model.key, { domain, mapping });
    }
  }
}
