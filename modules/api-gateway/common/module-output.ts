import { TerraformOutput, type TerraformResource } from "cdktf";
import type { Construct } from "constructs";

/** One Terraform output named exactly `<prefix><name>`, as the HCL module names it. */
export function moduleOutput(scope: Construct, prefix: string, name: string, value: unknown, description: string): void {
  new TerraformOutput(scope, `output-${name}`, { value, description }).overrideLogicalId(`${prefix}${name}`);
}

/**
 * A reference to a resource attribute written as Terraform text (`${aws_x.name.attr}`), not read through the
 * provider class: each attribute token cdktf creates keeps a full stack trace, and outputs of a thousand
 * APIs read tens of thousands of them (measured: ~70 MB and ~1.5 s of a 1,000-API synth).
 */
export function ref(resource: TerraformResource, attribute: string): string {
  return `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}}`;
}
