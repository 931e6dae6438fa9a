import fc from "fast-check";
import { test } from "vitest";
import { baseConfigs, mutants } from "../support/config-mutants.js";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";
import { builtHandlers, synthConfig } from "../support/synth.js";

test("explore synth", async () => {
  const bases = await baseConfigs();
  const handlers = await builtHandlers();
  const samples = fc.sample(mutants(bases), { numRuns: 400, seed: 7 });
  const perBase = new Map<string, number[]>();
  let n = 0;
  const t0 = performance.now();
  for (const m of samples) {
    const result = checkStackConfig({ file: "m.tfvars.json", value: m.value });
    if (result.problems.length > 0) continue;
    const t = performance.now();
    const a = synthConfig(m.value, "m", handlers).json;
    const b = synthConfig(m.value, "m", handlers).json;
    if (a !== b) console.log("DIFF", m.base, m.changes);
    const list = perBase.get(m.base) ?? [];
    list.push((performance.now() - t) / 2);
    perBase.set(m.base, list);
    n++;
  }
  console.log(n, "accepted", (performance.now() - t0) / 1000, "s");
  for (const [b, l] of perBase) console.log(b, l.length, Math.round(l.reduce((x, y) => x + y, 0) / l.length), "ms");
}, 600_000);
