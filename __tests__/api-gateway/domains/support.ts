export const ZONE = "Z0123456789ABCDEFGHIJ";
export const OTHER_ZONE = "Z9876543210ZYXWVUTSRQ";

/** A REST API with one method (AWS refuses a REST API without methods) and one stage. */
export function restApi(stage = "v1", types: ("EDGE" | "REGIONAL")[] = ["REGIONAL"]): any {
  return {
    endpoint_configuration: { types },
    methods: { health: { path: "/health", http_method: "GET", integration: { type: "HTTP_PROXY", uri: "https://backend.example.com/health" } } },
    stages: { [stage]: {} },
  };
}

/**
 * A config with one HTTP API domain and one REST API domain, both managed (`create_certificate`,
 * `create_dns_record`); `patch` edits a deep copy of it.
 */
export function managedConfig(patch: (c: any) => void = () => {}): any {
  const c: any = {
    name_prefix: "managed",
    http_apis: { web: { stages: { live: {} } } },
    rest_apis: { legacy: restApi("v1", ["EDGE"]) },
    http_api_custom_domains: {
      web: { api_name: "web", domain_name: "web.example.com", create_certificate: true, create_dns_record: true, route53_zone_id: ZONE },
    },
    rest_api_custom_domains: {
      legacy: { api_name: "legacy", domain_name: "legacy.example.com", endpoint_configuration: { types: ["EDGE"] }, create_certificate: true, create_dns_record: true, route53_zone_id: ZONE },
    },
  };
  patch(c);
  return c;
}

/** `for o in <certificate>.domain_validation_options`: the expression a validation record takes its values from. */
export const optionOf = (certificate: string, name: string, field: string) =>
  `\${{ for o in aws_acm_certificate.${certificate}.domain_validation_options : o.domain_name => o }[${JSON.stringify(name)}].${field}}`;
