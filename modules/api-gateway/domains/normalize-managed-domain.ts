import { isToken } from "../common/lambda-arn.js";
import type { ManagedDomainSettings } from "../config/domains.js";
import type { CertificateSource, ManagedDomainParts } from "../model.js";
import { joinPath, quote, type ProblemCollector } from "../validation/problems.js";
import { covers, dnsNameProblem, isDnsName, nameSlug, ZONE_ID } from "./dns-names.js";

/** A domain's ask for a created certificate; `planCertificates` merges the asks of all domains. */
export interface CertificateRequest {
  readonly certificateId: string;
  readonly placement: "edge" | "regional";
  readonly domainName: string;
  readonly subjectAlternativeNames: readonly string[];
  readonly zoneId: string;
  /** Config path of the asking domain, for errors. */
  readonly at: string;
}

export interface ManagedDomainInput {
  /** Config path of the domain, e.g. `rest_api_custom_domains.main`. */
  readonly at: string;
  readonly settings: ManagedDomainSettings;
  readonly domainName: string;
  /** `edge`: the certificate must be in us-east-1. */
  readonly placement: "edge" | "regional";
  /** The certificate ARN the user gave, if any, and where (relative to `at`). */
  readonly arn: string | undefined;
  readonly arnField: string;
  /** Whether the domain's endpoint answers IPv6 (EDGE, or a `dualstack` REGIONAL domain): then an AAAA record too. */
  readonly ipv6: boolean;
  readonly ipAddressType?: "ipv4" | "dualstack";
}

const NAME_FIX = "use lower-case labels of letters, digits and -, such as api.example.com (a leading *. for a wildcard)";

/**
 * `create_certificate`, `create_dns_record` and `route53_zone_id` of one custom domain. Returns the domain's
 * certificate source when the module creates the certificate (pushing the ask to `requests`), and its alias records;
 * `certificate` is undefined when the domain uses an ARN of its own (checked by the caller).
 */
export function normalizeManagedDomain(
  input: ManagedDomainInput,
  requests: CertificateRequest[],
  problems: ProblemCollector,
): { readonly certificate?: CertificateSource } & Omit<ManagedDomainParts, "certificate"> {
  const { at, settings, domainName } = input;
  const createCertificate = settings.create_certificate === true;
  const createDns = settings.create_dns_record === true;
  const zoneId = checkZone(input, createCertificate, createDns, problems);
  const dnsRecords = createDns && zoneId !== undefined ? { zoneId, ipv6: input.ipv6 } : undefined;
  const common = { ipAddressType: input.ipAddressType, dnsRecords };

  if (!createCertificate) {
    for (const field of ["certificate_domain_name", "subject_alternative_names"] as const) {
      if (settings[field] !== undefined) problems.error(joinPath(at, field), "is used only with create_certificate = true", "set create_certificate = true, or remove it");
    }
    return common;
  }
  if (input.arn !== undefined) {
    problems.error(
      joinPath(at, input.arnField),
      "is set, and so is create_certificate = true; a domain takes one certificate",
      `remove ${input.arnField.split(".").pop()} to use the created certificate, or remove create_certificate`,
    );
  }
  const certificateName = settings.certificate_domain_name ?? domainName;
  const sans = settings.subject_alternative_names ?? [];
  const namesValid = checkCertificateNames(at, certificateName, settings.certificate_domain_name !== undefined, sans, problems);
  if (namesValid && ![certificateName, ...sans].some((name) => covers(name, domainName))) {
    problems.error(
      joinPath(at, "certificate_domain_name"),
      `${quote(certificateName)} does not cover domain_name ${quote(domainName)}, nor does any of subject_alternative_names`,
      `add ${quote(domainName)} to subject_alternative_names, or use a wildcard one label up (*.${domainName.slice(domainName.indexOf(".") + 1)})`,
    );
  }
  const certificateId = `${input.placement}__${nameSlug(certificateName)}`;
  if (zoneId !== undefined) requests.push({ certificateId, placement: input.placement, domainName: certificateName, subjectAlternativeNames: sans, zoneId, at });
  return { ...common, certificate: { kind: "managed", certificateId } };
}

function checkZone(input: ManagedDomainInput, createCertificate: boolean, createDns: boolean, problems: ProblemCollector): string | undefined {
  const path = joinPath(input.at, "route53_zone_id");
  const zoneId = input.settings.route53_zone_id;
  const uses = [createCertificate && "create_certificate (the certificate's DNS validation records go there)", createDns && "create_dns_record (the alias records go there)"].filter(Boolean);
  if (zoneId === undefined) {
    if (uses.length > 0) problems.error(path, `is required with ${uses.join(" and ")}`, `give the id of the Route53 hosted zone of ${input.domainName}, such as Z1234567890ABC`);
    return undefined;
  }
  if (uses.length === 0) {
    problems.warn(path, "is used only with create_certificate or create_dns_record, and neither is set", "set one of them, or remove route53_zone_id");
    return undefined;
  }
  if (!isToken(zoneId) && !ZONE_ID.test(zoneId)) {
    problems.error(
      path,
      `${quote(zoneId)} is not a Route53 hosted zone id`,
      zoneId.startsWith("/hostedzone/") ? `drop the /hostedzone/ prefix: ${quote(zoneId.slice("/hostedzone/".length))}` : "use the zone's id (Z and upper-case letters or digits, such as Z1234567890ABC), not its name",
    );
    return undefined;
  }
  return zoneId;
}

function checkCertificateNames(at: string, certificateName: string, given: boolean, sans: readonly string[], problems: ProblemCollector): boolean {
  let valid = true;
  if (given && !isDnsName(certificateName)) {
    problems.error(joinPath(at, "certificate_domain_name"), dnsNameProblem(certificateName), NAME_FIX);
    valid = false;
  }
  const seen = new Set([certificateName]);
  sans.forEach((name, index) => {
    const path = joinPath(at, "subject_alternative_names", String(index));
    if (!isDnsName(name)) {
      problems.error(path, dnsNameProblem(name), NAME_FIX);
      valid = false;
    } else if (seen.has(name)) {
      problems.error(path, `${quote(name)} is already a name of the certificate`, "list each name once, without the certificate's primary name");
    }
    seen.add(name);
  });
  return valid;
}
