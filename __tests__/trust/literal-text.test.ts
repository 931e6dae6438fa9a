import { describe, expect, test } from "vitest";
import { example, problemLines } from "../support/synth.js";
import { literalString, literalValue } from "../../modules/common/literal-text.js";
import { TERRAFORM_NULL, terraformExpressionString } from "../../modules/common/terraform-expression.js";

describe("literalString", () => {
  test.each([
    ["plain", "plain"],
    ["${var.x}", "$${var.x}"],
    ["%{ if x }y%{ endif }", "%%{ if x }y%%{ endif }"],
    ["$${already}", "$$${already}"],
    ["%%{kept}", "%%%{kept}"],
    ["$ {not a template} % {nor this}", "$ {not a template} % {nor this}"],
    ["{}${}%{}", "{}$${}%%{}"],
  ])("%s is written as %s", (text, written) => {
    expect(literalString(text)).toBe(written);
  });

  test("cdktf tokens in the text stay live, the text around them does not", () => {
    const token = terraformExpressionString("aws_lambda_function.x.arn");
    expect(token).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
    expect(literalString(`\${a}${token}/*%{b}`)).toBe(`$\${a}${token}/*%%{b}`);
  });
});

describe("literalValue", () => {
  test("escapes strings and keys at every depth, keeps numbers, booleans, nulls and resolvables", () => {
    const value = { "${k}": ["%{x}", 1, true, null, { inner: "${y}" }], ref: TERRAFORM_NULL };
    expect(literalValue(value)).toEqual({ "$${k}": ["%%{x}", 1, true, null, { inner: "$${y}" }], ref: TERRAFORM_NULL });
  });
});

describe("a config file cannot forge a reference", () => {
  test("text that looks like a cdktf token is a problem at its path, in any string", () => {
    const config = example("multi-api-http.tfvars.json");
    const api = Object.keys(config.http_apis)[0]!;
    config.http_apis[api].description = "see ${TfToken[TOKEN.1]}";
    config.common_tags = { Owner: "${TfToken[TOKEN.2]}" };
    expect(problemLines(config)).toEqual([
      `http_apis.${api}.description: holds "\${TfToken[", how cdktf marks a reference in memory, which a config file cannot carry; write the value itself; to pass references from your own constructs, use new ApiGatewayModule(...) in your stack`,
      `common_tags.Owner: holds "\${TfToken[", how cdktf marks a reference in memory, which a config file cannot carry; write the value itself; to pass references from your own constructs, use new ApiGatewayModule(...) in your stack`,
    ]);
  });
});
