#!/usr/bin/env node
// Writes the JSON Schema of the config types (the single source of truth is modules/api-gateway/config/*.ts),
// used by the loader's structural validation and by editors for `.json` configs.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createGenerator } from "ts-json-schema-generator";

export const SCHEMA_PATH = fileURLToPath(new URL("../schema/module-config.schema.json", import.meta.url));

export function generateSchema() {
  const generator = createGenerator({
    path: fileURLToPath(new URL("../modules/api-gateway/config/index.ts", import.meta.url)),
    tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)),
    type: "ApiGatewayModuleConfig",
    // Inlined (no $ref) so that a union's errors carry the branch in their schema path.
    expose: "none",
    topRef: false,
    additionalProperties: false,
    skipTypeCheck: true,
    sortProps: true,
  });
  const schema = moveProseDefaults(generator.createSchema("ApiGatewayModuleConfig"));
  schema.$id = "https://cdktf-apigateway.dev/schema/module-config.schema.json";
  schema.title = "API Gateway module config (terraform.tfvars.json shape)";
  return `${JSON.stringify(schema, null, 2)}\n`;
}

// `@default - prose` documents a computed default: keep it in the description, not as a JSON default value.
function moveProseDefaults(node) {
  if (Array.isArray(node)) return node.map(moveProseDefaults);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === "properties" ? mapValues(value) : moveProseDefaults(value);
  if (typeof out.default === "string" && out.default.startsWith("- ")) {
    out.description = `${out.description ?? ""} Default: ${out.default.slice(2)}.`.trim();
    delete out.default;
  }
  return out;
}

function mapValues(properties) {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, moveProseDefaults(v)]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_PATH, generateSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
