import { describe, expect, test } from "vitest";
import { extendBase, mergeConfig } from "../../stacks/extend-base.js";

describe("mergeConfig (a tenant's base and one environment's overrides)", () => {
  test("maps merge by key, recursively; keys the override leaves out keep the base's value", () => {
    const base = { a: 1, tags: { Team: "x", Cost: "y" }, api: { cors: { max_age: 600, allow_methods: ["GET"] } } };
    expect(mergeConfig(base, { tags: { Env: "dev" }, api: { cors: { max_age: 60 } } })).toEqual({
      a: 1,
      tags: { Team: "x", Cost: "y", Env: "dev" },
      api: { cors: { max_age: 60, allow_methods: ["GET"] } },
    });
  });

  test("arrays replace the base's array whole", () => {
    expect(mergeConfig({ origins: ["https://a.example", "https://b.example"] }, { origins: ["https://c.example"] })).toEqual({ origins: ["https://c.example"] });
    expect(mergeConfig({ origins: ["x"] }, { origins: [] })).toEqual({ origins: [] });
  });

  test("null removes the key, at any depth, whatever the base held", () => {
    const base = { backend: { s3: { bucket: "b" } }, tags: { Team: "x", Cost: "y" }, name: "n" };
    expect(mergeConfig(base, { backend: null, tags: { Cost: null }, name: null })).toEqual({ tags: { Team: "x" } });
    expect(mergeConfig({}, { tags: { Cost: null, Team: "x" } })).toEqual({ tags: { Team: "x" } });
  });

  test("scalars replace, and a scalar may replace a map (and the other way round)", () => {
    expect(mergeConfig({ a: { b: 1 }, c: "x" }, { a: 2, c: { d: 1 } })).toEqual({ a: 2, c: { d: 1 } });
  });

  test("neither input is changed and the result shares no objects with them", () => {
    const base = { tags: { Team: "x" }, list: [{ k: 1 }] };
    const override = { tags: { Env: "dev" } };
    const merged = mergeConfig(base, override) as typeof base;
    merged.tags.Team = "changed";
    merged.list[0]!.k = 2;
    expect(base).toEqual({ tags: { Team: "x" }, list: [{ k: 1 }] });
    expect(override).toEqual({ tags: { Env: "dev" } });
  });

  test("the base's key order comes first, so an override never reorders the output", () => {
    expect(Object.keys(extendBase({ tenant: "t", region: "eu-west-1", log_retention_days: 7 }, { environment: "dev", tenant: "u" }))).toEqual([
      "tenant",
      "region",
      "log_retention_days",
      "environment",
    ]);
  });
});
