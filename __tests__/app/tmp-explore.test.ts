import fc from "fast-check";
import { test } from "vitest";
import { baseConfigs, editorAccepts, editorValidators, mutants } from "../support/config-mutants.js";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";

test("explore", async () => {
  const bases = await baseConfigs();
  console.log("bases", bases.map((b) => b.name));
  const editors = editorValidators();
  const samples = fc.sample(mutants(bases), { numRuns: 1500, seed: 42 });
  const stats = { accepted: 0, schema: 0, cross: 0, disagree: 0 };
  const t = performance.now();
  for (const m of samples) {
    const editor = editorAccepts(editors, m.value);
    const result = checkStackConfig({ file: "m.tfvars.json", value: m.value });
    if (result.problems.length === 0) {
      stats.accepted++;
      if (!editor) { stats.disagree++; if (stats.disagree < 15) console.log("LOADER ACCEPTS, EDITOR REFUSES", m.base, m.changes, JSON.stringify((("tenant" in m.value || "environment" in m.value) ? editors.environment.errors : editors.module.errors)?.filter((e: any) => e.keyword !== "anyOf" && !(e.keyword === "type" && e.params.type === "null")))?.slice(0, 900)); }
    } else if (!editor) stats.schema++;
    else { stats.cross++; if (stats.cross < 0) console.log("CROSS", m.base, m.changes, result.problems.map((p) => `${p.path}: ${p.message}`).slice(0, 3)); }
  }
  console.log(stats, (performance.now() - t) / samples.length, "ms each");
}, 300_000);
