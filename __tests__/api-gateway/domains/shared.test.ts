import { beforeAll, describe, expect, test } from "vitest";
import { example, problemLines, synthConfig } from "../../support/synth.js";
import { validateAndPlan, type PlanResult } from "../../support/terraform.js";
import { managedConfig, optionOf, restApi, ZONE } from "./support.js";

const WILDCARD = "apigw__regional__wildcard__example_com";

describe("A wildcard certificate shared by several domains, in one zone (examples/managed-domains-shared.tfvars.json)", () => {
  let plan: PlanResult;
  let stack: any;
  beforeAll(() => {
    const synth = synthConfig(example("managed-domains-shared.tfvars.json"));
    stack = synth.stack;
    plan = validateAndPlan(synth.dir);
  });

  test("two HTTP domains asking for *.example.com share one certificate and its validation", () => {
    expect(problemLines(example("managed-domains-shared.tfvars.json"))).toEqual([]);
    expect(plan.ofType("aws_acm_certificate").map((r) => r.address).sort()).toEqual(["aws_acm_certificate.apigw__edge__legacy_example_com", `aws_acm_certificate.${WILDCARD}`]);
    // The provider plans the primary name among the subject alternative names, as ACM reports them.
    expect(plan.resource(`aws_acm_certificate.${WILDCARD}`).values).toMatchObject({ domain_name: "*.example.com", subject_alternative_names: ["*.example.com", "example.com"] });
    expect(stack.resource.aws_acm_certificate[WILDCARD].subject_alternative_names).toEqual(["example.com"]);
    const arn = `\${aws_acm_certificate_validation.${WILDCARD}.certificate_arn}`;
    expect(stack.resource.aws_apigatewayv2_domain_name.apigw__orders.domain_name_configuration.certificate_arn).toBe(arn);
    expect(stack.resource.aws_apigatewayv2_domain_name.apigw__catalog.domain_name_configuration.certificate_arn).toBe(arn);
  });

  test("*.example.com and example.com share one validation record, created once", () => {
    const records = plan.ofType("aws_route53_record").filter((r) => r.name.startsWith("apigw__validation__"));
    expect(records.map((r) => r.address).sort()).toEqual(["aws_route53_record.apigw__validation__example_com", "aws_route53_record.apigw__validation__legacy_example_com"]);
    expect(stack.resource.aws_route53_record.apigw__validation__example_com.name).toBe(optionOf(WILDCARD, "*.example.com", "resource_record_name"));
    expect(stack.resource.aws_acm_certificate_validation[WILDCARD].validation_record_fqdns).toEqual(["${aws_route53_record.apigw__validation__example_com.fqdn}"]);
  });

  test("every domain gets its own alias records in the shared zone; REGIONAL ipv4 domains get no AAAA", () => {
    const aliases = plan.ofType("aws_route53_record").filter((r) => !r.name.startsWith("apigw__validation__"));
    expect(aliases.map((r) => `${r.values.name} ${r.values.type} ${r.values.zone_id}`).sort()).toEqual([
      `catalog.example.com A ${ZONE}`,
      `legacy.example.com A ${ZONE}`,
      `legacy.example.com AAAA ${ZONE}`,
      `orders.example.com A ${ZONE}`,
    ]);
  });
});

describe("Validation records shared across certificates", () => {
  test("an EDGE and a REGIONAL certificate that validate the same name share its record (ACM gives one CNAME per name and account)", () => {
    const config = managedConfig((c) => {
      c.http_api_custom_domains.web.certificate_domain_name = "*.example.com";
      c.rest_api_custom_domains.legacy.certificate_domain_name = "*.example.com";
    });
    const synth = synthConfig(config);
    const plan = validateAndPlan(synth.dir);
    expect(plan.ofType("aws_acm_certificate").map((r) => r.name).sort()).toEqual(["apigw__edge__wildcard__example_com", "apigw__regional__wildcard__example_com"]);
    expect(plan.ofType("aws_route53_record").filter((r) => r.name.startsWith("apigw__validation__")).map((r) => r.name)).toEqual(["apigw__validation__example_com"]);
    const fqdn = ["${aws_route53_record.apigw__validation__example_com.fqdn}"];
    expect(synth.stack.resource.aws_acm_certificate_validation.apigw__edge__wildcard__example_com.validation_record_fqdns).toEqual(fqdn);
    expect(synth.stack.resource.aws_acm_certificate_validation.apigw__regional__wildcard__example_com.validation_record_fqdns).toEqual(fqdn);
  });

  test("a certificate with subject alternative names waits for one record per validated name", () => {
    const { stack } = synthConfig(
      managedConfig((c) => {
        c.http_api_custom_domains.web.subject_alternative_names = ["www.example.com", "*.web.example.com"];
      }),
    );
    expect(stack.resource.aws_acm_certificate.apigw__regional__web_example_com.subject_alternative_names).toEqual(["www.example.com", "*.web.example.com"]);
    expect(stack.resource.aws_acm_certificate_validation.apigw__regional__web_example_com.validation_record_fqdns).toEqual([
      "${aws_route53_record.apigw__validation__web_example_com.fqdn}",
      "${aws_route53_record.apigw__validation__www_example_com.fqdn}",
    ]);
  });

  test("a REST REGIONAL domain and an HTTP domain can share one regional certificate", () => {
    const { stack } = synthConfig(
      managedConfig((c) => {
        c.rest_apis.legacy = restApi("v1");
        c.rest_api_custom_domains.legacy.endpoint_configuration = { types: ["REGIONAL"] };
        c.rest_api_custom_domains.legacy.certificate_domain_name = "*.example.com";
        c.http_api_custom_domains.web.certificate_domain_name = "*.example.com";
      }),
    );
    expect(Object.keys(stack.resource.aws_acm_certificate)).toEqual(["apigw__regional__wildcard__example_com"]);
    expect(stack.resource.aws_api_gateway_domain_name.apigw__legacy.regional_certificate_arn).toBe("${aws_acm_certificate_validation.apigw__regional__wildcard__example_com.certificate_arn}");
    expect(stack.provider.aws).toEqual([{}]);
  });
});
