import { describe, expect, test } from "vitest";
import { example, synthConfig } from "../../support/synth.js";

/** The same config with every map's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
}

describe("synth output", () => {
  test("is byte-identical across two synths of the same config", () => {
    const config = example("http-api-auth-fixed.tfvars.json");
    expect(synthConfig(config).json).toBe(synthConfig(config).json);
  });

  test("does not depend on the order keys are written in", () => {
    const config = example("http-api-auth-fixed.tfvars.json");
    expect(synthConfig(reversedKeys(config)).json).toBe(synthConfig(config).json);
  });

  test("holds no absolute path of this machine", () => {
    expect(synthConfig(example("multi-api-http.tfvars.json")).json).not.toContain(process.cwd());
  });

  test("adding an API neither renames nor changes another API's resources", () => {
    const config = example("http-api-auth-fixed.tfvars.json");
    const before = synthConfig(config).stack.resource;
    const grown = structuredClone(config);
    grown.http_apis = { aaa_first: structuredClone(config.http_apis.api_v2), ...config.http_apis };
    const after = synthConfig(grown).stack.resource;
    for (const [type, byName] of Object.entries<Record<string, unknown>>(before)) {
      for (const [name, body] of Object.entries(byName)) expect(after[type][name], `${type}.${name}`).toEqual(body);
    }
    expect(Object.keys(after.aws_apigatewayv2_api).sort()).toEqual(["apigw__aaa_first", "apigw__api_v2"]);
  });
});
