/** What an AWS managed rule group does with a match: block it, or only count it (to try a group out first). */
export type ManagedRuleAction = "block" | "count";

/**
 * A WAFv2 web ACL (REGIONAL) the stack creates and associates with REST API stages. HTTP APIs cannot take a web
 * ACL (AWS associates them with REST API stages, ALBs, AppSync, Cognito and CloudFront only).
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/web-acl.html
 */
export interface WafSettings {
  /**
   * REST stages the ACL protects, as `<rest_apis key>.<stage key>`.
   * @default - every REST stage that is not PRIVATE and has no waf_acl_arn of its own
   */
  readonly stages?: readonly string[];
  /**
   * AWS managed rule groups and what each does with a match: common rules (OWASP top risks), known bad inputs,
   * SQL injection.
   * @default { common: "block", known_bad_inputs: "block", sql_injection: "block" }
   */
  readonly managed_rules?: {
    /** AWSManagedRulesCommonRuleSet. @default "block" */
    readonly common?: ManagedRuleAction;
    /** AWSManagedRulesKnownBadInputsRuleSet. @default "block" */
    readonly known_bad_inputs?: ManagedRuleAction;
    /** AWSManagedRulesSQLiRuleSet. @default "block" */
    readonly sql_injection?: ManagedRuleAction;
  };
  /** Requests per client IP in the window above which the IP is blocked. @default { limit: 2000, window_seconds: 300 } */
  readonly rate_limit?: {
    /**
     * Requests per client IP per window.
     * @minimum 10
     * @maximum 2000000000
     * @default 2000
     */
    readonly limit?: number;
    /** Window the requests are counted over, in seconds. @default 300 */
    readonly window_seconds?: 60 | 120 | 300 | 600;
  };
  /**
   * Countries whose requests are blocked, as ISO 3166 alpha-2 codes.
   * @default []
   */
  readonly blocked_countries?: readonly string[];
  /**
   * Requests whose User-Agent contains one of these (case-insensitive) are blocked.
   * @default []
   */
  readonly blocked_user_agents?: readonly string[];
}
