import type { HttpApiModel, HttpDomainModel, ModuleModel } from "../model.js";
import type { RestApiModel, RestDomainModel } from "../rest/rest-model.js";

const byKey = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries);

function restDomains(api: RestApiModel, domains: readonly RestDomainModel[]) {
  return byKey(
    domains
      .filter((d) => d.apiKey === api.key)
      .map((d) => [d.key, { domain_name: d.domainName, endpoint_type: d.endpointType, tls_policy: d.securityPolicy, mutual_tls: d.endpointType === "REGIONAL" && d.mutualTls !== undefined }]),
  );
}

function httpDomains(api: HttpApiModel, domains: readonly HttpDomainModel[]) {
  return byKey(domains.filter((d) => d.apiKey === api.key).map((d) => [d.key, { domain_name: d.domainName, endpoint_type: "REGIONAL", tls_policy: d.securityPolicy, mutual_tls: d.mutualTls !== undefined }]));
}

function restApiSecurity(api: RestApiModel, domains: readonly RestDomainModel[]) {
  return {
    endpoint_type: api.endpointType,
    private_endpoint: api.endpointType === "PRIVATE",
    resource_policy: api.policy !== undefined,
    defined_by: api.definition.kind === "openapi" ? "openapi_spec" : "methods",
    methods: api.methodFacts.total,
    unauthenticated_methods: [...api.methodFacts.unauthenticated],
    api_key_required_methods: api.methodFacts.apiKeyRequired,
    authorizers: byKey(api.authorizers.map((a) => [a.key, a.type])),
    waf: api.stages.length > 0 && api.stages.every((s) => s.wafAclArn !== undefined),
    cors: api.cors,
    execute_api_endpoint_disabled: api.disableExecuteApiEndpoint,
    custom_domains: restDomains(api, domains),
    stages: byKey(
      api.stages.map((s) => [
        s.key,
        {
          execution_logging: s.methodSettings?.loggingLevel ?? "OFF",
          data_trace: s.methodSettings?.dataTraceEnabled ?? false,
          access_logs: s.accessLog !== undefined,
          xray_tracing: s.xrayTracingEnabled,
          waf: s.wafAclArn !== undefined,
        },
      ]),
    ),
  };
}

function httpApiSecurity(api: HttpApiModel, domains: readonly HttpDomainModel[]) {
  return {
    endpoint_type: "REGIONAL",
    private_endpoint: false,
    routes: api.routes.length,
    unauthenticated_routes: api.routes.filter((r) => r.authorizationType === "NONE").map((r) => r.routeKey).sort(),
    authorizers: byKey(api.authorizers.map((a) => [a.key, a.kind === "jwt" ? "JWT" : "REQUEST"])),
    waf: "not available on HTTP APIs",
    cors: api.cors !== undefined,
    execute_api_endpoint_disabled: api.disableExecuteApiEndpoint,
    custom_domains: httpDomains(api, domains),
    stages: byKey(
      api.stages.map((s) => [s.key, { execution_logging: "not available on HTTP APIs", access_logs: s.accessLog !== undefined, xray_tracing: "not available on HTTP APIs" }]),
    ),
  };
}

/**
 * `security_summary`: per API, which methods or routes answer without authentication, WAF, mutual TLS, private
 * endpoint, the TLS policy of its custom domains, and each stage's logging and tracing. Known at synth.
 */
export function securitySummary(model: ModuleModel) {
  return {
    rest_apis: byKey(model.restApis.map((api) => [api.key, restApiSecurity(api, model.restDomains)])),
    http_apis: byKey(model.httpApis.map((api) => [api.key, httpApiSecurity(api, model.httpDomains)])),
  };
}
