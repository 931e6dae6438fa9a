import type { ApiGatewayModuleConfig } from "../modules/api-gateway/config/module-inputs.js";
import type { ApplicationConfig } from "../modules/application/config.js";
import type { LintSettings } from "../modules/lint/config.js";
import type { WafSettings } from "../modules/security/waf-config.js";

/** Where Terraform keeps the stack's state. */
export interface S3BackendConfig {
  /** State bucket. */
  readonly bucket: string;
  /** State object key. @default "<tenant>/<environment>/terraform.tfstate" */
  readonly key?: string;
  /** Bucket region. @default - the stack's region */
  readonly region?: string;
  /** DynamoDB lock table (Terraform's older locking). @default - none */
  readonly dynamodb_table?: string;
  /** S3-native state locking (Terraform 1.10+). @default true */
  readonly use_lockfile?: boolean;
  /** Server-side encryption of the state object. @default true */
  readonly encrypt?: boolean;
}

/** Where and as what a config is deployed: the parts of a tenant environment config that are not module inputs. */
export interface StackSettings {
  /** Tenant, lower-case letters, digits and `-`; the stack is named `<tenant>-<environment>`. */
  readonly tenant: string;
  /** Environment, such as `dev` or `prod`. */
  readonly environment: string;
  /** AWS region of the stack's provider, such as `eu-west-1`. */
  readonly region: string;
  /** S3 backend for the stack's state. @default - local state */
  readonly backend?: { readonly s3: S3BackendConfig };
  /** The bundled handlers (health, catalog, orders, JWT authorizer), mounted on one of the APIs. @default - none */
  readonly application?: ApplicationConfig;
  /** The policy linter: findings kept on purpose (each with its reason), and the header that carries the tenant. @default {} */
  readonly lint?: LintSettings;
  /**
   * A WAFv2 web ACL (REGIONAL) this stack creates: AWS managed rule groups, a per-IP rate limit, optional country
   * and User-Agent blocks, logging to `aws-waf-logs-<name_prefix>`; associated with REST stages (HTTP APIs cannot
   * take one). An existing ACL stays possible with a REST API's `waf_acl_arn`.
   * @default - none
   */
  readonly waf?: WafSettings;
  /**
   * Customer-managed KMS key for everything this stack encrypts: the log groups (stages, functions, WAF) and the
   * application's tables. `log_kms_key_id` and `application.tables.kms_key_arn` override it.
   * @pattern ^arn:aws(-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:key/[A-Za-z0-9-]+$
   * @default - no customer-managed key
   */
  readonly kms_key_arn?: string;
}

/** A tenant environment: where it deploys, and the module inputs (the same names as the HCL module's). */
export type EnvironmentConfig = StackSettings & ApiGatewayModuleConfig;

/** Types a `config/<tenant>/<environment>.ts` file: `export default defineConfig({ ... })`. */
export function defineConfig(config: EnvironmentConfig): EnvironmentConfig {
  return config;
}

/** Keys of StackSettings: split off before the rest is checked as module inputs. */
export const STACK_SETTING_KEYS = ["tenant", "environment", "region", "backend", "application", "lint", "waf", "kms_key_arn"] as const;
