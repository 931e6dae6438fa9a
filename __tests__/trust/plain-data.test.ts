import { describe, expect, test } from "vitest";
import { formatProblem } from "../../modules/api-gateway/validation/problems.js";
import { toPlainData } from "../../modules/common/plain-data.js";

describe("toPlainData: a .ts config's default export as JSON data, checked at every path", () => {
  test("cycles, BigInt, functions, symbols, Infinity, NaN, undefined in lists, class instances, throwing getters", () => {
    const config: any = { name_prefix: "shop", http_apis: { a: { stages: { live: {} } } } };
    const api = config.http_apis.a;
    api.self = config;
    api.description = 10n;
    api.version = () => "1";
    api.name = Symbol("n");
    api.tags = { inf: Infinity, nan: NaN, date: new Date(0), map: new Map(), list: [1, undefined, 2] };
    Object.defineProperty(api, "routes", { enumerable: true, get: () => { throw new Error("boom\nsecond line"); } });
    const { value, problems } = toPlainData(config);
    expect(problems.map(formatProblem)).toEqual([
      "http_apis.a.self: refers back to the config itself (a cycle), which JSON cannot carry; give a copy of the value, not a reference to an enclosing one",
      "http_apis.a.description: is the BigInt 10n, which JSON cannot carry; use a string, number, boolean, list or object",
      "http_apis.a.version: is a function, which JSON cannot carry; use a string, number, boolean, list or object",
      "http_apis.a.name: is a symbol (n), which JSON cannot carry; use a string, number, boolean, list or object",
      "http_apis.a.tags.inf: Infinity cannot be written as JSON; use a finite number",
      "http_apis.a.tags.nan: NaN cannot be written as JSON; use a finite number",
      "http_apis.a.tags.date: is a Date object, not plain data; use a plain object, list, string, number or boolean (a date as an ISO string)",
      "http_apis.a.tags.map: is a Map object, not plain data; use a plain object, list, string, number or boolean (a date as an ISO string)",
      "http_apis.a.tags.list.1: is undefined (or a hole), which a JSON list cannot carry; remove the entry or give a value",
      'http_apis.a.routes: its getter threw: "boom"; export plain data, not a getter',
    ]);
    // Left out, not turned into null.
    expect(JSON.stringify(value)).not.toContain("null");
  });

  test("a shared (not cyclic) object and a CDKTF token string are plain data", () => {
    const stages = { live: {} };
    const { value, problems } = toPlainData({ name_prefix: "shop", http_apis: { a: { stages, description: "${TfToken[TOKEN.12]}" }, b: { stages } } });
    expect(problems).toEqual([]);
    expect(value).toEqual({ name_prefix: "shop", http_apis: { a: { stages: { live: {} }, description: "${TfToken[TOKEN.12]}" }, b: { stages: { live: {} } } } });
  });

});
