import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";

/** One Terraform output named exactly `<prefix><name>`, as the HCL module names it. */
export function moduleOutput(scope: Construct, prefix: string, name: string, value: unknown, description: string): void {
  new TerraformOutput(scope, `output-${name}`, { value, description }).overrideLogicalId(`${prefix}${name}`);
}
