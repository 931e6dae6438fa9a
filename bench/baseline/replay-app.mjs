// A baseline for any synth benchmark: the smallest cdktf program that writes the same resources as a stack
// the product synthesized (BENCH_STACK_JSON), each as a generic TerraformResource with its attributes as
// overrides: cdktf's own cost for that many resources, without validation, provider classes or outputs.
import { App, TerraformResource, TerraformStack } from "cdktf";
import { readFileSync } from "node:fs";

const json = JSON.parse(readFileSync(process.env.BENCH_STACK_JSON, "utf8"));
const app = new App({ outdir: process.env.CDKTF_OUTDIR, skipValidation: true });
const stack = new TerraformStack(app, "baseline");
stack.addOverride("terraform.required_providers", json.terraform?.required_providers ?? {});
stack.addOverride("provider", json.provider ?? {});
for (const [type, byName] of Object.entries(json.resource ?? {})) {
  for (const [name, body] of Object.entries(byName)) {
    const resource = new TerraformResource(stack, `${type}.${name}`, { terraformResourceType: type });
    resource.overrideLogicalId(name);
    for (const [key, value] of Object.entries(body)) if (key !== "//") resource.addOverride(key, value);
  }
}
app.synth();
