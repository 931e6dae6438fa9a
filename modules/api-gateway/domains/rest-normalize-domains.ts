import { isToken } from "../common/lambda-arn.js";
import { mergeTags } from "../common/tags.js";
import type { BasePathMapping, RestApiCustomDomainConfig } from "../config/domains.js";
import type { RestApiConfig } from "../config/rest-api.js";
import type { RestBasePathMappingModel, RestDomainModel } from "../rest/rest-model.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { suggestion } from "../validation/did-you-mean.js";
import { joinPath, listOrNone, quote } from "../validation/problems.js";
import { dnsNameProblem, isDnsName } from "./dns-names.js";
import { normalizeManagedDomain, type CertificateRequest } from "./normalize-managed-domain.js";

const ACM_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]+$/;
const BASE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** `base_path_mappings` is one mapping (it has `stage_name`) or a map of them keyed by a name of the user's. */
function mappingsOf(domain: RestApiCustomDomainConfig): { single?: BasePathMapping; map?: Record<string, BasePathMapping> } {
  const mappings = domain.base_path_mappings;
  if (mappings === undefined) return {};
  return typeof (mappings as BasePathMapping).stage_name === "string" ? { single: mappings as BasePathMapping } : { map: mappings as Record<string, BasePathMapping> };
}

function checkCertificate(arn: string | undefined, field: string, at: string, edge: boolean, ctx: NormalizeContext): string | undefined {
  const path = joinPath(at, field);
  if (arn === undefined) {
    ctx.problems.error(
      path,
      edge ? "is required for an EDGE domain unless create_certificate = true" : "is required for a REGIONAL domain unless create_certificate = true",
      edge
        ? "give an ACM certificate ARN in us-east-1, or set create_certificate = true with route53_zone_id"
        : "give an ACM certificate ARN in the API's region (certificate_arn is for EDGE domains), or set create_certificate = true with route53_zone_id",
    );
    return undefined;
  }
  if (isToken(arn)) return arn;
  const match = ACM_ARN.exec(arn);
  if (!match) {
    ctx.problems.error(path, `${quote(arn)} is not an ACM certificate ARN`, "use arn:aws:acm:<region>:<account>:certificate/<id>");
  } else if (edge && match[1] !== "us-east-1") {
    ctx.problems.error(
      path,
      `the certificate is in ${match[1]}, and an EDGE domain's certificate must be in us-east-1 (CloudFront serves it)`,
      "request or import the certificate in us-east-1, or make the domain REGIONAL with regional_certificate_arn",
    );
  }
  return arn;
}

/** REST API custom domains: what AWS refuses (mutual TLS on EDGE, EDGE certificates outside us-east-1, private APIs), and their mappings. */
export function normalizeRestDomains(
  domains: Record<string, RestApiCustomDomainConfig> | undefined,
  apis: Record<string, RestApiConfig> | undefined,
  httpDomainNames: ReadonlyMap<string, string>,
  ctx: NormalizeContext,
  certificateRequests: CertificateRequest[],
): RestDomainModel[] {
  const apiKeys = Object.keys(apis ?? {});
  const seenNames = new Map<string, string>();
  return sortedEntries(domains).flatMap(([key, domain]): RestDomainModel[] => {
    const at = joinPath("rest_api_custom_domains", key);
    if (!isDnsName(domain.domain_name)) {
      ctx.problems.error(joinPath(at, "domain_name"), dnsNameProblem(domain.domain_name), "use lower-case labels of letters, digits and -, such as api.example.com");
    }
    const earlier = seenNames.get(domain.domain_name) ?? (httpDomainNames.has(domain.domain_name) ? `http_api_custom_domains.${httpDomainNames.get(domain.domain_name)}` : undefined);
    if (earlier !== undefined) {
      ctx.problems.error(joinPath(at, "domain_name"), `${quote(domain.domain_name)} is also ${earlier.includes(".") ? earlier : `rest_api_custom_domains.${earlier}`}`, "a domain name can be created once; add a base path mapping instead");
    }
    seenNames.set(domain.domain_name, key);

    const types = domain.endpoint_configuration?.types ?? ["REGIONAL"];
    if (types.length !== 1) ctx.problems.error(joinPath(at, "endpoint_configuration", "types"), `lists ${types.length} endpoint types; AWS takes exactly one`, 'give "EDGE" or "REGIONAL"');
    const edge = types[0] === "EDGE";
    const securityPolicy = domain.security_policy ?? "TLS_1_2";
    const mtls = domain.mutual_tls_authentication;
    if (edge && mtls) {
      ctx.problems.error(
        joinPath(at, "mutual_tls_authentication"),
        "mutual TLS needs a REGIONAL domain; AWS refuses it on EDGE domains",
        'set endpoint_configuration = { types = ["REGIONAL"] } with regional_certificate_arn (a certificate in the API\'s region), or remove mutual_tls_authentication',
      );
    }
    if (mtls && securityPolicy !== "TLS_1_2") ctx.problems.error(joinPath(at, "security_policy"), "mutual TLS needs TLS_1_2", 'set security_policy = "TLS_1_2"');
    if (mtls && !/^s3:\/\/[^/]+\/.+/.test(mtls.truststore_uri)) {
      ctx.problems.error(joinPath(at, "mutual_tls_authentication", "truststore_uri"), `${quote(mtls.truststore_uri)} is not an s3:// URI`, "use s3://<bucket>/<key>.pem");
    }
    const other = edge ? "regional_certificate_arn" : "certificate_arn";
    if (domain[other] !== undefined) {
      ctx.problems.error(joinPath(at, other), `is for ${edge ? "REGIONAL" : "EDGE"} domains, and this one is ${edge ? "EDGE" : "REGIONAL"}`, edge ? "use certificate_arn (in us-east-1)" : "use regional_certificate_arn (in the API's region)");
    }
    const arnField = edge ? "certificate_arn" : "regional_certificate_arn";
    const ipAddressType = domain.endpoint_configuration?.ip_address_type;
    const managed = normalizeManagedDomain(
      { at, settings: domain, domainName: domain.domain_name, placement: edge ? "edge" : "regional", arn: domain[arnField], arnField, ipv6: edge || ipAddressType === "dualstack", ipAddressType },
      certificateRequests,
      ctx.problems,
    );
    const certificate = managed.certificate ?? { kind: "arn" as const, arn: checkCertificate(domain[arnField], arnField, at, edge, ctx) ?? "" };

    const api = apis?.[domain.api_name];
    if (!api) {
      ctx.problems.error(joinPath(at, "api_name"), `${quote(domain.api_name)} is not defined`, suggestion(domain.api_name, apiKeys, "rest_apis keys"));
      return [];
    }
    // The API may have failed the structural check (this reads the unfiltered map, for the cross-reference).
    if (Array.isArray(api.endpoint_configuration?.types) && api.endpoint_configuration.types.includes("PRIVATE")) {
      ctx.problems.error(joinPath(at, "api_name"), `rest_apis.${domain.api_name} is PRIVATE, and public custom domains cannot serve private APIs`, "map an EDGE or REGIONAL API, or reach the private API through its VPC endpoint");
    }
    const stageKeys = Object.keys(api.stages ?? {});
    const { single, map } = mappingsOf(domain);
    const entries: [string, BasePathMapping, string][] = single
      ? [[key, single, joinPath(at, "base_path_mappings")]]
      : map
        ? sortedEntries(map).map(([mappingKey, m]) => [`${key}__${mappingKey}`, m, joinPath(at, "base_path_mappings", mappingKey)])
        : [];
    if (entries.length === 0) {
      if (stageKeys.length !== 1) {
        ctx.problems.error(joinPath(at, "base_path_mappings"), `is required: rest_apis.${domain.api_name} has ${stageKeys.length} stages`, `set base_path_mappings = { stage_name = ... } with one of: ${listOrNone(stageKeys)}`);
        return [];
      }
      entries.push([key, { stage_name: stageKeys[0]! }, joinPath(at, "base_path_mappings")]);
    }
    const basePaths = new Map<string, string>();
    const mappings = entries.flatMap(([id, mapping, mappingAt]): RestBasePathMappingModel[] => {
      if (!stageKeys.includes(mapping.stage_name)) {
        ctx.problems.error(joinPath(mappingAt, "stage_name"), `${quote(mapping.stage_name)} is not a stage of rest_apis.${domain.api_name}`, suggestion(mapping.stage_name, stageKeys, "stages"));
        return [];
      }
      const basePath = mapping.base_path === undefined || mapping.base_path === "" || mapping.base_path === "(none)" ? undefined : mapping.base_path;
      if (basePath !== undefined && !BASE_PATH.test(basePath)) {
        ctx.problems.error(joinPath(mappingAt, "base_path"), `${quote(basePath)} is not a base path`, "use segments of letters, digits, . _ -, without a leading or trailing /");
      }
      const clash = basePaths.get(basePath ?? "");
      if (clash !== undefined) ctx.problems.error(joinPath(mappingAt, "base_path"), `${quote(basePath ?? "(root)")} is mapped twice on ${domain.domain_name}`, `give it another base_path than ${clash}'s`);
      basePaths.set(basePath ?? "", mappingAt);
      return [{ id, stageKey: mapping.stage_name, basePath }];
    });
    const common = {
      key,
      apiKey: domain.api_name,
      domainName: domain.domain_name,
      securityPolicy,
      ownershipVerificationCertificateArn: domain.ownership_verification_certificate_arn,
      mappings,
      tags: mergeTags(ctx.commonTags, domain.tags),
      certificate,
      ipAddressType: managed.ipAddressType,
      dnsRecords: managed.dnsRecords,
    };
    return edge
      ? [{ ...common, endpointType: "EDGE" }]
      : [{ ...common, endpointType: "REGIONAL", mutualTls: mtls && { truststoreUri: mtls.truststore_uri, truststoreVersion: mtls.truststore_version } }];
  });
}
