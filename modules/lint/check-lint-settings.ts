import { suggestion } from "../api-gateway/validation/did-you-mean.js";
import { quote, type ConfigProblem } from "../api-gateway/validation/problems.js";
import { RULE_IDS } from "./registry.js";

const SETTING_KEYS = ["suppressions", "tenant_header"];
const SUPPRESSION_KEYS = ["rule", "path", "reason"];

/**
 * The cross-reference and the rule the schema cannot say: a suppression names a rule that exists, and says why
 * (a blank reason is no reason).
 */
export function checkLintSettings(raw: unknown): ConfigProblem[] {
  if (raw === undefined) return [];
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return [{ path: "lint", message: "must be an object", fix: "give { suppressions: [{ rule, path, reason }] }" }];
  const problems: ConfigProblem[] = [];
  const settings = raw as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    if (!SETTING_KEYS.includes(key)) problems.push({ path: `lint.${key}`, message: "unknown key", fix: suggestion(key, SETTING_KEYS, "allowed keys") });
  }
  const header = settings.tenant_header;
  if (header !== undefined && (typeof header !== "string" || header.trim() === "")) problems.push({ path: "lint.tenant_header", message: "must be a header name", fix: 'e.g. "Authorization"' });
  const list = settings.suppressions;
  if (list === undefined) return problems;
  if (!Array.isArray(list)) return [...problems, { path: "lint.suppressions", message: "must be a list", fix: "give [{ rule, path, reason }]" }];
  list.forEach((entry: unknown, i) => {
    const at = `lint.suppressions.${i}`;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      problems.push({ path: at, message: "must be { rule, path, reason }", fix: "name the rule and say why the finding is kept" });
      return;
    }
    const s = entry as Record<string, unknown>;
    for (const key of Object.keys(s)) {
      if (!SUPPRESSION_KEYS.includes(key)) problems.push({ path: `${at}.${key}`, message: "unknown key", fix: suggestion(key, SUPPRESSION_KEYS, "allowed keys") });
    }
    if (typeof s.rule !== "string" || !RULE_IDS.includes(s.rule)) {
      problems.push({ path: `${at}.rule`, message: s.rule === undefined ? "is required" : `${quote(s.rule)} is not a lint rule`, fix: suggestion(String(s.rule ?? ""), RULE_IDS, "rules") });
    }
    if (s.path !== undefined && (typeof s.path !== "string" || s.path === "")) problems.push({ path: `${at}.path`, message: "must be a config path", fix: "e.g. rest_apis.public.stages.prod, or leave it out for the whole config" });
    if (typeof s.reason !== "string" || s.reason.trim() === "") {
      problems.push({ path: `${at}.reason`, message: s.reason === undefined ? "is required: a suppression without a reason is not allowed" : "must say why the finding is kept", fix: "write why the finding is acceptable here" });
    }
  });
  return problems;
}
