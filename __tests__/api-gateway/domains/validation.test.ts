import { describe, expect, test } from "vitest";
import { problemLines, warningLines } from "../../support/synth.js";
import { managedConfig, OTHER_ZONE, restApi, ZONE } from "./support.js";

const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
const lines = (patch: (c: any) => void) => problemLines(managedConfig(patch));
const web = (c: any) => c.http_api_custom_domains.web;
const legacy = (c: any) => c.rest_api_custom_domains.legacy;
const NAME_FIX = "use lower-case labels of letters, digits and -, such as api.example.com";

describe("Managed certificates and DNS records: config errors at their path", () => {
  test("the base config (an HTTP and an EDGE REST domain, both managed) is valid", () => {
    expect(problemLines(managedConfig())).toEqual([]);
    expect(warningLines(managedConfig())).toEqual([]);
  });

  test("create_certificate or create_dns_record without route53_zone_id: one line per domain, naming what needs it", () => {
    expect(
      lines((c) => {
        delete web(c).route53_zone_id;
        web(c).create_dns_record = false;
        delete legacy(c).route53_zone_id;
      }),
    ).toEqual([
      "http_api_custom_domains.web.route53_zone_id: is required with create_certificate (the certificate's DNS validation records go there); give the id of the Route53 hosted zone of web.example.com, such as Z1234567890ABC",
      "rest_api_custom_domains.legacy.route53_zone_id: is required with create_certificate (the certificate's DNS validation records go there) and create_dns_record (the alias records go there); give the id of the Route53 hosted zone of legacy.example.com, such as Z1234567890ABC",
    ]);
    expect(
      lines((c) => {
        delete legacy(c).route53_zone_id;
        delete legacy(c).create_certificate;
        legacy(c).certificate_arn = CERT;
      }),
    ).toEqual(["rest_api_custom_domains.legacy.route53_zone_id: is required with create_dns_record (the alias records go there); give the id of the Route53 hosted zone of legacy.example.com, such as Z1234567890ABC"]);
  });

  test("both a certificate ARN and create_certificate", () => {
    expect(
      lines((c) => {
        (web(c).domain_name_configuration ??= {}).certificate_arn = CERT;
        legacy(c).certificate_arn = CERT;
      }),
    ).toEqual([
      "http_api_custom_domains.web.domain_name_configuration.certificate_arn: is set, and so is create_certificate = true; a domain takes one certificate; remove certificate_arn to use the created certificate, or remove create_certificate",
      "rest_api_custom_domains.legacy.certificate_arn: is set, and so is create_certificate = true; a domain takes one certificate; remove certificate_arn to use the created certificate, or remove create_certificate",
    ]);
    expect(
      lines((c) => {
        c.rest_apis.legacy = restApi();
        legacy(c).endpoint_configuration = { types: ["REGIONAL"] };
        legacy(c).regional_certificate_arn = CERT;
      }),
    ).toEqual([
      "rest_api_custom_domains.legacy.regional_certificate_arn: is set, and so is create_certificate = true; a domain takes one certificate; remove regional_certificate_arn to use the created certificate, or remove create_certificate",
    ]);
  });

  test("neither a certificate ARN nor create_certificate", () => {
    expect(
      lines((c) => {
        delete web(c).create_certificate;
        delete legacy(c).create_certificate;
      }),
    ).toEqual([
      "http_api_custom_domains.web.domain_name_configuration.certificate_arn: is required unless create_certificate = true; give an ACM certificate ARN in the API's region, or set create_certificate = true with route53_zone_id",
      "rest_api_custom_domains.legacy.certificate_arn: is required for an EDGE domain unless create_certificate = true; give an ACM certificate ARN in us-east-1, or set create_certificate = true with route53_zone_id",
    ]);
  });

  test("a domain name that is not a valid DNS name: case, characters, a single label, label and total length", () => {
    expect(
      lines((c) => {
        web(c).domain_name = "Web.Example.com";
        legacy(c).domain_name = "under_score.example.com";
      }),
    ).toEqual([
      `http_api_custom_domains.web.domain_name: "Web.Example.com" is not a valid DNS name; ${NAME_FIX}`,
      `rest_api_custom_domains.legacy.domain_name: "under_score.example.com" is not a valid DNS name; ${NAME_FIX}`,
    ]);
    expect(lines((c) => (web(c).domain_name = "localhost"))).toEqual([`http_api_custom_domains.web.domain_name: "localhost" is not a valid DNS name; ${NAME_FIX}`]);
    expect(lines((c) => (legacy(c).domain_name = `${"a".repeat(64)}.example.com`))).toEqual([`rest_api_custom_domains.legacy.domain_name: has a label of 64 characters; a label has at most 63; ${NAME_FIX}`]);
    expect(lines((c) => (web(c).domain_name = `${Array(70).fill("abc").join(".")}.com`))).toEqual([`http_api_custom_domains.web.domain_name: is 283 characters long; a DNS name has at most 253; ${NAME_FIX}`]);
  });

  test("wildcard domain names are accepted on HTTP, REST EDGE and REST REGIONAL domains (AWS supports all three)", () => {
    expect(
      lines((c) => {
        web(c).domain_name = "*.web.example.com";
        legacy(c).domain_name = "*.legacy.example.com";
        c.rest_apis.other = restApi();
        c.rest_api_custom_domains.other = { api_name: "other", domain_name: "*.other.example.com", create_certificate: true, route53_zone_id: ZONE };
      }),
    ).toEqual([]);
  });

  test("a route53_zone_id that is not a zone id", () => {
    expect(
      lines((c) => {
        web(c).route53_zone_id = "example.com";
        legacy(c).route53_zone_id = "/hostedzone/Z0123456789ABCDEFGHIJ";
      }),
    ).toEqual([
      'http_api_custom_domains.web.route53_zone_id: "example.com" is not a Route53 hosted zone id; use the zone\'s id (Z and upper-case letters or digits, such as Z1234567890ABC), not its name',
      'rest_api_custom_domains.legacy.route53_zone_id: "/hostedzone/Z0123456789ABCDEFGHIJ" is not a Route53 hosted zone id; drop the /hostedzone/ prefix: "Z0123456789ABCDEFGHIJ"',
    ]);
  });

  test("route53_zone_id without create_certificate or create_dns_record is a warning", () => {
    const config = managedConfig((c) => {
      delete web(c).create_certificate;
      delete web(c).create_dns_record;
      (web(c).domain_name_configuration ??= {}).certificate_arn = CERT;
    });
    expect(problemLines(config)).toEqual([]);
    expect(warningLines(config)).toEqual(["http_api_custom_domains.web.route53_zone_id: is used only with create_certificate or create_dns_record, and neither is set"]);
  });

  test("certificate names without create_certificate", () => {
    expect(
      lines((c) => {
        delete web(c).create_certificate;
        (web(c).domain_name_configuration ??= {}).certificate_arn = CERT;
        web(c).certificate_domain_name = "*.example.com";
        web(c).subject_alternative_names = ["example.com"];
      }),
    ).toEqual([
      "http_api_custom_domains.web.certificate_domain_name: is used only with create_certificate = true; set create_certificate = true, or remove it",
      "http_api_custom_domains.web.subject_alternative_names: is used only with create_certificate = true; set create_certificate = true, or remove it",
    ]);
  });

  test("a certificate that does not cover the domain name", () => {
    expect(
      lines((c) => {
        web(c).certificate_domain_name = "*.example.org";
        legacy(c).certificate_domain_name = "*.legacy.example.com";
        legacy(c).subject_alternative_names = ["www.example.com"];
      }),
    ).toEqual([
      'http_api_custom_domains.web.certificate_domain_name: "*.example.org" does not cover domain_name "web.example.com", nor does any of subject_alternative_names; add "web.example.com" to subject_alternative_names, or use a wildcard one label up (*.example.com)',
      'rest_api_custom_domains.legacy.certificate_domain_name: "*.legacy.example.com" does not cover domain_name "legacy.example.com", nor does any of subject_alternative_names; add "legacy.example.com" to subject_alternative_names, or use a wildcard one label up (*.example.com)',
    ]);
    expect(lines((c) => ((web(c).certificate_domain_name = "example.com"), (web(c).subject_alternative_names = ["web.example.com"])))).toEqual([]);
  });

  test("subject alternative names: invalid, repeated, or the primary name again", () => {
    expect(lines((c) => (web(c).subject_alternative_names = ["web.example.com", "bad..name", "x.example.com", "x.example.com"]))).toEqual([
      "http_api_custom_domains.web.subject_alternative_names.0: \"web.example.com\" is already a name of the certificate; list each name once, without the certificate's primary name",
      `http_api_custom_domains.web.subject_alternative_names.1: "bad..name" is not a valid DNS name; ${NAME_FIX} (a leading *. for a wildcard)`,
      "http_api_custom_domains.web.subject_alternative_names.3: \"x.example.com\" is already a name of the certificate; list each name once, without the certificate's primary name",
    ]);
  });

  test("domains sharing a certificate must agree on its names and zone", () => {
    expect(
      lines((c) => {
        c.rest_apis.legacy = restApi();
        legacy(c).endpoint_configuration = { types: ["REGIONAL"] };
        web(c).certificate_domain_name = "*.example.com";
        legacy(c).certificate_domain_name = "*.example.com";
        legacy(c).subject_alternative_names = ["example.com"];
        legacy(c).route53_zone_id = OTHER_ZONE;
      }),
    ).toEqual([
      "rest_api_custom_domains.legacy.subject_alternative_names: differ from those of http_api_custom_domains.web, which asks for the same certificate (*.example.com); give both the same subject_alternative_names (none)",
      `rest_api_custom_domains.legacy.route53_zone_id: is "${OTHER_ZONE}", and http_api_custom_domains.web validates the same certificate (*.example.com) in "${ZONE}"; give both the same route53_zone_id`,
    ]);
  });

  test("one validated name in two zones", () => {
    expect(
      lines((c) => {
        web(c).certificate_domain_name = "*.example.com";
        legacy(c).certificate_domain_name = "*.example.com";
        legacy(c).route53_zone_id = OTHER_ZONE;
      }),
    ).toEqual([
      `http_api_custom_domains.web.route53_zone_id: is "${ZONE}", and the validation record of example.com goes in "${OTHER_ZONE}" (for rest_api_custom_domains.legacy); a name is validated in one zone: give the domains whose certificates share a name the same route53_zone_id`,
    ]);
  });

  test("ip_address_type takes ipv4 or dualstack on both domain kinds", () => {
    expect(lines((c) => ((web(c).domain_name_configuration ??= {}).ip_address_type = "ipv6"))).toEqual(['http_api_custom_domains.web.domain_name_configuration.ip_address_type: "ipv6" is not allowed; did you mean "ipv4"?']);
    expect(lines((c) => (legacy(c).endpoint_configuration.ip_address_type = "dualstack"))).toEqual([]);
  });
});
