import type { NormalizeContext } from "../validation/context.js";
import { joinPath } from "../validation/problems.js";
import { identityKeysOf } from "./normalize-rest-authorizers.js";
import type { RestAuthorizerModel, RestMethodModel, RestStageModel } from "./rest-model.js";

/**
 * Caching on a method that requires authorization, whose cache key holds nothing of the caller's identity, serves
 * one caller's cached response to the next (another tenant's data). Stage caching covers GET methods (and ANY).
 * Warns at each such stage's config path, naming the methods.
 */
export function warnOnSharedCachedResponses(
  stages: readonly RestStageModel[],
  methods: readonly RestMethodModel[],
  authorizers: readonly RestAuthorizerModel[],
  path: string,
  ctx: NormalizeContext,
): void {
  const byKey = new Map(authorizers.map((a) => [a.key, a]));
  const exposed = methods.filter((method) => {
    if (method.configKey === undefined || method.authorization === "NONE") return false;
    if (method.httpMethod !== "GET" && method.httpMethod !== "ANY") return false;
    const identity = identityKeysOf(method.authorizerKey === undefined ? undefined : byKey.get(method.authorizerKey));
    return !identity.some((key) => method.integration.cacheKeyParameters.includes(key));
  });
  if (exposed.length === 0) return;
  const names = exposed.map((m) => m.configKey!).join(", ");
  for (const stage of stages) {
    if (!stage.cacheClusterEnabled || stage.methodSettings?.cachingEnabled !== true) continue;
    ctx.problems.warn(
      joinPath(path, "stages", stage.key),
      `caching is on, and methods that require authorization (${names}) have no caller identity in their cache key, so one caller's cached response is served to another`,
      "add the authorizer's identity source (e.g. method.request.header.Authorization) to each method's request_parameters and integration.cache_key_parameters, or set throttle_settings.caching_enabled = false",
    );
  }
}
