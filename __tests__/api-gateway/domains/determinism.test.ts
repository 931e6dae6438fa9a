import { describe, expect, test } from "vitest";
import { example, synthConfig } from "../../support/synth.js";
import { reversedKeys } from "../rest/support.js";
import { managedConfig } from "./support.js";

const EXAMPLES = ["managed-domains.tfvars.json", "managed-domains-shared.tfvars.json"];

describe("Managed domains synth output", () => {
  test("is byte-identical across two synths, and whatever the order keys are written in", () => {
    for (const name of EXAMPLES) {
      const reference = synthConfig(example(name)).json;
      expect(synthConfig(example(name)).json, name).toBe(reference);
      expect(synthConfig(reversedKeys(example(name))).json, name).toBe(reference);
    }
  });

  test("adding a domain that shares a certificate renames nothing and changes no existing resource", () => {
    const before = synthConfig(managedConfig((c) => (c.http_api_custom_domains.web.certificate_domain_name = "*.example.com"))).stack.resource;
    const after = synthConfig(
      managedConfig((c) => {
        c.http_api_custom_domains.web.certificate_domain_name = "*.example.com";
        c.http_apis.aaa = { stages: { live: {} } };
        c.http_api_custom_domains.aaa = { api_name: "aaa", domain_name: "aaa.example.com", create_certificate: true, certificate_domain_name: "*.example.com", route53_zone_id: c.http_api_custom_domains.web.route53_zone_id };
      }),
    ).stack.resource;
    for (const [type, byName] of Object.entries<Record<string, unknown>>(before)) {
      for (const [name, body] of Object.entries(byName)) expect(after[type][name], `${type}.${name}`).toEqual(body);
    }
    expect(Object.keys(after.aws_acm_certificate)).toEqual(Object.keys(before.aws_acm_certificate));
  });
});
