import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { App, TerraformStack } from "cdktf";
import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ApiGatewayModule } from "../../../index.js";
import { managedConfig } from "./support.js";

/** A second copy of the provider bindings' AwsProvider class, as a project with its own install would load. */
function anotherCopyOfAwsProvider(): typeof AwsProvider {
  const require = createRequire(import.meta.url);
  const path = require.resolve("@cdktf/provider-aws/lib/provider/index.js");
  const cached = require.cache[path];
  delete require.cache[path];
  try {
    return (require(path) as { AwsProvider: typeof AwsProvider }).AwsProvider;
  } finally {
    if (cached) require.cache[path] = cached;
  }
}

describe("The us-east-1 provider lookup", () => {
  test("reuses a us_east_1 provider made from another copy of the provider bindings", () => {
    const OtherAwsProvider = anotherCopyOfAwsProvider();
    expect(OtherAwsProvider).not.toBe(AwsProvider);
    const outdir = mkdtempSync(join(tmpdir(), "apigw-copies-"));
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, "mine");
    new OtherAwsProvider(stack, "aws", { region: "eu-central-1" });
    const own = new OtherAwsProvider(stack, "virginia", { alias: "us_east_1", region: "us-east-1", profile: "edge" });
    expect(own instanceof AwsProvider).toBe(false);
    new ApiGatewayModule(stack, "gateway", managedConfig());
    app.synth();
    const json = JSON.parse(readFileSync(join(outdir, "stacks", "mine", "cdk.tf.json"), "utf8"));
    expect(json.provider.aws).toEqual([{ region: "eu-central-1" }, { alias: "us_east_1", profile: "edge", region: "us-east-1" }]);
    expect(json.resource.aws_acm_certificate.gateway__edge__legacy_example_com.provider).toBe("aws.us_east_1");
  });
});
