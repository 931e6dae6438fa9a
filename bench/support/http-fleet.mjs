import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The HCL module's "Advanced HTTP API" example (the corrected copy, which AWS accepts), repeated `count` times. */
export function httpFleetConfig(count) {
  const example = JSON.parse(readFileSync(fileURLToPath(new URL("../../examples/http-api-auth-fixed.tfvars.json", import.meta.url)), "utf8"));
  const api = example.http_apis.api_v2;
  const http_apis = {};
  for (let i = 0; i < count; i++) http_apis[`api_${String(i).padStart(4, "0")}`] = api;
  return { ...example, http_apis };
}
