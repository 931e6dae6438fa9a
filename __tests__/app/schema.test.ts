import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { generateSchema, generateValidator, SCHEMA_PATH, VALIDATOR_PATH } from "../../bin/generate-schema.mjs";

describe("schema/", () => {
  test("the JSON Schema and the precompiled validator are current with the config types (run `npm run schema`)", () => {
    const schema = generateSchema();
    expect(readFileSync(SCHEMA_PATH, "utf8")).toBe(schema);
    expect(readFileSync(VALIDATOR_PATH, "utf8")).toBe(generateValidator(schema));
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
    expect(undocumented).toEqual([]);
  });
});
