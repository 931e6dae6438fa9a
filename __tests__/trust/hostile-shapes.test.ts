import { writeFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { example, problemLines, writeTempConfig } from "../support/synth.js";
import { expectRefused } from "./support.js";

const stage = { stages: { live: {} } };

describe("values of the wrong shape give path-prefixed lines, exit 1, no stack trace", () => {
  test("a list where a map belongs, a map where a list belongs, strings and numbers for objects", () => {
    const config = example("multi-api-http.tfvars.json");
    config.http_apis.mobile_api.routes = [{ route_key: "GET /" }];
    config.http_apis.mobile_api.cors_configuration = { allow_origins: { a: "*" } };
    config.http_apis.iot_api = "an api";
    config.http_api_custom_domains = 42;
    config.common_tags = ["a"];
    const lines = expectRefused(writeTempConfig("shapes.tfvars.json", config), ["http_apis.", "http_api_custom_domains", "common_tags"]);
    expect(lines).toEqual(
      expect.arrayContaining([
        "http_apis.mobile_api.routes: must be an object, got a list; write it as an object",
        "http_apis.iot_api: must be an object, got string \"an api\"; write it as an object",
        "http_api_custom_domains: must be an object, got number 42; write it as an object",
        "common_tags: must be an object, got a list; write it as an object",
      ]),
    );
  });

  test("nesting 100,000 levels deep (lists and objects)", () => {
    const lists = `{"name_prefix":"shop","http_apis":{"a":{"routes":${"[".repeat(100_000)}1${"]".repeat(100_000)}}}}`;
    const objects = `{"name_prefix":"shop","http_apis":{"a":{"tags":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}}}`;
    for (const [name, text] of [["lists.json", lists], ["objects.json", objects]] as const) {
      const lines = expectRefused(writeTempConfig(name, text), ["http_apis.a."]);
      expect(lines.some((l) => / is nested more than 64 levels deep; /.test(l)), name).toBe(true);
    }
  });

  test("a 40 MB file is refused before it is parsed", () => {
    const file = writeTempConfig("huge.tfvars.json", "");
    const routes: Record<string, unknown> = {};
    for (let i = 0; i < 600_000; i++) routes[`route_${i}`] = { route_key: `GET /r${i}`, target: "integrations/none" };
    writeFileSync(file, JSON.stringify({ name_prefix: "shop", http_apis: { a: { ...stage, routes } } }));
    const lines = expectRefused(file, ["config: "]);
    expect(lines).toEqual([expect.stringMatching(/^config: cannot be read: the file has 4\d\.\d MB, more than the 8 MB a config may have; split it/)]);
  });

  test("a file that is not JSON at all", () => {
    expectRefused(writeTempConfig("broken.tfvars.json", '{"name_prefix": "shop",'), ["config: cannot be read: "]);
  });
});

describe("structural and cross-reference problems in one run", () => {
  test("a typo in one route's key does not hide an undefined authorizer in another", () => {
    const config = example("http-api-auth-fixed.tfvars.json");
    const api = Object.values(config.http_apis)[0] as any;
    const [first, second] = Object.keys(api.routes);
    api.routes[first!].authorizaton_type = "JWT";
    api.routes[second!].authorizer_id = "cognito";
    const lines = problemLines(config);
    expect(lines.some((l) => l.includes(`.routes.${first}.authorizaton_type: unknown key`))).toBe(true);
    expect(lines.some((l) => l.includes(`.routes.${second}.authorizer_id: "cognito" is not defined`))).toBe(true);
  });

  test("a wrong value in one REST method does not hide an undefined authorizer in another", () => {
    const config = example("rest-api-secure-fixed.tfvars.json");
    const [apiKey, api] = Object.entries(config.rest_apis)[0] as [string, any];
    const [first, second] = Object.keys(api.methods);
    api.methods[first!].http_method = "GTE";
    api.methods[second!].authorization = "CUSTOM";
    api.methods[second!].authorizer_id = "nope";
    const lines = problemLines(config);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^rest_apis\\.${apiKey}\\.methods\\.${first}\\.http_method: "GTE" is not allowed`)),
        expect.stringMatching(new RegExp(`^rest_apis\\.${apiKey}\\.methods\\.${second}\\.authorizer_id: "nope" is not defined`)),
      ]),
    );
  });

  test("a broken name_prefix does not hide an undefined integration", () => {
    const lines = problemLines({ name_prefix: 7, http_apis: { a: { ...stage, routes: { r: { route_key: "GET /", target: "integrations/none" } } } } });
    expect(lines).toEqual([expect.stringMatching(/^name_prefix: must be a string/), expect.stringMatching(/^http_apis\.a\.routes\.r\.target: integration "none" is not defined/)]);
  });
});
