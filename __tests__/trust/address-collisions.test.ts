import { App, TerraformStack } from "cdktf";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ApiGatewayModule } from "../../modules/api-gateway/api-gateway-module.js";
import { loadModuleConfig } from "../../modules/api-gateway/validation/load-module-config.js";
import { ConfigValidationError, formatProblem } from "../../modules/api-gateway/validation/problems.js";
import { runApp, writeTempConfig } from "../support/synth.js";
import { getAt, keyedEntries, validExamples } from "./keyed-entries.js";

/** The problem lines of a module config, or ["ok"] when it loads and its constructs build. */
function outcome(config: unknown): string[] {
  try {
    const app = new App({ skipValidation: true });
    new ApiGatewayModule(new TerraformStack(app, "s"), "apigw", config as never);
    return ["ok"];
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems.map(formatProblem);
    throw error;
  }
}

const collisionLines = (lines: string[]) => lines.filter((l) => /one Terraform address|one construct id|makes aws_\S+, as/.test(l));
const stage = { stages: { live: {} } };
const route = (routeKey: string) => ({ route_key: routeKey });

describe("keys that map to one address are a config error naming both", () => {
  test("sibling keys that differ in punctuation (svc.a / svc_a)", () => {
    const lines = outcome({ name_prefix: "shop", http_apis: { "svc.a": stage, svc_a: stage } });
    expect(collisionLines(lines)).toEqual([
      'http_apis.svc_a: key "svc_a" and key "svc.a" at http_apis["svc.a"] would get one Terraform address (<module>__svc_a), so one resource would replace the other; rename one of them; keys that differ only in punctuation map to the same address',
    ]);
  });

  test("routes of one API (get.users / get_users)", () => {
    const lines = outcome({ name_prefix: "shop", http_apis: { api: { ...stage, routes: { "get.users": route("GET /a"), get_users: route("GET /b") } } } });
    expect(collisionLines(lines)).toHaveLength(1);
    expect(collisionLines(lines)[0]).toMatch(/^http_apis\.api\.routes\.get_users: keys "api" \/ "get_users" and keys "api" \/ "get\.users" at http_apis\.api\.routes\["get\.users"\] /);
  });

  test("across levels (x__y.routes.z / x.routes.y__z)", () => {
    const lines = outcome({ name_prefix: "shop", http_apis: { x__y: { ...stage, routes: { z: route("GET /a") } }, x: { ...stage, routes: { y__z: route("GET /b") } } } });
    expect(collisionLines(lines)).toEqual([expect.stringMatching(/^http_apis\.x__y\.routes\.z: keys "x__y" \/ "z" and keys "x" \/ "y__z" at http_apis\.x\.routes\.y__z would get one Terraform address \(<module>__x__y__z\)/)]);
  });

  test("keys with / do not crash the constructs: alone they build, beside their -- twin they are a problem", () => {
    expect(outcome({ name_prefix: "shop", http_apis: { api: { ...stage, routes: { "users/get": route("GET /users") } } } })).toEqual(["ok"]);
    const lines = outcome({ name_prefix: "shop", http_apis: { api: { ...stage, routes: { "a/b": route("GET /a"), "a--b": route("GET /b") } } } });
    expect(collisionLines(lines)).toEqual([expect.stringMatching(/^http_apis\.api\.routes\.a\/b: key "a\/b" and key "a--b" at http_apis\.api\.routes\.a--b would get one construct id/)]);
  });

  test("addresses made from values, not keys (REST resource paths across APIs), are caught on the constructs", () => {
    const method = (path: string) => ({ methods: { m: { path, http_method: "GET", integration: { type: "MOCK" } } }, ...stage });
    const lines = outcome({ name_prefix: "shop", rest_apis: { a: method("/users/{id}"), a__users: method("/{id}") } });
    expect(lines).toEqual([expect.stringMatching(/^rest_apis\.a__users: makes aws_api_gateway_resource\.apigw__a__users__id_param, as rest_apis\.a does/)]);
  });

  test("usage-plan keys made from a plan key and an api_keys entry", () => {
    const api = (plans: Record<string, string[]>, keys: string[]) => ({
      name_prefix: "shop",
      rest_apis: {
        api: {
          methods: { m: { path: "/a", http_method: "GET", integration: { type: "MOCK" } } },
          ...stage,
          api_keys: Object.fromEntries(keys.map((k) => [k, {}])),
          usage_plans: Object.fromEntries(Object.entries(plans).map(([plan, planKeys]) => [plan, { api_keys: planKeys, api_stages: [{ stage: "live" }] }])),
        },
      },
    });
    expect(outcome(api({ a__b: ["c"], a: ["b__c"] }, ["c", "b__c"]))).toEqual([
      expect.stringMatching(/^rest_apis\.api: makes aws_api_gateway_usage_plan_key\.apigw__api__a__b__c, as another entry of it does/),
    ]);
    expect(outcome(api({ "a-b": ["c"], a: ["b-c"] }, ["c", "b-c"]))).toEqual([
      "rest_apis.api: two of its entries would make one construct id (plan-key-a-b-c); rename one of the keys; keys that differ only in punctuation can make the same id",
    ]);
  });

  // Every keyed entry of every shipped example, found by walking the schema independently of the loader: a twin
  // with a punctuation variant, a cross-level twin and a "/" twin must each be refused, and the unchanged example
  // must build. The constructs are built too, so a collision the config check missed would show as an address
  // problem from the constructs instead (and fail the expectation on the message).
  test("every keyed entry of every shipped example, at every level", () => {
    let mutated = 0;
    for (const { name, config } of validExamples()) {
      if (outcome(config)[0] !== "ok") continue;
      for (const entry of keyedEntries(config)) {
        const key = entry.segments.at(-1)!;
        const parent = entry.segments.slice(0, -1);
        const sibling = structuredClone(config);
        getAt(sibling, parent)[`${key}.v`] = structuredClone(getAt(sibling, parent)[key]);
        getAt(sibling, parent)[`${key}_v`] = structuredClone(getAt(sibling, parent)[key]);
        const slash = structuredClone(config);
        getAt(slash, parent)[`${key}/s`] = structuredClone(getAt(slash, parent)[key]);
        getAt(slash, parent)[`${key}--s`] = structuredClone(getAt(slash, parent)[key]);
        const variants = [sibling, slash];
        if (entry.keys.length > 1) {
          // The entry's owner P gets a twin "P__v"; P's map gets "v__<key>": both make <module>__P__v__<key>.
          const ownerKey = entry.keys.at(-2)!;
          const ownerAt = entry.segments.lastIndexOf(ownerKey, entry.segments.length - 2);
          const cross = structuredClone(config);
          const ownerMap = getAt(cross, entry.segments.slice(0, ownerAt));
          ownerMap[`${ownerKey}__v`] = structuredClone(ownerMap[ownerKey]);
          getAt(cross, parent)[`v__${key}`] = structuredClone(getAt(cross, parent)[key]);
          variants.push(cross);
        }
        for (const variant of variants) {
          mutated++;
          const found = collisionLines(outcome(variant));
          expect(found.length, `${name}: ${entry.segments.join(".")}`).toBeGreaterThan(0);
          for (const line of found) expect(line, name).toMatch(/would get one (Terraform address|construct id)/);
        }
      }
    }
    expect(mutated).toBeGreaterThan(100);
  });
});

describe("the app and the library report collisions as config problems", () => {
  test("node bin/app.mjs: exit 1, one line naming both keys, the output folder untouched", () => {
    const file = writeTempConfig("clash.tfvars.json", { name_prefix: "shop", http_apis: { api: { ...stage, routes: { "get.users": route("GET /a"), get_users: route("GET /b") } } } });
    const outdir = join(mkdtempSync(join(tmpdir(), "apigw-out-")), "out");
    const run = runApp(file, outdir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^http_apis\.api\.routes\.get_users: keys "api" \/ "get_users" and keys "api" \/ "get\.users" at http_apis\.api\.routes\["get\.users"\]/)]);
    expect(existsSync(outdir)).toBe(false);
  });

  test("node bin/app.mjs: a collision only the constructs see is reported the same way, nothing written", () => {
    const method = (path: string) => ({ methods: { m: { path, http_method: "GET", integration: { type: "MOCK" } } }, ...stage });
    const file = writeTempConfig("paths.tfvars.json", { name_prefix: "shop", rest_apis: { a: method("/users/{id}"), a__users: method("/{id}") } });
    const outdir = join(mkdtempSync(join(tmpdir(), "apigw-out-")), "out");
    const run = runApp(file, outdir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^rest_apis\.a__users: makes aws_api_gateway_resource\.apigw__a__users__id_param, as rest_apis\.a does/)]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(outdir)).toBe(false);
  });

  test("loadModuleConfig throws ConfigValidationError for a library user", () => {
    expect(() => loadModuleConfig({ name_prefix: "shop", http_apis: { "svc.a": stage, svc_a: stage } })).toThrow(ConfigValidationError);
  });

  test("the distinct keys of a shipped example keep their readable addresses", () => {
    const run = runApp(join(process.cwd(), "examples", "multi-api-http.tfvars.json"), join(mkdtempSync(join(tmpdir(), "apigw-out-")), "out"));
    expect(run.status).toBe(0);
    expect(readFileSync(join(process.cwd(), "examples", "multi-api-http.tfvars.json"), "utf8")).toContain("mobile_api");
  });
});
