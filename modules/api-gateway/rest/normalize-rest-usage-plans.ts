import { mergeTags } from "../common/tags.js";
import type { RestApiConfig } from "../config/rest-api.js";
import { sortedEntries, type NormalizeContext } from "../validation/context.js";
import { suggestion } from "../validation/did-you-mean.js";
import { joinPath, quote } from "../validation/problems.js";
import { REST_HTTP_METHODS } from "./method-path.js";
import type { RestApiKeyModel, RestUsagePlanModel } from "./rest-model.js";

const THROTTLE_PATH = new RegExp(`^(/[^\\s]*)?/(\\*|${REST_HTTP_METHODS.filter((m) => m !== "ANY").join("|")})$`);

export function normalizeRestApiKeys(apiName: string, api: RestApiConfig, path: string, ctx: NormalizeContext): RestApiKeyModel[] {
  return sortedEntries(api.api_keys).map(([key, apiKey]) => {
    const name = apiKey.name ?? `${apiName}-${key}`;
    if (name.length > 1024) ctx.problems.error(joinPath(path, "api_keys", key, "name"), `has ${name.length} characters`, "use at most 1024");
    return { key, name, description: apiKey.description, enabled: apiKey.enabled ?? true, tags: mergeTags(ctx.commonTags, api.tags, apiKey.tags) };
  });
}

/**
 * Usage plans of a REST API: stages and API keys must be this API's; a method throttle path names one of the API's
 * resource paths (when the API is built from `methods`) and a method or `*`.
 */
export function normalizeRestUsagePlans(apiName: string, api: RestApiConfig, path: string, resourcePaths: readonly string[] | undefined, ctx: NormalizeContext): RestUsagePlanModel[] {
  const stageKeys = Object.keys(api.stages ?? {});
  const keyKeys = Object.keys(api.api_keys ?? {});
  return sortedEntries(api.usage_plans).map(([key, plan]): RestUsagePlanModel => {
    const at = joinPath(path, "usage_plans", key);
    const seenStages = new Set<string>();
    const apiStages = (plan.api_stages ?? []).flatMap((entry, i) => {
      const entryAt = joinPath(at, "api_stages", String(i));
      if (!stageKeys.includes(entry.stage)) {
        ctx.problems.error(joinPath(entryAt, "stage"), `${quote(entry.stage)} is not a stage of ${path}`, suggestion(entry.stage, stageKeys, "stages"));
        return [];
      }
      if (seenStages.has(entry.stage)) ctx.problems.error(joinPath(entryAt, "stage"), `${quote(entry.stage)} is listed twice`, "list each stage once");
      seenStages.add(entry.stage);
      const throttle = entry.throttle;
      if (throttle) {
        const throttlePath = joinPath(entryAt, "throttle", "path");
        const match = THROTTLE_PATH.exec(throttle.path);
        if (!match && throttle.path !== "*/*") {
          ctx.problems.error(throttlePath, `${quote(throttle.path)} is not a method path`, 'write "<resource path>/<METHOD>", e.g. "/pets/GET", "/partner/*" for every method of /partner, or "/*/*"');
        } else if (match && resourcePaths !== undefined) {
          const resource = match[1] ?? "/";
          if (resource !== "/*" && !resourcePaths.includes(resource)) {
            ctx.problems.error(throttlePath, `${quote(resource)} is not a resource path of ${path}`, suggestion(resource, [...resourcePaths], "paths"));
          }
        }
      }
      return [{ stageKey: entry.stage, throttle: throttle ? [{ path: throttle.path, rateLimit: throttle.rate_limit, burstLimit: throttle.burst_limit }] : [] }];
    });
    const apiKeyKeys = [...new Set(plan.api_keys ?? [])].sort();
    for (const [i, ref] of (plan.api_keys ?? []).entries()) {
      if (!keyKeys.includes(ref)) ctx.problems.error(joinPath(at, "api_keys", String(i)), `${quote(ref)} is not defined`, suggestion(ref, keyKeys, "api_keys"));
    }
    if (apiKeyKeys.length > 0 && (plan.api_stages ?? []).length === 0) {
      ctx.problems.warn(joinPath(at, "api_stages"), "is empty, so the plan's API keys open no stage", "list the stages the keys are for");
    }
    return {
      key,
      name: plan.name ?? `${apiName}-${key}`,
      description: plan.description,
      apiStages,
      quota: plan.quota_settings && { limit: plan.quota_settings.limit, period: plan.quota_settings.period, offset: plan.quota_settings.offset },
      throttle: plan.throttle_settings && { rateLimit: plan.throttle_settings.rate_limit, burstLimit: plan.throttle_settings.burst_limit },
      apiKeyKeys: apiKeyKeys.filter((k) => keyKeys.includes(k)),
      tags: mergeTags(ctx.commonTags, api.tags, plan.tags),
    };
  });
}
