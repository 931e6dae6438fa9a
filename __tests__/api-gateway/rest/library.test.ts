import { App, TerraformStack } from "cdktf";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ApiGatewayModule, ConfigValidationError } from "../../../index.js";
import { restConfig } from "./support.js";

describe("the module in a user's own stack, with REST APIs", () => {
  test("addresses start with the construct id; outputs carry the prefix; the REST constructs are reachable", () => {
    const outdir = mkdtempSync(join(tmpdir(), "apigw-lib-"));
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, "mine");
    const gateway = new ApiGatewayModule(stack, "gw", restConfig(), { outputPrefix: "gw_" });
    app.synth();
    const json = JSON.parse(readFileSync(join(outdir, "stacks", "mine", "cdk.tf.json"), "utf8"));
    expect(Object.keys(json.resource.aws_api_gateway_rest_api)).toEqual(["gw__orders"]);
    expect(Object.keys(json.output)).toEqual(expect.arrayContaining(["gw_rest_apis", "gw_rest_api_stage_invoke_urls", "gw_security_summary"]));
    expect([...gateway.restApis.keys()]).toEqual(["orders"]);
    expect([...gateway.restApis.get("orders")!.stages.keys()]).toEqual(["prod"]);
  });

  test("throws a ConfigValidationError listing every problem", () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), "apigw-lib-")), skipValidation: true });
    const stack = new TerraformStack(app, "mine");
    const bad = restConfig((c) => {
      delete c.rest_apis.orders.methods;
      c.rest_api_custom_domains.main.api_name = "nope";
    });
    try {
      new ApiGatewayModule(stack, "gw", bad);
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigValidationError).problems.map((p) => p.path)).toEqual(["rest_apis.orders", "rest_api_custom_domains.main.api_name"]);
    }
  });
});
