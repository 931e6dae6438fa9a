import { beforeAll, describe, expect, test } from "vitest";
import { example, problemLines, synthConfig, warningLines } from "../../support/synth.js";
import { validateAndPlan, type PlanResult } from "../../support/terraform.js";
import { optionOf } from "./support.js";

const EXAMPLE = "managed-domains.tfvars.json";
const ZONE = "Z0123456789ABCDEFGHIJ";
const EDGE_CERT = "apigw__edge__api_mycompany_com";
const REGIONAL_CERT = "apigw__regional__api-v2_mycompany_com";

/** `provider_config_key` of each resource in the plan's configuration: `aws` or `aws.us_east_1`. */
const providerKeys = (plan: PlanResult): Record<string, string> =>
  Object.fromEntries(plan.raw.configuration.root_module.resources.map((r: any) => [r.address, r.provider_config_key]));

describe("Managed certificates and DNS records (examples/managed-domains.tfvars.json)", () => {
  let plan: PlanResult;
  let stack: any;
  beforeAll(() => {
    const synth = synthConfig(example(EXAMPLE));
    stack = synth.stack;
    plan = validateAndPlan(synth.dir);
  });

  test("the example is valid and warns about nothing", () => {
    expect(problemLines(example(EXAMPLE))).toEqual([]);
    expect(warningLines(example(EXAMPLE))).toEqual([]);
  });

  test("plans offline two certificates, two validations, two validation records and four alias records", () => {
    expect(plan.ofType("aws_acm_certificate").map((r) => r.address).sort()).toEqual([`aws_acm_certificate.${EDGE_CERT}`, `aws_acm_certificate.${REGIONAL_CERT}`]);
    expect(plan.ofType("aws_acm_certificate_validation").map((r) => r.address).sort()).toEqual([`aws_acm_certificate_validation.${EDGE_CERT}`, `aws_acm_certificate_validation.${REGIONAL_CERT}`]);
    expect(plan.ofType("aws_route53_record").map((r) => r.address).sort()).toEqual([
      "aws_route53_record.apigw__http__modern_domain__A",
      "aws_route53_record.apigw__http__modern_domain__AAAA",
      "aws_route53_record.apigw__rest__api_domain__A",
      "aws_route53_record.apigw__rest__api_domain__AAAA",
      "aws_route53_record.apigw__validation__api-v2_mycompany_com",
      "aws_route53_record.apigw__validation__api_mycompany_com",
    ]);
  });

  test("the EDGE domain's certificate and its validation use the us-east-1 provider; the REGIONAL one the default provider", () => {
    const keys = providerKeys(plan);
    expect(keys[`aws_acm_certificate.${EDGE_CERT}`]).toBe("aws.us_east_1");
    expect(keys[`aws_acm_certificate_validation.${EDGE_CERT}`]).toBe("aws.us_east_1");
    expect(keys[`aws_acm_certificate.${REGIONAL_CERT}`]).toBe("aws");
    expect(keys[`aws_acm_certificate_validation.${REGIONAL_CERT}`]).toBe("aws");
    expect(stack.provider.aws).toEqual([{}, { alias: "us_east_1", region: "us-east-1" }]);
    expect(stack.resource.aws_acm_certificate[EDGE_CERT].provider).toBe("aws.us_east_1");
    expect(stack.resource.aws_acm_certificate[REGIONAL_CERT].provider).toBeUndefined();
  });

  test("certificates: the domain name, DNS validation, replaced before destroyed", () => {
    expect(plan.resource(`aws_acm_certificate.${EDGE_CERT}`).values).toMatchObject({ domain_name: "api.mycompany.com", validation_method: "DNS" });
    expect(plan.resource(`aws_acm_certificate.${REGIONAL_CERT}`).values).toMatchObject({ domain_name: "api-v2.mycompany.com", validation_method: "DNS" });
    expect(stack.resource.aws_acm_certificate[EDGE_CERT].lifecycle).toEqual({ create_before_destroy: true });
  });

  test("validation records go in the zone, named and valued from the certificate's validation option of their name", () => {
    const record = plan.resource("aws_route53_record.apigw__validation__api_mycompany_com");
    expect(record.values).toMatchObject({ zone_id: ZONE, ttl: 60 });
    expect(plan.unknown(record.address)).toMatchObject({ name: true, type: true, records: true });
    expect(stack.resource.aws_route53_record.apigw__validation__api_mycompany_com).toMatchObject({
      name: optionOf(EDGE_CERT, "api.mycompany.com", "resource_record_name"),
      type: optionOf(EDGE_CERT, "api.mycompany.com", "resource_record_type"),
      records: [optionOf(EDGE_CERT, "api.mycompany.com", "resource_record_value")],
    });
    expect(stack.resource.aws_acm_certificate_validation[EDGE_CERT]).toMatchObject({
      certificate_arn: `\${aws_acm_certificate.${EDGE_CERT}.arn}`,
      validation_record_fqdns: ["${aws_route53_record.apigw__validation__api_mycompany_com.fqdn}"],
    });
  });

  test("each domain waits for its certificate's validation", () => {
    const rest = stack.resource.aws_api_gateway_domain_name.apigw__api_domain;
    expect(rest.certificate_arn).toBe(`\${aws_acm_certificate_validation.${EDGE_CERT}.certificate_arn}`);
    expect(rest.regional_certificate_arn).toBeUndefined();
    const http = stack.resource.aws_apigatewayv2_domain_name.apigw__modern_domain;
    expect(http.domain_name_configuration.certificate_arn).toBe(`\${aws_acm_certificate_validation.${REGIONAL_CERT}.certificate_arn}`);
    expect(plan.unknown("aws_api_gateway_domain_name.apigw__api_domain").certificate_arn).toBe(true);
  });

  test("the REST EDGE domain's A and AAAA records alias its CloudFront name and zone", () => {
    for (const type of ["A", "AAAA"]) {
      const address = `aws_route53_record.apigw__rest__api_domain__${type}`;
      expect(plan.resource(address).values).toMatchObject({ zone_id: ZONE, name: "api.mycompany.com", type });
      expect(plan.resource(address).values.alias[0].evaluate_target_health).toBe(false);
      expect(stack.resource.aws_route53_record[`apigw__rest__api_domain__${type}`].alias).toMatchObject({
        name: "${aws_api_gateway_domain_name.apigw__api_domain.cloudfront_domain_name}",
        zone_id: "${aws_api_gateway_domain_name.apigw__api_domain.cloudfront_zone_id}",
      });
    }
  });

  test("the dualstack HTTP domain gets A and AAAA records to its regional target, and ip_address_type", () => {
    expect(plan.resource("aws_apigatewayv2_domain_name.apigw__modern_domain").values.domain_name_configuration[0]).toMatchObject({ endpoint_type: "REGIONAL", ip_address_type: "dualstack" });
    for (const type of ["A", "AAAA"]) {
      expect(plan.resource(`aws_route53_record.apigw__http__modern_domain__${type}`).values).toMatchObject({ zone_id: ZONE, name: "api-v2.mycompany.com", type });
      expect(stack.resource.aws_route53_record[`apigw__http__modern_domain__${type}`].alias).toMatchObject({
        name: "${aws_apigatewayv2_domain_name.apigw__modern_domain.domain_name_configuration[0].target_domain_name}",
        zone_id: "${aws_apigatewayv2_domain_name.apigw__modern_domain.domain_name_configuration[0].hosted_zone_id}",
      });
    }
  });

  test("the module's domain outputs keep their fields", () => {
    expect(stack.output.http_api_custom_domains.value.modern_domain).toMatchObject({ domain_name: expect.any(String), target_domain_name: expect.any(String), hosted_zone_id: expect.any(String) });
    expect(stack.output.rest_api_custom_domains.value.api_domain.endpoint_type).toBe("EDGE");
  });
});
