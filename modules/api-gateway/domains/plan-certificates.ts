import type { Tags } from "../config/common.js";
import type { ManagedCertificateModel, ManagedCertificatesModel, ValidationRecordModel } from "../model.js";
import { joinPath, quote, type ProblemCollector } from "../validation/problems.js";
import { validatedName } from "./dns-names.js";
import type { CertificateRequest } from "./normalize-managed-domain.js";

const byString = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/**
 * Merges the certificate asks of all custom domains: one certificate per placement and primary name (domains that
 * ask for the same one must agree on its names and zone), and one validation record per validated name across all
 * certificates, because ACM gives the same CNAME for `*.example.com` and `example.com`, and for a name in every
 * certificate and region of an account. Everything is derived from config, so the plan knows every address.
 */
export function planCertificates(requests: readonly CertificateRequest[], tags: Tags, problems: ProblemCollector): ManagedCertificatesModel {
  const first = new Map<string, CertificateRequest>();
  for (const request of [...requests].sort(byString((r) => r.at))) {
    const owner = first.get(request.certificateId);
    if (owner === undefined) {
      first.set(request.certificateId, request);
      continue;
    }
    if (!sameList(owner.subjectAlternativeNames, request.subjectAlternativeNames)) {
      problems.error(
        joinPath(request.at, "subject_alternative_names"),
        `differ from those of ${owner.at}, which asks for the same certificate (${owner.domainName})`,
        `give both the same subject_alternative_names (${owner.subjectAlternativeNames.join(", ") || "none"})`,
      );
    }
    if (owner.zoneId !== request.zoneId) {
      problems.error(joinPath(request.at, "route53_zone_id"), `is ${quote(request.zoneId)}, and ${owner.at} validates the same certificate (${owner.domainName}) in ${quote(owner.zoneId)}`, "give both the same route53_zone_id");
    }
  }

  const records = new Map<string, ValidationRecordModel & { readonly at: string }>();
  const certificates = [...first.values()].sort(byString((r) => r.certificateId)).map((request): ManagedCertificateModel => {
    const validationNames: string[] = [];
    for (const name of [request.domainName, ...request.subjectAlternativeNames]) {
      const validated = validatedName(name);
      if (validationNames.includes(validated)) continue;
      validationNames.push(validated);
      const record = records.get(validated);
      if (record === undefined) {
        records.set(validated, { name: validated, zoneId: request.zoneId, certificateId: request.certificateId, optionName: name, at: request.at });
      } else if (record.zoneId !== request.zoneId) {
        problems.error(
          joinPath(request.at, "route53_zone_id"),
          `is ${quote(request.zoneId)}, and the validation record of ${validated} goes in ${quote(record.zoneId)} (for ${record.at})`,
          "a name is validated in one zone: give the domains whose certificates share a name the same route53_zone_id",
        );
      }
    }
    return { id: request.certificateId, placement: request.placement, domainName: request.domainName, subjectAlternativeNames: request.subjectAlternativeNames, validationNames, tags };
  });
  const validationRecords = [...records.values()].sort(byString((r) => r.name)).map(({ at: _at, ...record }) => record);
  return { certificates, validationRecords };
}
