import { isToken } from "../common/lambda-arn.js";
import { mergeTags } from "../common/tags.js";
import type { HttpApiCustomDomainConfig } from "../config/domains.js";
import type { HttpApiConfig } from "../config/http-api.js";
import type { HttpDomainModel } from "../model.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { suggestion } from "../validation/did-you-mean.js";
import { joinPath, listOrNone, quote } from "../validation/problems.js";
import { dnsNameProblem, isDnsName } from "./dns-names.js";
import { normalizeManagedDomain, type CertificateRequest } from "./normalize-managed-domain.js";

const ACM_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/;

export function normalizeHttpDomains(
  domains: Record<string, HttpApiCustomDomainConfig> | undefined,
  apis: Record<string, HttpApiConfig> | undefined,
  ctx: NormalizeContext,
  certificateRequests: CertificateRequest[],
): HttpDomainModel[] {
  const apiKeys = Object.keys(apis ?? {});
  const seenNames = new Map<string, string>();
  return sortedEntries(domains).flatMap(([key, domain]): HttpDomainModel[] => {
    const at = joinPath("http_api_custom_domains", key);
    const settings = domain.domain_name_configuration ?? {};
    if (!isDnsName(domain.domain_name)) {
      ctx.problems.error(joinPath(at, "domain_name"), dnsNameProblem(domain.domain_name), "use lower-case labels of letters, digits and -, such as api.example.com");
    }
    const earlier = seenNames.get(domain.domain_name);
    if (earlier) ctx.problems.error(joinPath(at, "domain_name"), `${quote(domain.domain_name)} is also http_api_custom_domains.${earlier}`, "a domain name can be created once; add another api_mapping instead");
    seenNames.set(domain.domain_name, key);
    if (settings.endpoint_type === "EDGE") {
      ctx.problems.error(
        joinPath(at, "domain_name_configuration", "endpoint_type"),
        "HTTP APIs support REGIONAL custom domains only (EDGE is for REST APIs)",
        'set endpoint_type = "REGIONAL" (mutual TLS works on REGIONAL domains), or put CloudFront in front',
      );
    }
    if (settings.security_policy === "TLS_1_0") {
      ctx.problems.error(joinPath(at, "domain_name_configuration", "security_policy"), "HTTP API domains support TLS_1_2 only", 'set security_policy = "TLS_1_2"');
    }
    const managed = normalizeManagedDomain(
      {
        at,
        settings: domain,
        domainName: domain.domain_name,
        placement: "regional",
        arn: settings.certificate_arn,
        arnField: "domain_name_configuration.certificate_arn",
        ipv6: settings.ip_address_type === "dualstack",
        ipAddressType: settings.ip_address_type,
      },
      certificateRequests,
      ctx.problems,
    );
    const arn = settings.certificate_arn;
    if (managed.certificate === undefined && arn === undefined) {
      ctx.problems.error(
        joinPath(at, "domain_name_configuration", "certificate_arn"),
        "is required unless create_certificate = true",
        "give an ACM certificate ARN in the API's region, or set create_certificate = true with route53_zone_id",
      );
    } else if (managed.certificate === undefined && arn !== undefined && !ACM_ARN.test(arn) && !isToken(arn)) {
      ctx.problems.error(joinPath(at, "domain_name_configuration", "certificate_arn"), `${quote(arn)} is not an ACM certificate ARN`, "use arn:aws:acm:<region>:<account>:certificate/<id>");
    }
    const mtls = domain.mutual_tls_authentication;
    if (mtls && !/^s3:\/\/[^/]+\/.+/.test(mtls.truststore_uri)) {
      ctx.problems.error(joinPath(at, "mutual_tls_authentication", "truststore_uri"), `${quote(mtls.truststore_uri)} is not an s3:// URI`, "use s3://<bucket>/<key>.pem");
    }
    const api = apis?.[domain.api_name];
    if (!api) {
      ctx.problems.error(joinPath(at, "api_name"), `${quote(domain.api_name)} is not defined`, suggestion(domain.api_name, apiKeys, "http_apis keys"));
      return [];
    }
    const stageKeys = Object.keys(api.stages ?? {});
    let stageKey = domain.api_mapping?.stage;
    if (stageKey === undefined) {
      if (stageKeys.length !== 1) {
        ctx.problems.error(joinPath(at, "api_mapping"), `is required: http_apis.${domain.api_name} has ${stageKeys.length} stages`, `set api_mapping = { stage = ... } with one of: ${listOrNone(stageKeys)}`);
        return [];
      }
      stageKey = stageKeys[0]!;
    } else if (!stageKeys.includes(stageKey)) {
      ctx.problems.error(joinPath(at, "api_mapping", "stage"), `${quote(stageKey)} is not a stage of http_apis.${domain.api_name}`, suggestion(stageKey, stageKeys, "stages"));
      return [];
    }
    return [
      {
        key,
        apiKey: domain.api_name,
        domainName: domain.domain_name,
        certificate: managed.certificate ?? { kind: "arn", arn: arn ?? "" },
        ipAddressType: managed.ipAddressType,
        dnsRecords: managed.dnsRecords,
        securityPolicy: "TLS_1_2",
        ownershipVerificationCertificateArn: settings.ownership_verification_certificate_arn,
        mutualTls: mtls && { truststoreUri: mtls.truststore_uri, truststoreVersion: mtls.truststore_version },
        stageKey,
        apiMappingKey: domain.api_mapping?.api_mapping_key,
        tags: mergeTags(ctx.commonTags, domain.tags),
      },
    ];
  });
}
