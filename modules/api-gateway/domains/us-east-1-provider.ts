import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { TerraformProvider, TerraformStack } from "cdktf";
import type { Construct } from "constructs";

/** Alias of the provider that EDGE domains' certificates use: `provider = aws.us_east_1`. */
export const US_EAST_1_ALIAS = "us_east_1";

/**
 * The stack's `aws` provider aliased `us_east_1` in us-east-1, where CloudFront (and so an EDGE domain) takes its
 * certificates, whatever the stack's region. One per stack: an existing one (the module's, another module's, or
 * one of your own with credentials settings) is reused; otherwise it is created at the stack's top level.
 * Found by cdktf's provider marker and the provider type, not `instanceof AwsProvider`: a project may load its
 * own copy of the provider bindings beside this package's.
 */
export function usEast1Provider(scope: Construct): TerraformProvider {
  const stack = TerraformStack.of(scope);
  const existing = stack.node
    .findAll()
    .find((c): c is TerraformProvider => TerraformProvider.isTerraformProvider(c) && c.terraformResourceType === "aws" && c.alias === US_EAST_1_ALIAS);
  return existing ?? new AwsProvider(stack, `aws-${US_EAST_1_ALIAS}`, { alias: US_EAST_1_ALIAS, region: "us-east-1" });
}
