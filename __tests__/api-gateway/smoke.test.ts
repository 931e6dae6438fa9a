import { describe, expect, test } from "vitest";
import { example, synthConfig } from "../support/synth.js";
import { validateAndPlan } from "../support/terraform.js";

describe("smoke", () => {
  test("the fixed auth example plans", () => {
    const { dir } = synthConfig(example("http-api-auth-fixed.tfvars.json"));
    const plan = validateAndPlan(dir);
    expect(plan.ofType("aws_apigatewayv2_route")).toHaveLength(3);
  });
});
