import type { HttpApiConfig } from "../api-gateway/config/http-api.js";
import type { ApiGatewayModuleConfig } from "../api-gateway/config/module-inputs.js";
import type { RestApiConfig } from "../api-gateway/config/rest-api.js";
import { joinPath, quote, type ProblemCollector } from "../api-gateway/validation/problems.js";
import { APPLICATION_ROUTES, AUTHORIZER_KEY, invokeArnReference, KEY_PREFIX, type ApplicationRoute } from "./application-routes.js";
import type { ApplicationModel } from "./model.js";
import { tenantUsagePlans } from "./tenant-usage-plans.js";

/**
 * The module inputs with the application's routes (HTTP API) or methods (REST API), integrations and JWT
 * authorizer added to the API the application names. The additions reference the functions by Terraform
 * address, so the module checks and builds them like the user's own; the runtime grants the invoke
 * permissions. Conflicts with the user's own keys or routes are problems at the user's config path.
 */
export function mountApplication(inputs: ApiGatewayModuleConfig, app: ApplicationModel, problems: ProblemCollector): ApiGatewayModuleConfig {
  const routes = APPLICATION_ROUTES.filter((route) => app.functions.includes(route.fn));
  if (app.api.kind === "http") {
    const api = inputs.http_apis![app.api.key]!;
    return { ...inputs, http_apis: { ...inputs.http_apis, [app.api.key]: mountOnHttpApi(api, app, routes, joinPath("http_apis", app.api.key), problems) } };
  }
  const api = inputs.rest_apis![app.api.key]!;
  return { ...inputs, rest_apis: { ...inputs.rest_apis, [app.api.key]: mountOnRestApi(api, app, routes, joinPath("rest_apis", app.api.key), problems) } };
}

function mountOnHttpApi(api: HttpApiConfig, app: ApplicationModel, routes: readonly ApplicationRoute[], at: string, problems: ProblemCollector): HttpApiConfig {
  rejectReservedKeys(api.routes, joinPath(at, "routes"), problems);
  rejectReservedKeys(api.integrations, joinPath(at, "integrations"), problems);
  rejectReservedKeys(api.lambda_authorizers, joinPath(at, "lambda_authorizers"), problems);
  const taken = new Set<ApplicationRoute>();
  for (const [key, route] of Object.entries(api.routes ?? {})) {
    const clash = routes.find((r) => typeof route?.route_key === "string" && normalizeRouteKey(route.route_key) === `${r.method} ${r.path}`);
    if (!clash) continue;
    taken.add(clash);
    problems.error(joinPath(at, "routes", key, "route_key"), `${quote(route.route_key)} is also the application's ${clash.fn} route`, `remove this route, or drop ${clash.fn} from application.handlers`);
  }
  const integrations = { ...api.integrations };
  for (const fn of new Set(routes.map((r) => r.fn))) {
    integrations[`${KEY_PREFIX}${fn}`] = { integration_type: "AWS_PROXY", integration_uri: invokeArnReference(fn), payload_format_version: "2.0", description: `Bundled ${fn} handler` };
  }
  const mounted: Record<string, NonNullable<HttpApiConfig["routes"]>[string]> = { ...api.routes };
  // A clashing route is left out, so the module does not report the same clash again.
  for (const route of routes.filter((r) => !taken.has(r))) {
    mounted[`${KEY_PREFIX}${route.key}`] = {
      route_key: `${route.method} ${route.path}`,
      target: `integrations/${KEY_PREFIX}${route.fn}`,
      ...(route.authorized ? { authorization_type: "CUSTOM" as const, authorizer_id: AUTHORIZER_KEY } : { authorization_type: "NONE" as const }),
    };
  }
  const authorizers = { ...api.lambda_authorizers };
  if (app.authorizer) {
    authorizers[AUTHORIZER_KEY] = {
      name: `${app.name}-jwt`,
      authorizer_uri: invokeArnReference("authorizer"),
      identity_sources: ["$request.header.Authorization"],
      authorizer_payload_format_version: "2.0",
      enable_simple_responses: true,
      authorizer_result_ttl_in_seconds: app.authorizer.resultTtlSeconds,
    };
  }
  return { ...api, integrations, routes: mounted, lambda_authorizers: authorizers };
}

function mountOnRestApi(api: RestApiConfig, app: ApplicationModel, routes: readonly ApplicationRoute[], at: string, problems: ProblemCollector): RestApiConfig {
  if (api.openapi_spec !== undefined) {
    problems.error(
      joinPath("application", "rest_api"),
      `${quote(app.api.key)} is defined by its openapi_spec, which the application cannot add methods to`,
      "mount the handlers on a REST API defined by methods, or on an HTTP API",
    );
    return api;
  }
  rejectReservedKeys(api.methods, joinPath(at, "methods"), problems);
  rejectReservedKeys(api.authorizers, joinPath(at, "authorizers"), problems);
  rejectReservedKeys(api.api_keys, joinPath(at, "api_keys"), problems);
  rejectReservedKeys(api.usage_plans, joinPath(at, "usage_plans"), problems);
  // With a tenant registry API Gateway enforces the tiers: the authorized methods need the caller's API key.
  const metered = app.tenancy !== undefined;
  const taken = new Set<ApplicationRoute>();
  for (const [key, method] of Object.entries(api.methods ?? {})) {
    const clash = routes.find((r) => method?.http_method === r.method && typeof method.path === "string" && method.path === r.path);
    if (!clash) continue;
    taken.add(clash);
    problems.error(joinPath(at, "methods", key), `${clash.method} ${clash.path} is also the application's ${clash.fn} method`, `remove this method, or drop ${clash.fn} from application.handlers`);
  }
  const methods: NonNullable<RestApiConfig["methods"]> = { ...api.methods };
  for (const route of routes.filter((r) => !taken.has(r))) {
    methods[`${KEY_PREFIX}${route.key}`] = {
      path: route.path,
      http_method: route.method,
      ...(route.authorized ? { authorization: "CUSTOM" as const, authorizer_id: AUTHORIZER_KEY } : { authorization: "NONE" as const }),
      ...(route.authorized && metered ? { api_key_required: true } : {}),
      integration: { type: "AWS_PROXY", uri: invokeArnReference(route.fn) },
    };
  }
  const authorizers = { ...api.authorizers };
  if (app.authorizer) {
    authorizers[AUTHORIZER_KEY] = {
      name: `${app.name}-jwt`,
      type: "TOKEN",
      authorizer_uri: invokeArnReference("authorizer"),
      identity_source: "method.request.header.Authorization",
      authorizer_result_ttl_in_seconds: app.authorizer.resultTtlSeconds,
    };
  }
  const usage = app.tenancy ? tenantUsagePlans(api, app, app.tenancy, at, problems) : {};
  return { ...api, methods, authorizers, ...usage };
}

function rejectReservedKeys(map: Record<string, unknown> | undefined, at: string, problems: ProblemCollector): void {
  for (const key of Object.keys(map ?? {})) {
    if (key.startsWith(KEY_PREFIX)) problems.error(joinPath(at, key), `keys starting with ${KEY_PREFIX} are the application section's own`, "rename this key");
  }
}

/** `get /catalog` and `GET  /catalog` are the same route to API Gateway. */
function normalizeRouteKey(routeKey: string): string {
  const [method = "", ...rest] = routeKey.trim().split(/\s+/);
  return `${method.toUpperCase()} ${rest.join(" ")}`;
}
