import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";

/** Alias of the provider that EDGE domains' certificates use: `provider = aws.us_east_1`. */
export const US_EAST_1_ALIAS = "us_east_1";

/**
 * The stack's `aws` provider aliased `us_east_1` in us-east-1, where CloudFront (and so an EDGE domain) takes its
 * certificates, whatever the stack's region. One per stack: an existing one (the module's, another module's, or
 * one of your own with credentials settings) is reused; otherwise it is created at the stack's top level.
 */
export function usEast1Provider(scope: Construct): AwsProvider {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.findAll().find((c): c is AwsProvider => c instanceof AwsProvider && c.alias === US_EAST_1_ALIAS);
  return existing ?? new AwsProvider(stack, `aws-${US_EAST_1_ALIAS}`, { alias: US_EAST_1_ALIAS, region: "us-east-1" });
}
