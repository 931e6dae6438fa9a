// References the application writes into module inputs (its functions' invoke ARNs) are check-only token text until
// the construct code is loaded, so that checking alone never loads cdktf; this file loads no construct code first.
import { expect, test } from "vitest";
import { isToken } from "../../modules/api-gateway/common/lambda-arn.js";
import { invokeArnReference } from "../../modules/application/application-routes.js";

test("before the construct code is loaded: check-only token text, which the checks read as a reference and cdktf refuses by name", async () => {
  const checkOnly = invokeArnReference("orders");
  expect(checkOnly).toBe("${TfToken[CHECK_ONLY.aws_lambda_function.app__orders.invoke_arn]}");
  expect(isToken(checkOnly)).toBe(true);

  const { TerraformOutput, TerraformStack, Testing } = await import("cdktf");
  await import("../../modules/common/terraform-expression.js");
  const live = invokeArnReference("orders");
  expect(live).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);

  const synth = (value: string) => {
    const stack = new TerraformStack(Testing.app(), "s");
    new TerraformOutput(stack, "arn", { value });
    return JSON.stringify(stack.toTerraform());
  };
  expect(synth(live)).toContain("${aws_lambda_function.app__orders.invoke_arn}");
  expect(() => synth(checkOnly)).toThrow(/CHECK_ONLY/);
});
