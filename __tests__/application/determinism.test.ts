import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, expect, test } from "vitest";
import type { HandlerArtifact } from "../../bin/build-handlers.mjs";
import { builtHandlers, synthConfig } from "../support/synth.js";
import { httpEnvironment, restEnvironment } from "./fixtures.js";

function filesOf(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path);
    }
  };
  walk(dir);
  return out;
}

let artifacts: Record<string, HandlerArtifact>;
beforeAll(async () => {
  artifacts = await builtHandlers();
});

test("same config, byte-identical stack folder: JSON and asset zips", () => {
  const a = filesOf(synthConfig(httpEnvironment(), "t", artifacts).dir);
  const b = filesOf(synthConfig(httpEnvironment(), "t", artifacts).dir);
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  expect(Object.keys(a).filter((f) => f.endsWith(".zip"))).toHaveLength(4);
  for (const file of Object.keys(a)) expect(a[file]!.equals(b[file]!), file).toBe(true);
});

test("the order of keys in the application section does not change the output", () => {
  const forward = httpEnvironment({ handlers: ["health", "catalog", "orders"], rate_limits: { tenant_tiers: { a: "premium", b: "standard" } } });
  const reversed = httpEnvironment({ rate_limits: { tenant_tiers: { b: "standard", a: "premium" } }, handlers: ["orders", "catalog", "health"] });
  expect(synthConfig(reversed, "t", artifacts).json).toBe(synthConfig(forward, "t", artifacts).json);
});

test("a REST API with the application: the deployment trigger does not depend on how many tokens the process made", () => {
  const first = synthConfig(restEnvironment(), "t", artifacts).json;
  const second = synthConfig(restEnvironment(), "t", artifacts).json;
  expect(second).toBe(first);
});
