import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate/index.js";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation/index.js";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record/index.js";
import { Construct } from "constructs";
import { address } from "../common/addresses.js";
import { tagsArgument } from "../common/tags.js";
import type { CertificateSource, ManagedCertificatesModel } from "../model.js";
import { nameSlug } from "./dns-names.js";
import { usEast1Provider } from "./us-east-1-provider.js";
import { validationOption } from "./validation-option.js";

export interface ManagedCertificatesProps {
  readonly model: ManagedCertificatesModel;
  readonly addressPrefix: string;
}

/**
 * The ACM certificates the module creates for custom domains (`create_certificate`), each with DNS validation: one
 * CNAME record per validated name (shared by every certificate that validates the name) and an
 * `aws_acm_certificate_validation` whose `certificate_arn` the domains take, so that a domain waits for its
 * certificate to be issued. EDGE certificates go to us-east-1 through the `aws.us_east_1` provider.
 */
export class ManagedCertificates extends Construct {
  readonly certificates = new Map<string, { certificate: AcmCertificate; validation: AcmCertificateValidation }>();
  readonly validationRecords = new Map<string, Route53Record>();

  constructor(scope: Construct, id: string, props: ManagedCertificatesProps) {
    super(scope, id);
    const { certificates, validationRecords } = props.model;
    const edgeProvider = certificates.some((c) => c.placement === "edge") ? usEast1Provider(this) : undefined;
    const addresses = new Map(certificates.map((c) => [c.id, `aws_acm_certificate.${address(props.addressPrefix, c.id)}`]));

    for (const model of validationRecords) {
      const certificate = addresses.get(model.certificateId)!;
      const record = new Route53Record(this, `record-${nameSlug(model.name)}`, {
        zoneId: model.zoneId,
        name: validationOption(certificate, model.optionName, "resource_record_name"),
        type: validationOption(certificate, model.optionName, "resource_record_type"),
        records: [validationOption(certificate, model.optionName, "resource_record_value")],
        ttl: 60,
      });
      record.overrideLogicalId(address(props.addressPrefix, "validation", nameSlug(model.name)));
      this.validationRecords.set(model.name, record);
    }

    for (const model of certificates) {
      const provider = model.placement === "edge" ? edgeProvider : undefined;
      const certificate = new AcmCertificate(this, `certificate-${model.id}`, {
        provider,
        domainName: model.domainName,
        subjectAlternativeNames: model.subjectAlternativeNames.length > 0 ? [...model.subjectAlternativeNames] : undefined,
        validationMethod: "DNS",
        tags: tagsArgument(model.tags),
        // A domain holds its certificate: a replacement must exist before the old one goes.
        lifecycle: { createBeforeDestroy: true },
      });
      certificate.overrideLogicalId(address(props.addressPrefix, model.id));
      const validation = new AcmCertificateValidation(this, `validation-${model.id}`, {
        provider,
        certificateArn: certificate.arn,
        validationRecordFqdns: model.validationNames.map((name) => this.validationRecords.get(name)!.fqdn),
      });
      validation.overrideLogicalId(address(props.addressPrefix, model.id));
      this.certificates.set(model.id, { certificate, validation });
    }
  }

  /** The certificate ARN a domain takes: the user's, or the validated one of a created certificate. */
  arnOf(source: CertificateSource): string {
    return source.kind === "arn" ? source.arn : this.certificates.get(source.certificateId)!.validation.certificateArn;
  }
}
