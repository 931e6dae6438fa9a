import type { ModuleModel } from "../api-gateway/model.js";
import { suggestion } from "../api-gateway/validation/did-you-mean.js";
import { quote, type ConfigProblem } from "../api-gateway/validation/problems.js";

const HTTP_FIX = "HTTP APIs cannot take a WAF web ACL (AWS associates ACLs with REST API stages, ALBs and CloudFront): put CloudFront with the ACL in front of the HTTP API, or make it a rest_apis entry";
const KEYS = ["stages", "managed_rules", "rate_limit", "blocked_countries", "blocked_user_agents"];
const ACTIONS = ["block", "count"];
const WINDOWS = [60, 120, 300, 600];

/** The `waf` setting against the module it protects: stages that exist, are REST, and have no ACL of their own. */
export function checkWafSettings(raw: unknown, model: ModuleModel): ConfigProblem[] {
  if (raw === undefined) return [];
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return [{ path: "waf", message: "must be an object", fix: "give { stages, managed_rules, rate_limit, ... } or leave it out" }];
  const waf = raw as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(waf)) if (!KEYS.includes(key)) problems.push({ path: `waf.${key}`, message: "unknown key", fix: suggestion(key, KEYS, "allowed keys") });

  const restStages = model.restApis.flatMap((api) => api.stages.map((s) => ({ key: `${api.key}.${s.key}`, own: s.wafAclArn !== undefined })));
  const httpApis = new Set(model.httpApis.map((a) => a.key));
  if (waf.stages === undefined && restStages.length === 0) {
    problems.push({ path: "waf", message: httpApis.size > 0 ? "has no REST stage to protect: this config has HTTP APIs only" : "has no REST stage to protect", fix: HTTP_FIX });
  }
  if (waf.stages !== undefined) {
    if (!Array.isArray(waf.stages) || waf.stages.length === 0) problems.push({ path: "waf.stages", message: "must be a non-empty list of <rest api>.<stage>", fix: "list stages, or leave it out for every public REST stage" });
    else {
      waf.stages.forEach((entry: unknown, i) => {
        const at = `waf.stages.${i}`;
        const text = String(entry);
        const stage = restStages.find((s) => s.key === text);
        if (httpApis.has(text.split(".")[0] ?? "")) problems.push({ path: at, message: `${quote(entry)} is an HTTP API stage`, fix: HTTP_FIX });
        else if (!stage) problems.push({ path: at, message: `${quote(entry)} is not a REST stage of this config`, fix: suggestion(text, restStages.map((s) => s.key), "REST stages") });
        else if (stage.own) problems.push({ path: at, message: `${quote(entry)} has the API's own waf_acl_arn already (a stage takes one web ACL)`, fix: "remove the stage from waf.stages, or waf_acl_arn from its API" });
      });
    }
  }
  const managed = waf.managed_rules as Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(managed ?? {})) {
    if (!["common", "known_bad_inputs", "sql_injection"].includes(key)) problems.push({ path: `waf.managed_rules.${key}`, message: "unknown rule group", fix: suggestion(key, ["common", "known_bad_inputs", "sql_injection"], "rule groups") });
    else if (!ACTIONS.includes(String(value))) problems.push({ path: `waf.managed_rules.${key}`, message: `${quote(value)} is not an action`, fix: 'use "block" or "count"' });
  }
  const rate = waf.rate_limit as Record<string, unknown> | undefined;
  if (rate?.limit !== undefined && (typeof rate.limit !== "number" || !Number.isInteger(rate.limit) || rate.limit < 10 || rate.limit > 2_000_000_000)) {
    problems.push({ path: "waf.rate_limit.limit", message: `${quote(rate.limit)} is not a rate limit WAF accepts`, fix: "use a whole number from 10 to 2000000000" });
  }
  if (rate?.window_seconds !== undefined && !WINDOWS.includes(rate.window_seconds as number)) {
    problems.push({ path: "waf.rate_limit.window_seconds", message: `${quote(rate.window_seconds)} is not a window WAF offers`, fix: "use 60, 120, 300 or 600" });
  }
  const countries = waf.blocked_countries;
  if (countries !== undefined) {
    if (!Array.isArray(countries)) problems.push({ path: "waf.blocked_countries", message: "must be a list", fix: 'e.g. ["KP", "IR"]' });
    else countries.forEach((c: unknown, i) => { if (typeof c !== "string" || !/^[A-Z]{2}$/.test(c)) problems.push({ path: `waf.blocked_countries.${i}`, message: `${quote(c)} is not an ISO 3166 alpha-2 country code`, fix: 'use two upper-case letters, e.g. "KP"' }); });
  }
  const agents = waf.blocked_user_agents;
  if (agents !== undefined) {
    if (!Array.isArray(agents)) problems.push({ path: "waf.blocked_user_agents", message: "must be a list", fix: 'e.g. ["sqlmap"]' });
    else agents.forEach((a: unknown, i) => { if (typeof a !== "string" || a.trim() === "" || a.length > 200) problems.push({ path: `waf.blocked_user_agents.${i}`, message: "must be non-empty text of at most 200 characters", fix: "give a part of the User-Agent to block" }); });
  }
  return problems;
}
