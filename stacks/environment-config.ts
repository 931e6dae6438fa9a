import type { ApiGatewayModuleConfig } from "../modules/api-gateway/config/module-inputs.js";
import type { ApplicationConfig } from "../modules/application/config.js";
import type { LintSettings } from "../modules/lint/config.js";
import type { WafSettings } from "../modules/security/waf-config.js";
import type { IdentityConfig } from "../modules/identity/config.js";

/**
 * An AWS region code, such as `eu-west-1`, `us-gov-west-1` or `cn-north-1`.
 * @title an AWS region
 * @pattern ^[a-z]{2}(-[a-z]+)+-\d$
 * @fix use a region code such as "eu-west-1"
 */
export type AwsRegion = string;

/**
 * A tenant or environment name: lower-case letters, digits and `-`, starting with a letter, at most 31.
 * @title a valid name
 * @pattern ^[a-z][a-z0-9-]{0,30}$
 * @fix use lower-case letters, digits and -, starting with a letter (at most 31)
 */
export type StackNamePart = string;

/** Where Terraform keeps the stack's state (Terraform's `s3` backend). */
export interface S3BackendConfig {
  /**
   * State bucket: 3 to 63 lower-case letters, digits, `.` and `-`, starting and ending with a letter or digit,
   * not shaped like an IP address, without `..`, the `xn--` and `sthree-` prefixes or the `-s3alias` and
   * `--ol-s3` suffixes (S3's bucket naming rules).
   * @title an S3 bucket name
   * @pattern ^(?!\d{1,3}(\.\d{1,3}){3}$)(?!xn--|sthree-)(?!.*\.\.)(?!.*(-s3alias|--ol-s3)$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$
   * @fix name the state bucket as S3 does: 3 to 63 lower-case letters, digits, . and - (S3's bucket naming rules)
   */
  readonly bucket: string;
  /**
   * State object key, 1 to 1024 characters, neither starting nor ending with `/`.
   * @maxLength 1024
   * @pattern ^(?!/)[^\u0000-\u001f\u007f]*[^/\u0000-\u001f\u007f]$
   * @fix use a path such as "acme/prod/terraform.tfstate", without a leading or trailing /
   * @default "<tenant>/<environment>/terraform.tfstate"
   */
  readonly key?: string;
  /** Bucket region. @default - the stack's region */
  readonly region?: AwsRegion;
  /**
   * DynamoDB lock table (Terraform's older locking): 3 to 255 letters, digits, `_`, `.` and `-`.
   * @title a DynamoDB table name
   * @pattern ^[A-Za-z0-9_.-]{3,255}$
   * @fix use a DynamoDB table name: 3 to 255 letters, digits, _, . and -
   * @default - none
   */
  readonly dynamodb_table?: string;
  /** S3-native state locking (Terraform 1.10+), `true` or `false`. @default true */
  readonly use_lockfile?: boolean;
  /** Server-side encryption of the state object, `true` or `false`. @default true */
  readonly encrypt?: boolean;
}

/** Where a config is deployed: the stack settings other than the `application` section. */
export interface StackTarget {
  /** Tenant, lower-case letters, digits and `-`; the stack is named `<tenant>-<environment>`. */
  readonly tenant: StackNamePart;
  /** Environment, such as `dev` or `prod`. */
  readonly environment: StackNamePart;
  /** AWS region of the stack's provider, such as `eu-west-1`. */
  readonly region: AwsRegion;
  /**
   * The AWS account this environment deploys to. Becomes the provider's `allowed_account_ids`, so that Terraform
   * refuses to apply the stack with credentials of any other account.
   * @pattern ^[0-9]{12}$
   * @fix write the 12 digits as a string, such as "123456789012"
   * @default - any account (no guard)
   */
  readonly account_id?: string;
  /** S3 backend for the stack's state. @default - local state */
  readonly backend?: {
    /** Terraform's `s3` backend settings. */
    readonly s3: S3BackendConfig;
  };
}

/** Where and as what a config is deployed: the parts of a tenant environment config that are not module inputs. */
export interface StackSettings extends StackTarget {
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
  /** A Cognito user pool with per-tenant clients, and the authorizer wired to it; needs `application`. @default - none (an external issuer) */
  readonly identity?: IdentityConfig;
}

/** A tenant environment: where it deploys, and the module inputs (the same names as the HCL module's). */
export type EnvironmentConfig = StackSettings & ApiGatewayModuleConfig;

/** Types a `config/<tenant>/<environment>.ts` file: `export default defineConfig({ ... })`. */
export function defineConfig(config: EnvironmentConfig): EnvironmentConfig {
  return config;
}

/** Keys of StackSettings: split off before the rest is checked as module inputs. */
export const STACK_SETTING_KEYS = ["tenant", "environment", "region", "account_id", "backend", "application", "identity", "lint", "waf", "kms_key_arn"] as const;
