import type { StackSettings } from "./environment-config.js";

/** The tag every resource of a generated stack carries, naming the product that wrote it. */
export const PRODUCT_TAG = { ManagedBy: "cdktf-apigateway" } as const;

/** Terraform that S3-native state locking (`use_lockfile`) needs; below it, what the generated JSON needs. */
export const LOCKFILE_TERRAFORM_VERSION = ">= 1.10.0";
export const BASE_TERRAFORM_VERSION = ">= 1.5.0";

/** The AWS provider version the pinned bindings (`@cdktf/provider-aws` 20.1.0) were generated for. */
export const AWS_PROVIDER_VERSION = "5.100.0";

/**
 * The provider's `default_tags`: the config's `common_tags`, then the tenant, the environment and the product
 * tag, which a config cannot override (they are how a resource is traced back to its stack).
 */
export function defaultTags(settings: StackSettings, commonTags: Readonly<Record<string, string>>): Record<string, string> {
  return { ...commonTags, Tenant: settings.tenant, Environment: settings.environment, ...PRODUCT_TAG };
}

/** `required_version` of a stack with these settings. */
export function requiredTerraformVersion(settings: StackSettings | undefined): string {
  const s3 = settings?.backend?.s3;
  return s3 && (s3.use_lockfile ?? true) ? LOCKFILE_TERRAFORM_VERSION : BASE_TERRAFORM_VERSION;
}
