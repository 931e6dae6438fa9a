import { defined, entriesOf, isEmpty, type Translation } from "./translation.js";

/**
 * A block of terraform-aws-modules/apigateway-v2/aws (one HTTP API) as this product's inputs: one `http_apis`
 * entry with its authorizers, one integration and one route per `routes` entry, one stage, and a custom domain.
 * What the community module does by default is written out (its stage throttling and metrics defaults, its log
 * retention), so that the API planned here is the one that module would make; every such change is a note.
 */
export function translateApigatewayV2(inputs: Record<string, unknown>, untranslated: Translation["untranslated"]): Translation {
  const notes: Translation["notes"] = [];
  const note = (path: string, message: string) => notes.push({ path, message });
  const unsupported = (path: string, message: string, fix: string) => untranslated.push({ path, message, fix });

  for (const key of Object.keys(inputs)) {
    if (!KNOWN_INPUTS.has(key)) unsupported(key, "is not an input of terraform-aws-modules/apigateway-v2 (version 5 or later) that the import knows", "translate it by hand, or leave it out");
  }
  if (inputs.protocol_type !== undefined && inputs.protocol_type !== "HTTP") {
    unsupported("protocol_type", `${JSON.stringify(inputs.protocol_type)} APIs are not supported`, "this product makes HTTP (v2) and REST (v1) APIs");
  }
  if (inputs.region !== undefined) note("region", "left out: resources go to the stack's region (a tenant environment's region, or the pipeline's AWS_REGION)");
  for (const key of ["body", "target", "route_key", "credentials_arn", "stage_client_certificate_id", "ip_address_type"]) {
    if (!isEmpty(inputs[key])) unsupported(key, "has no counterpart in this product's inputs", "describe the API with routes instead, or leave it out");
  }
  if (inputs.create === false || inputs.create_routes_and_integrations === false || inputs.create_stage === false) {
    unsupported("create", "a block that creates nothing (create, create_routes_and_integrations or create_stage = false) has no counterpart", "import only blocks that create their API");
  }

  // Names: this product names an API `<name_prefix>-<key>`; split the name at its last "-" so that it stays the same.
  const name = typeof inputs.name === "string" && inputs.name !== "" ? inputs.name : undefined;
  let namePrefix = "api";
  let apiKey = "api";
  if (name) {
    const cut = name.lastIndexOf("-");
    if (cut > 0 && cut < name.length - 1) {
      namePrefix = name.slice(0, cut);
      apiKey = name.slice(cut + 1);
      note("name_prefix", `name ${JSON.stringify(name)} became name_prefix ${JSON.stringify(namePrefix)} and the http_apis key ${JSON.stringify(apiKey)}: this product names an API <name_prefix>-<key>, so the API keeps its name`);
    } else {
      namePrefix = name;
      note("name_prefix", `name ${JSON.stringify(name)} became name_prefix; the API is named ${JSON.stringify(`${name}-${apiKey}`)}, because this product names an API <name_prefix>-<key>`);
    }
  } else if (inputs.name === undefined || inputs.name === "") {
    note("name_prefix", `no name: name_prefix is ${JSON.stringify(namePrefix)}; set your own`);
  }
  const apiPath = `http_apis.${apiKey}`;

  // Authorizers: JWT ones and Lambda (REQUEST) ones live in two maps here.
  const jwtAuthorizers: Record<string, unknown> = {};
  const lambdaAuthorizers: Record<string, unknown> = {};
  for (const [key, a] of entriesOf(inputs.authorizers)) {
    const type = (a.authorizer_type as string | undefined) ?? "REQUEST";
    const jwt = (a.jwt_configuration ?? {}) as Record<string, unknown>;
    if (type === "JWT") {
      jwtAuthorizers[key] = defined({ name: a.name, audience: jwt.audience, issuer: jwt.issuer, identity_sources: a.identity_sources });
      note(`${apiPath}.jwt_authorizers.${key}`, `authorizers.${key} (authorizer_type JWT) became a named entry of jwt_authorizers; routes name it by its key in authorizer_id`);
    } else {
      lambdaAuthorizers[key] = defined({
        name: a.name,
        authorizer_uri: a.authorizer_uri,
        authorizer_credentials_arn: a.authorizer_credentials_arn,
        identity_sources: a.identity_sources,
        authorizer_payload_format_version: a.authorizer_payload_format_version,
        authorizer_result_ttl_in_seconds: a.authorizer_result_ttl_in_seconds,
        enable_simple_responses: a.enable_simple_responses,
      });
      note(`${apiPath}.lambda_authorizers.${key}`, `authorizers.${key} (authorizer_type ${type}) became a named entry of lambda_authorizers; routes name it by its key in authorizer_id`);
    }
  }

  // Routes: keyed by route key there, by a name here; each route's inline integration becomes a named integration.
  const stageDefaults = (inputs.stage_default_route_settings ?? {}) as Record<string, unknown>;
  const defaults = {
    detailed_metrics_enabled: stageDefaults.detailed_metrics_enabled ?? true,
    throttling_burst_limit: stageDefaults.throttling_burst_limit ?? 500,
    throttling_rate_limit: stageDefaults.throttling_rate_limit ?? 1000,
  };
  const integrations: Record<string, unknown> = {};
  const routes: Record<string, unknown> = {};
  const routeSettings: Record<string, unknown> = {};
  const usedKeys = new Set<string>();
  for (const [routeKey, r] of entriesOf(inputs.routes)) {
    const at = `routes.${routeKey}`;
    let key = routeEntryKey(routeKey);
    for (let n = 2; usedKeys.has(key); n++) key = `${routeEntryKey(routeKey)}_${n}`;
    usedKeys.add(key);
    const integration = (r.integration ?? {}) as Record<string, unknown>;
    for (const field of ["request_templates", "template_selection_expression", "content_handling_strategy", "passthrough_behavior", "response", "response_parameters"]) {
      if (!isEmpty(integration[field])) unsupported(`${at}.integration.${field}`, "has no counterpart for HTTP API integrations here", "leave it out (request_templates and responses are WebSocket features; map responses in your backend)");
    }
    for (const field of ["api_key_required", "model_selection_expression", "request_models", "route_response_selection_expression", "route_response"]) {
      const value = r[field];
      if (!isEmpty(value) && value !== false && !(field === "route_response" && (value as { create?: boolean }).create !== true)) {
        unsupported(`${at}.${field}`, "is a WebSocket route setting", "leave it out");
      }
    }
    if (!isEmpty((r.request_parameter as { request_parameter_key?: unknown } | undefined)?.request_parameter_key)) {
      unsupported(`${at}.request_parameter`, "is a WebSocket route setting", "leave it out");
    }
    let connectionId = integration.connection_id;
    if (integration.vpc_link_key !== undefined) {
      connectionId = integration.vpc_link_key;
      note(`${apiPath}.integrations.${key}.connection_id`, `vpc_link_key ${JSON.stringify(integration.vpc_link_key)} became connection_id: here a VPC_LINK integration names a vpc_links key in connection_id`);
    }
    integrations[key] = defined({
      integration_type: integration.type ?? "AWS_PROXY",
      integration_subtype: integration.subtype,
      integration_method: integration.method,
      integration_uri: integration.uri,
      payload_format_version: integration.payload_format_version,
      timeout_milliseconds: integration.timeout_milliseconds,
      connection_type: integration.connection_type ?? (integration.vpc_link_key !== undefined ? "VPC_LINK" : undefined),
      connection_id: connectionId,
      credentials_arn: integration.credentials_arn,
      description: integration.description,
      request_parameters: isEmpty(integration.request_parameters) ? undefined : integration.request_parameters,
      tls_config: integration.tls_config,
    });
    let authorizerId = r.authorizer_id;
    if (r.authorizer_key !== undefined) {
      authorizerId = r.authorizer_key;
      note(`${apiPath}.routes.${key}.authorizer_id`, `authorizer_key ${JSON.stringify(r.authorizer_key)} became authorizer_id: here routes name their authorizer by its key`);
    } else if (r.authorizer_id !== undefined) {
      unsupported(`${at}.authorizer_id`, "names an authorizer made outside the module", "declare the authorizer in the module's authorizers and use authorizer_key");
    }
    routes[key] = defined({
      route_key: routeKey,
      target: `integrations/${key}`,
      authorization_type: r.authorization_type,
      authorizer_id: authorizerId,
      authorization_scopes: isEmpty(r.authorization_scopes) ? undefined : r.authorization_scopes,
      operation_name: r.operation_name,
    });
    note(`${apiPath}.routes.${key}`, `routes[${JSON.stringify(routeKey)}] became the named route ${key} with the integration integrations.${key}`);
    routeSettings[routeKey] = {
      detailed_metrics_enabled: r.detailed_metrics_enabled ?? defaults.detailed_metrics_enabled,
      throttling_burst_limit: r.throttling_burst_limit ?? defaults.throttling_burst_limit,
      throttling_rate_limit: r.throttling_rate_limit ?? defaults.throttling_rate_limit,
    };
    for (const field of ["logging_level", "data_trace_enabled"]) {
      if (r[field] !== undefined) note(`${at}.${field}`, "left out: the community module ignores it for HTTP APIs, and AWS rejects it");
    }
  }

  // The stage: one, named stage_name ($default unless set).
  const stageName = typeof inputs.stage_name === "string" ? inputs.stage_name : "$default";
  const stageKey = stageName === "$default" ? "default" : stageName;
  const logs = (inputs.stage_access_log_settings ?? {}) as Record<string, unknown>;
  const createLogGroup = logs.create_log_group !== false;
  const accessLog = createLogGroup ? defined({ format: logs.format }) : defined({ destination_arn: logs.destination_arn, format: logs.format });
  if (createLogGroup && logs.log_group_name !== undefined) unsupported("stage_access_log_settings.log_group_name", "this product names the access-log group /aws/apigateway/<api name>/<stage>", "leave it out, or create the group yourself and pass destination_arn");
  for (const field of ["log_group_skip_destroy", "log_group_class"]) {
    if (logs[field] !== undefined) unsupported(`stage_access_log_settings.${field}`, "has no counterpart here", "leave it out");
  }
  if (!isEmpty(logs.log_group_tags)) note("common_tags", "stage_access_log_settings.log_group_tags left out: log groups take common_tags");
  if (stageDefaults.logging_level !== undefined || stageDefaults.data_trace_enabled !== undefined) {
    note(`${apiPath}.stages.${stageKey}.default_route_settings`, "logging_level and data_trace_enabled left out: the community module ignores them for HTTP APIs, and AWS rejects them");
  }
  const stage = defined({
    name: stageKey === stageName ? undefined : stageName,
    description: inputs.stage_description,
    auto_deploy: true,
    default_route_settings: defaults,
    route_settings: isEmpty(routeSettings) ? undefined : routeSettings,
    access_log_settings: accessLog,
    stage_variables: isEmpty(inputs.stage_variables) ? undefined : inputs.stage_variables,
    tags: isEmpty(inputs.stage_tags) ? undefined : inputs.stage_tags,
  });
  note(`${apiPath}.stages.${stageKey}`, `the module's single stage (stage_name ${JSON.stringify(stageName)}) became stages.${stageKey}, with the community module's defaults written out: detailed metrics on, throttling 500 burst / 1000 per second unless set`);

  // The custom domain.
  const domains: Record<string, unknown> = {};
  const domainName = typeof inputs.domain_name === "string" && inputs.domain_name !== "" ? inputs.domain_name : undefined;
  const createsDomain = domainName !== undefined && inputs.create_domain_name !== false;
  if (createsDomain) {
    const certificateArn = inputs.domain_name_certificate_arn;
    const createCertificate = certificateArn === undefined && inputs.create_certificate !== false;
    const createRecords = inputs.create_domain_records !== false;
    const mtls = (inputs.mutual_tls_authentication ?? {}) as Record<string, unknown>;
    if (createCertificate || createRecords) {
      const path = inputs.hosted_zone_name !== undefined ? "hosted_zone_name" : createRecords ? "create_domain_records" : "create_certificate";
      unsupported(
        path,
        "the community module finds the Route53 zone by name at plan time (an AWS call); here the zone is given by id (route53_zone_id), so that plans need no AWS access",
        "add route53_zone_id (Z...) to the imported config, or give domain_name_certificate_arn and set create_domain_records = false",
      );
    }
    if (!isEmpty(inputs.subdomains)) unsupported("subdomains", "records for subdomains have no counterpart here", "add one http_api_custom_domains entry per name");
    domains[apiKey] = defined({
      api_name: apiKey,
      domain_name: domainName,
      domain_name_configuration: defined({
        certificate_arn: certificateArn,
        endpoint_type: "REGIONAL",
        security_policy: "TLS_1_2",
        ownership_verification_certificate_arn: inputs.domain_name_ownership_verification_certificate_arn,
      }),
      mutual_tls_authentication: isEmpty(mtls) ? undefined : defined({ truststore_uri: mtls.truststore_uri, truststore_version: mtls.truststore_version }),
      api_mapping: defined({ stage: stageKey, api_mapping_key: inputs.api_mapping_key }),
      create_certificate: createCertificate ? true : undefined,
      create_dns_record: createRecords ? true : undefined,
      tags: isEmpty(inputs.domain_name_tags) ? undefined : inputs.domain_name_tags,
    });
    note(`http_api_custom_domains.${apiKey}`, `domain_name became http_api_custom_domains.${apiKey}, mapped to stage ${stageKey}${createCertificate ? ", with a certificate this product creates" : ""}${createRecords ? " and its DNS records" : ""}`);
  }

  const disableExecuteApi = createsDomain ? true : inputs.disable_execute_api_endpoint;
  if (createsDomain && inputs.disable_execute_api_endpoint !== true) note(`${apiPath}.disable_execute_api_endpoint`, "set to true: the community module turns the execute-api endpoint off when it creates a domain name");

  const vpcLinks: Record<string, unknown> = {};
  for (const [key, link] of entriesOf(inputs.vpc_links)) {
    const tags = { ...((inputs.vpc_link_tags ?? {}) as object), ...((link.tags ?? {}) as object) };
    vpcLinks[key] = defined({ name: link.name, subnet_ids: link.subnet_ids, security_group_ids: link.security_group_ids, tags: isEmpty(tags) ? undefined : tags });
  }

  const retention = logs.log_group_retention_in_days ?? 30;
  if (createLogGroup) note("log_retention_days", `${retention} days, the community module's access-log retention${logs.log_group_retention_in_days === undefined ? " (its default)" : ""}`);

  const api = defined({
    description: inputs.description,
    version: inputs.api_version,
    cors_configuration: isEmpty(inputs.cors_configuration) ? undefined : inputs.cors_configuration,
    disable_execute_api_endpoint: disableExecuteApi,
    api_key_selection_expression: inputs.api_key_selection_expression,
    route_selection_expression: inputs.route_selection_expression,
    stages: { [stageKey]: stage ?? {} },
    jwt_authorizers: isEmpty(jwtAuthorizers) ? undefined : jwtAuthorizers,
    lambda_authorizers: isEmpty(lambdaAuthorizers) ? undefined : lambdaAuthorizers,
    integrations: isEmpty(integrations) ? undefined : integrations,
    routes: isEmpty(routes) ? undefined : routes,
  });
  if (!isEmpty(inputs.tags)) note("common_tags", "tags became common_tags: the community module tags every resource it makes with them");
  const config = defined({
    name_prefix: namePrefix,
    http_apis: { [apiKey]: api ?? {} },
    http_api_custom_domains: isEmpty(domains) ? undefined : domains,
    vpc_links: isEmpty(vpcLinks) ? undefined : vpcLinks,
    common_tags: isEmpty(inputs.tags) ? undefined : inputs.tags,
    log_retention_days: createLogGroup ? retention : undefined,
    log_kms_key_id: createLogGroup ? logs.log_group_kms_key_id : undefined,
  })!;
  return { config, notes, untranslated };
}

/** Inputs of terraform-aws-modules/apigateway-v2 (versions 5 and 6) and the module block's own meta-arguments. */
const KNOWN_INPUTS = new Set([
  "source", "version", "providers", "depends_on", "create", "region", "tags",
  "api_key_selection_expression", "cors_configuration", "credentials_arn", "description", "disable_execute_api_endpoint",
  "fail_on_warnings", "ip_address_type", "name", "body", "protocol_type", "route_key", "route_selection_expression", "target",
  "api_version", "api_mapping_key", "authorizers", "create_domain_name", "domain_name", "hosted_zone_name", "private_zone",
  "domain_name_certificate_arn", "domain_name_ownership_verification_certificate_arn", "domain_name_tags", "mutual_tls_authentication",
  "create_domain_records", "subdomains", "subdomain_record_types", "create_certificate", "create_routes_and_integrations", "routes",
  "create_stage", "stage_access_log_settings", "stage_client_certificate_id", "stage_default_route_settings", "stage_description",
  "stage_name", "stage_variables", "stage_tags", "deploy_stage", "vpc_links", "vpc_link_tags",
]);

/** `GET /users/{id}` -> `get_users_id`, `$default` -> `default`, `ANY /` -> `any_root`. */
export function routeEntryKey(routeKey: string): string {
  if (routeKey === "$default") return "default";
  const [method = "", path = ""] = routeKey.split(/\s+/, 2);
  const segments = path.split("/").map((s) => s.replace(/[{}+]/g, "")).filter((s) => s !== "");
  const key = [method.toLowerCase(), ...(segments.length > 0 ? segments : ["root"])].join("_");
  return key.replace(/[^A-Za-z0-9_]+/g, "_").replace(/_+/g, "_").replace(/^_|_$/g, "").toLowerCase() || "route";
}
