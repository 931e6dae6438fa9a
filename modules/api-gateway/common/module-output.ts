import { TerraformOutput, type IResolvable, type TerraformResource } from "cdktf";
import { terraformExpression } from "../../common/terraform-expression.js";
import type { Construct } from "constructs";

/** One Terraform output named exactly `<prefix><name>`, as the HCL module names it. */
export function moduleOutput(scope: Construct, prefix: string, name: string, value: unknown, description: string): void {
  new TerraformOutput(scope, `output-${name}`, { value, description }).overrideLogicalId(`${prefix}${name}`);
}

/**
 * A reference to a resource attribute as a TerraformExpression, not read through the provider class: each
 * attribute token cdktf creates keeps a full stack trace, and outputs of a thousand APIs read tens of thousands
 * of them.
 */
export function ref(resource: TerraformResource, attribute: string): IResolvable {
  return terraformExpression(`${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}`);
}
