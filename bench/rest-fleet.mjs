import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FUNCTIONS = 10;
const fn = (i) => `arn:aws:lambda:us-east-1:123456789012:function:handler-${i % FUNCTIONS}`;

/**
 * One REST API with `count` methods: GET /rNN and GET /rNN/{id} on count/2 resources, Lambda proxy integrations
 * over 10 functions, CORS (a preflight method per resource), two stages with method settings and access logs.
 */
export function restMethodsConfig(count) {
  const methods = {};
  for (let i = 0; i < count; i++) {
    const resource = `r${String(Math.floor(i / 2)).padStart(3, "0")}`;
    methods[`m${String(i).padStart(3, "0")}`] =
      i % 2 === 0
        ? { path: `/${resource}`, http_method: "GET", integration: { type: "AWS_PROXY", uri: fn(i) } }
        : { path: `/${resource}/{id}`, http_method: "GET", request_parameters: { "method.request.path.id": true }, integration: { type: "AWS_PROXY", uri: fn(i), cache_key_parameters: ["method.request.path.id"] } };
  }
  return {
    name_prefix: "bench",
    rest_apis: {
      api: {
        cors_configuration: { allow_origins: ["https://app.example.com"] },
        methods,
        stages: {
          dev: { throttle_settings: { throttling_rate_limit: 100, throttling_burst_limit: 200, logging_level: "INFO" } },
          prod: { cache_cluster_enabled: true, cache_cluster_size: "1.6", throttle_settings: { throttling_rate_limit: 1000, throttling_burst_limit: 2000, caching_enabled: true } },
        },
      },
    },
  };
}

/** The HCL module's Basic REST API example with methods and CORS (examples/rest-api-basic-fixed.tfvars.json), repeated `count` times. */
export function restFleetConfig(count) {
  const example = JSON.parse(readFileSync(fileURLToPath(new URL("../examples/rest-api-basic-fixed.tfvars.json", import.meta.url)), "utf8"));
  const api = example.rest_apis.main;
  const rest_apis = {};
  for (let i = 0; i < count; i++) rest_apis[`api_${String(i).padStart(4, "0")}`] = api;
  return { ...example, rest_apis };
}
