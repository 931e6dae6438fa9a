import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, test } from "vitest";
import { REPO_ROOT } from "../support/synth.js";
import {
  APPLICATION_VALIDATOR_PATH,
  ENVIRONMENT_SCHEMA_PATH,
  generateApplicationSchema,
  generateEnvironmentSchema,
  generateSchema,
  generateStackTargetSchema,
  generateValidator,
  SCHEMA_PATH,
  STACK_TARGET_VALIDATOR_PATH,
  VALIDATOR_PATH,
} from "../../bin/generate-schema.mjs";

describe("schema/", () => {
  test("the JSON Schema and the precompiled validator are current with the config types (run `npm run schema`)", () => {
    expect(readFileSync(SCHEMA_PATH, "utf8")).toBe(generateSchema());
    expect(readFileSync(ENVIRONMENT_SCHEMA_PATH, "utf8")).toBe(generateEnvironmentSchema());
    expect(readFileSync(VALIDATOR_PATH, "utf8")).toBe(generateValidator(generateSchema(), "module-config.schema.json"));
    expect(readFileSync(STACK_TARGET_VALIDATOR_PATH, "utf8")).toBe(generateValidator(generateStackTargetSchema(), "the StackTarget type (stacks/environment-config.ts)"));
    expect(readFileSync(APPLICATION_VALIDATOR_PATH, "utf8")).toBe(generateValidator(generateApplicationSchema(), "the ApplicationConfig type (modules/application/config.ts)"));
  });

  test("every config field is documented for editors", () => {
    const undocumented: string[] = [];
    const walk = (node: any, path: string) => {
      if (node === null || typeof node !== "object") return;
      for (const [key, child] of Object.entries<any>(node.properties ?? {})) {
        if (!child.description) undocumented.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      if (typeof node.additionalProperties === "object") walk(node.additionalProperties, `${path}.<key>`);
      for (const branch of node.anyOf ?? []) walk(branch, path);
      if (node.items) walk(node.items, `${path}[]`);
    };
    walk(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")), "config");
    walk(JSON.parse(readFileSync(ENVIRONMENT_SCHEMA_PATH, "utf8")), "environment");
    expect(undocumented).toEqual([]);
  });

  test("editors see the shipped JSON environment config as valid, and a misspelt key as not", () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(ENVIRONMENT_SCHEMA_PATH, "utf8")));
    const globex = JSON.parse(readFileSync(join(REPO_ROOT, "config", "globex", "prod.json"), "utf8"));
    expect(globex.$schema).toBe("../../schema/environment-config.schema.json");
    expect(validate(globex), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...globex, regoin: "us-east-1" })).toBe(false);
    expect(validate({ ...globex, application: { http_api: "x", handlers: ["helth"] } })).toBe(false);
  });
});
