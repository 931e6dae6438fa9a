import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { App, TerraformStack } from "cdktf";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ApiGatewayModule } from "../../../index.js";
import { managedConfig } from "./support.js";

function synth(build: (stack: TerraformStack) => void): any {
  const outdir = mkdtempSync(join(tmpdir(), "apigw-domains-lib-"));
  const app = new App({ outdir, skipValidation: true });
  build(new TerraformStack(app, "mine"));
  app.synth();
  return JSON.parse(readFileSync(join(outdir, "stacks", "mine", "cdk.tf.json"), "utf8"));
}

describe("The us-east-1 provider of EDGE certificates", () => {
  test("is added once beside a stack in another region; REGIONAL certificates stay in the stack's region", () => {
    const stack = synth((s) => {
      new AwsProvider(s, "aws", { region: "eu-central-1" });
      new ApiGatewayModule(s, "gateway", managedConfig());
    });
    expect(stack.provider.aws).toEqual([{ region: "eu-central-1" }, { alias: "us_east_1", region: "us-east-1" }]);
    expect(stack.resource.aws_acm_certificate.gateway__edge__legacy_example_com.provider).toBe("aws.us_east_1");
    expect(stack.resource.aws_acm_certificate.gateway__regional__web_example_com.provider).toBeUndefined();
  });

  test("is shared by two modules, and a provider of the user's with that alias is reused", () => {
    const two = synth((s) => {
      new AwsProvider(s, "aws", { region: "eu-central-1" });
      new ApiGatewayModule(s, "public", managedConfig(), { outputPrefix: "public_" });
      new ApiGatewayModule(s, "partner", managedConfig((c) => (c.rest_api_custom_domains.legacy.domain_name = "partner.example.com")), { outputPrefix: "partner_" });
    });
    expect(two.provider.aws.filter((p: any) => p.alias === "us_east_1")).toHaveLength(1);

    const own = synth((s) => {
      new AwsProvider(s, "aws", { region: "eu-central-1" });
      new AwsProvider(s, "virginia", { alias: "us_east_1", region: "us-east-1", profile: "edge" });
      new ApiGatewayModule(s, "gateway", managedConfig());
    });
    expect(own.provider.aws).toEqual([{ region: "eu-central-1" }, { alias: "us_east_1", profile: "edge", region: "us-east-1" }]);
  });

  test("is not added when no EDGE domain asks for a certificate", () => {
    const stack = synth((s) => {
      new AwsProvider(s, "aws", { region: "eu-central-1" });
      new ApiGatewayModule(s, "gateway", managedConfig((c) => delete c.rest_api_custom_domains));
    });
    expect(stack.provider.aws).toEqual([{ region: "eu-central-1" }]);
  });
});
