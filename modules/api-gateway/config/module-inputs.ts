import type { LogRetentionDays, Tags } from "./common.js";
import type { HttpApiCustomDomainConfig, RestApiCustomDomainConfig } from "./domains.js";
import type { HttpApiConfig } from "./http-api.js";
import type { ApiGatewayAccountConfig, RestApiConfig } from "./rest-api.js";
import type { VpcLinkConfig } from "./vpc-links.js";

/**
 * The module's inputs: the variables of the HCL API Gateway module, with the same names and shapes, so a
 * `terraform.tfvars.json` written for that module is accepted unchanged.
 */
export interface ApiGatewayModuleConfig {
  /**
   * Prefix of every resource name: an API keyed `orders` is named `<name_prefix>-orders`.
   * @minLength 1
   * @maxLength 64
   * @pattern ^[A-Za-z0-9][A-Za-z0-9_-]*$
   */
  readonly name_prefix: string;
  /**
   * REST APIs (API Gateway v1), keyed by a stable name of letters, digits, `.`, `-` and `_` (it becomes part of the
   * API's name and of its stages' log group names).
   * @propertyNames {"pattern": "^[A-Za-z0-9._-]{1,128}$"}
   * @default {}
   */
  readonly rest_apis?: Record<string, RestApiConfig>;
  /**
   * HTTP APIs (API Gateway v2), keyed by a stable name of letters, digits, `.`, `-` and `_` (it becomes part of the
   * API's name and of its stages' log group names).
   * @propertyNames {"pattern": "^[A-Za-z0-9._-]{1,128}$"}
   * @default {}
   */
  readonly http_apis?: Record<string, HttpApiConfig>;
  /** Custom domains for REST APIs. @default {} */
  readonly rest_api_custom_domains?: Record<string, RestApiCustomDomainConfig>;
  /** Custom domains for HTTP APIs. @default {} */
  readonly http_api_custom_domains?: Record<string, HttpApiCustomDomainConfig>;
  /** VPC links, referenced by integrations' `connection_id`. @default {} */
  readonly vpc_links?: Record<string, VpcLinkConfig>;
  /** Tags on every taggable resource; per-resource `tags` win. @default {} */
  readonly common_tags?: Tags;
  /** Create a CloudWatch log group for each stage that has no access-log destination of its own. @default true */
  readonly enable_cloudwatch_logs?: boolean;
  /**
   * Retention of the log groups the module creates, in days: one of the values CloudWatch accepts
   * (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653), or 0 to keep forever.
   * @default 14
   */
  readonly log_retention_days?: LogRetentionDays;
  /** KMS key ARN that encrypts the log groups the module creates. @default - CloudWatch's own encryption */
  readonly log_kms_key_id?: string | null;
  /**
   * API Gateway's account-level CloudWatch Logs role, needed by REST stages that log (execution or access logs).
   * One setting per account and region: when several stacks share an account, let one of them (or nobody) manage it.
   * @default { cloudwatch_role: "create" }
   */
  readonly api_gateway_account?: ApiGatewayAccountConfig;
}
