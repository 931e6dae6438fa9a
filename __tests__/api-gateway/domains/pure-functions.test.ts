import { Tokenization, type IResolveContext } from "cdktf";
import { describe, expect, test } from "vitest";
import { covers, isDnsName, nameSlug, validatedName, ZONE_ID } from "../../../modules/api-gateway/domains/dns-names.js";
import { planCertificates } from "../../../modules/api-gateway/domains/plan-certificates.js";
import { validationOption } from "../../../modules/api-gateway/domains/validation-option.js";
import { ProblemCollector } from "../../../modules/api-gateway/validation/problems.js";

describe("dns-names", () => {
  test("isDnsName: labels of 1..63, no hyphen at the ends, a letter in the top label, at most 253, an optional leading *.", () => {
    for (const ok of ["api.example.com", "a.b", "x-1.example.co.uk", "*.example.com", `${"a".repeat(63)}.com`]) expect(isDnsName(ok), ok).toBe(true);
    for (const bad of ["example", "-a.example.com", "a-.example.com", "a..com", "api.example.123", "*.*.example.com", "a.*.example.com", "API.example.com", `${"a".repeat(64)}.com`, `${"abc.".repeat(63)}com`]) {
      expect(isDnsName(bad), bad).toBe(false);
    }
  });

  test("covers: the same name, or a wildcard one label up", () => {
    expect(covers("api.example.com", "api.example.com")).toBe(true);
    expect(covers("*.example.com", "api.example.com")).toBe(true);
    expect(covers("*.example.com", "*.example.com")).toBe(true);
    expect(covers("*.example.com", "example.com")).toBe(false);
    expect(covers("*.example.com", "a.api.example.com")).toBe(false);
    expect(covers("*.example.com", "*.api.example.com")).toBe(false);
  });

  test("validatedName and nameSlug", () => {
    expect(validatedName("*.example.com")).toBe("example.com");
    expect(nameSlug("api-v2.example.com")).toBe("api-v2_example_com");
    expect(nameSlug("*.example.com")).toBe("wildcard__example_com");
    expect(nameSlug("wildcard.example.com")).toBe("wildcard_example_com");
  });

  test("ZONE_ID", () => {
    expect(ZONE_ID.test("Z1234567890ABC")).toBe(true);
    expect(ZONE_ID.test("z1234")).toBe(false);
    expect(ZONE_ID.test(`Z${"A".repeat(32)}`)).toBe(false);
  });

  test("validationOption picks one option by its config-derived name", () => {
    // A live expression (a cdktf token), so that writing config text literally leaves it alone.
    const option = validationOption("aws_acm_certificate.x", "*.example.com", "resource_record_name");
    expect(Tokenization.reverseString(option).tokens.map((token) => token.resolve({} as IResolveContext))).toEqual([
      '${{ for o in aws_acm_certificate.x.domain_validation_options : o.domain_name => o }["*.example.com"].resource_record_name}',
    ]);
  });
});

describe("planCertificates", () => {
  const request = (at: string, placement: "edge" | "regional", domainName: string, sans: string[] = []) => ({
    at,
    placement,
    certificateId: `${placement}__${nameSlug(domainName)}`,
    domainName,
    subjectAlternativeNames: sans,
    zoneId: "Z1",
  });

  test("merges asks for the same certificate and creates each validation record once, from the first certificate by id", () => {
    const problems = new ProblemCollector();
    const plan = planCertificates(
      [request("rest_api_custom_domains.b", "regional", "*.example.com", ["example.com"]), request("http_api_custom_domains.a", "regional", "*.example.com", ["example.com"]), request("rest_api_custom_domains.e", "edge", "example.com")],
      { Team: "x" },
      problems,
    );
    expect(problems.problems).toEqual([]);
    expect(plan.certificates.map((c) => [c.id, c.validationNames])).toEqual([
      ["edge__example_com", ["example.com"]],
      ["regional__wildcard__example_com", ["example.com"]],
    ]);
    expect(plan.validationRecords).toEqual([{ name: "example.com", zoneId: "Z1", certificateId: "edge__example_com", optionName: "example.com" }]);
    expect(plan.certificates[0]!.tags).toEqual({ Team: "x" });
  });

  test("the order asks come in does not change the plan", () => {
    const asks = [request("http_api_custom_domains.a", "regional", "a.example.com"), request("http_api_custom_domains.b", "regional", "*.example.com", ["example.com"])];
    const plan = (list: typeof asks) => planCertificates(list, {}, new ProblemCollector());
    expect(plan([...asks].reverse())).toEqual(plan(asks));
  });
});
