import { describe, expect, test } from "vitest";
import { loadModuleConfig } from "../../modules/api-gateway/validation/load-module-config.js";
import { ConfigValidationError, formatProblem } from "../../modules/api-gateway/validation/problems.js";
import { problemLines, writeTempConfig } from "../support/synth.js";
import { expectRefused } from "./support.js";

const stage = { stages: { live: {} } };

function linesOf(jsonText: string): string[] {
  try {
    loadModuleConfig(JSON.parse(jsonText));
    return [];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    return error.problems.map(formatProblem);
  }
}

describe("keys that cannot be config keys are errors at their path", () => {
  test("an empty key", () => {
    expect(linesOf(JSON.stringify({ name_prefix: "shop", http_apis: { "": stage } }))).toEqual(['http_apis[""]: an empty key is not allowed; rename it to letters, digits, _ and -']);
  });

  test.each(["__proto__", "constructor", "prototype"])("%s, at any level, written in a JSON file", (key) => {
    const text = `{"name_prefix":"shop","http_apis":{"api":{"stages":{"live":{}},"routes":{"${key}":{"route_key":"GET /"}}}}}`;
    expect(linesOf(text)).toEqual([`http_apis.api.routes.${key}: "${key}" is reserved and cannot be a key; rename it to letters, digits, _ and -`]);
  });

  test("__proto__ cannot change the prototype of what the loader reads", () => {
    const lines = linesOf(`{"name_prefix":"shop","__proto__":{"http_apis":{"evil":{"stages":{"live":{}}}}}}`);
    expect(lines).toEqual(['__proto__: "__proto__" is reserved and cannot be a key; rename it to letters, digits, _ and -']);
  });

  test("a key with a newline or another control character stays on one line and cannot forge another problem", () => {
    const forged = "a\nhttp_apis.other.routes.x.authorizer_id: forged";
    const lines = problemLines({ name_prefix: "shop", http_apis: { api: { ...stage, routes: { [forged]: { route_key: "GET /" } }, tags: { "t\u0007": "v" } } } });
    expect(lines).toEqual([
      'http_apis.api.routes["a\\nhttp_apis.other.routes.x.authorizer_id: forged"]: key "a\\nhttp_apis.other.routes.x.authorizer_id: forged" holds control characters or line breaks; rename it to letters, digits, _ and -',
      'http_apis.api.tags["t\\u0007"]: key "t\\u0007" holds control characters or line breaks; rename it to letters, digits, _ and -',
    ]);
  });

  test("through the app: one line per bad key, each at its path, nothing written", () => {
    const text = `{"name_prefix":"shop","http_apis":{"api":{"stages":{"live":{}},"routes":{"":{"route_key":"GET /"},"constructor":{"route_key":"GET /b"},"x\\ny: forged":{"route_key":"GET /c"}}}}}`;
    const lines = expectRefused(writeTempConfig("keys.tfvars.json", text), ["http_apis.api.routes"]);
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.startsWith("y: forged"))).toBe(false);
  });

  test("a value with a line break is quoted in one line", () => {
    const lines = problemLines({ name_prefix: "shop", http_apis: { api: { ...stage, protocol_type: "HTTP\nrest_apis.x: forged" } } });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain("\n");
  });
});
