import type { ManagedRuleAction, WafSettings } from "./waf-config.js";

/** The web ACL's rules in Terraform's `rule` block shape, in priority order. */
export type WafRuleJson = Record<string, unknown>;

export const WAF_DEFAULTS = { rateLimit: 2000, windowSeconds: 300 } as const;

const MANAGED_GROUPS: readonly { key: "common" | "known_bad_inputs" | "sql_injection"; group: string }[] = [
  { key: "common", group: "AWSManagedRulesCommonRuleSet" },
  { key: "known_bad_inputs", group: "AWSManagedRulesKnownBadInputsRuleSet" },
  { key: "sql_injection", group: "AWSManagedRulesSQLiRuleSet" },
];

function visibility(metricName: string) {
  return { cloudwatch_metrics_enabled: true, metric_name: metricName, sampled_requests_enabled: true };
}

/** Metric names allow letters, digits, `-` and `_`. */
function metricName(prefix: string, name: string): string {
  return `${prefix}-${name}`.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 128);
}

/** Managed groups first (cheap to evaluate, most matches), then the rate limit, countries and User-Agents. */
export function wafRules(settings: WafSettings, prefix: string): WafRuleJson[] {
  const rules: Omit<WafRuleJson, "priority">[] = [];
  for (const { key, group } of MANAGED_GROUPS) {
    const action: ManagedRuleAction = settings.managed_rules?.[key] ?? "block";
    rules.push({
      name: group,
      override_action: action === "count" ? { count: {} } : { none: {} },
      statement: { managed_rule_group_statement: { name: group, vendor_name: "AWS" } },
      visibility_config: visibility(metricName(prefix, group)),
    });
  }
  rules.push({
    name: "rate-limit-per-ip",
    action: { block: {} },
    statement: {
      rate_based_statement: {
        limit: settings.rate_limit?.limit ?? WAF_DEFAULTS.rateLimit,
        evaluation_window_sec: settings.rate_limit?.window_seconds ?? WAF_DEFAULTS.windowSeconds,
        aggregate_key_type: "IP",
      },
    },
    visibility_config: visibility(metricName(prefix, "rate-limit-per-ip")),
  });
  const countries = [...(settings.blocked_countries ?? [])].sort();
  if (countries.length > 0) {
    rules.push({ name: "blocked-countries", action: { block: {} }, statement: { geo_match_statement: { country_codes: countries } }, visibility_config: visibility(metricName(prefix, "blocked-countries")) });
  }
  [...(settings.blocked_user_agents ?? [])].forEach((agent, i) => {
    rules.push({
      name: `blocked-user-agent-${i}`,
      action: { block: {} },
      statement: {
        byte_match_statement: {
          field_to_match: { single_header: { name: "user-agent" } },
          positional_constraint: "CONTAINS",
          search_string: agent.toLowerCase(),
          text_transformation: [{ priority: 0, type: "LOWERCASE" }],
        },
      },
      visibility_config: visibility(metricName(prefix, `blocked-user-agent-${i}`)),
    });
  });
  return rules.map((rule, priority) => ({ ...rule, priority }));
}
