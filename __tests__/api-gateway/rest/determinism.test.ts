import { describe, expect, test } from "vitest";
import { example, synthConfig } from "../../support/synth.js";
import { reversedKeys } from "./support.js";

const EXAMPLES = ["rest-api-basic-fixed.tfvars.json", "rest-api-secure-fixed.tfvars.json", "custom-domains-fixed.tfvars.json", "multi-api-fixed.tfvars.json"];

describe("REST synth output", () => {
  test("is byte-identical across two synths of the same config", () => {
    for (const name of EXAMPLES) expect(synthConfig(example(name)).json, name).toBe(synthConfig(example(name)).json);
  });

  test("does not depend on the order keys are written in", () => {
    for (const name of EXAMPLES) expect(synthConfig(reversedKeys(example(name))).json, name).toBe(synthConfig(example(name)).json);
  });

  test("an OpenAPI body gives the same bytes as YAML text, JSON text, or an object with its keys in any order", () => {
    const object = {
      paths: { "/x": { get: { "x-amazon-apigateway-integration": { uri: "arn:aws:lambda:us-east-1:123456789012:function:x", type: "aws_proxy", httpMethod: "POST" } } } },
      info: { version: "1", title: "x" },
      openapi: "3.0.1",
    };
    const yaml = 'openapi: "3.0.1"\ninfo:\n  title: x\n  version: "1"\npaths:\n  /x:\n    get:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        httpMethod: POST\n        uri: arn:aws:lambda:us-east-1:123456789012:function:x\n';
    const synth = (spec: unknown) => synthConfig({ name_prefix: "spec", rest_apis: { x: { openapi_spec: spec, stages: { v1: {} } } } }).json;
    const reference = synth(object);
    expect(synth(yaml)).toBe(reference);
    expect(synth(JSON.stringify(object))).toBe(reference);
    expect(synth(reversedKeys(object))).toBe(reference);
  });

  test("adding a REST API neither renames nor changes another API's resources", () => {
    const config = example("rest-api-secure-fixed.tfvars.json");
    const before = synthConfig(config).stack.resource;
    const grown = structuredClone(config);
    grown.rest_apis = { aaa_first: structuredClone(config.rest_apis.enterprise), ...config.rest_apis };
    const after = synthConfig(grown).stack.resource;
    for (const [type, byName] of Object.entries<Record<string, unknown>>(before)) {
      for (const [name, body] of Object.entries(byName)) expect(after[type][name], `${type}.${name}`).toEqual(body);
    }
    expect(Object.keys(after.aws_api_gateway_rest_api).sort()).toEqual(["apigw__aaa_first", "apigw__enterprise"]);
  });

  test("holds no absolute path of this machine", () => {
    expect(synthConfig(example("rest-api-basic-fixed.tfvars.json")).json).not.toContain(process.cwd());
  });
});
