import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";
import { baseConfigs, editorAccepts, editorValidators, mutants, typeRangeMutation, type BaseConfig } from "../support/config-mutants.js";

/**
 * The editor schemas in schema/ (as an editor checks a JSON file, with Ajv) and the loader judge a config the same
 * way for types and ranges: both are generated from the config types.
 */
describe("editor schema and loader agree", () => {
  let bases: BaseConfig[];
  const editors = editorValidators();
  beforeAll(async () => {
    bases = await baseConfigs();
  }, 60_000);

  test("the shipped bases are accepted by both", () => {
    // Every shipped config and every example the loader accepts (the -fixed ones, not the HCL module's broken examples).
    const names = bases.map((b) => b.name);
    for (const shipped of ["config/acme/dev.ts", "config/acme/prod.ts", "config/globex/prod.json", "config/initech/prod.ts", "config/northwind/prod.ts"]) expect(names).toContain(shipped);
    expect(names.filter((n) => n.endsWith("-fixed.tfvars.json"))).toHaveLength(6);
    for (const base of bases) expect([base.name, editorAccepts(editors, base.value)]).toEqual([base.name, true]);
  });

  test("a config changed in types and ranges only is accepted by both or refused by both", () => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(mutants(bases, typeRangeMutation), (m) => {
        const editor = editorAccepts(editors, m.value);
        const loader = checkStackConfig({ file: "mutant.json", value: m.value }).problems;
        seen[editor ? "accepted" : "refused"]++;
        expect({ changes: m.changes, loaderAccepts: loader.length === 0 }, loader.map((p) => `${p.path}: ${p.message}`).join("\n")).toEqual({ changes: m.changes, loaderAccepts: editor });
      }),
      { seed: 20261201, numRuns: 1500 },
    );
    // Both outcomes are exercised, or the property says little.
    expect(seen.accepted).toBeGreaterThan(150);
    expect(seen.refused).toBeGreaterThan(150);
  }, 120_000);

  test("whatever the editor schema refuses, the loader refuses too (mutations of every kind)", () => {
    fc.assert(
      fc.property(mutants(bases), (m) => {
        if (editorAccepts(editors, m.value)) return;
        expect({ changes: m.changes, refused: checkStackConfig({ file: "mutant.json", value: m.value }).problems.length > 0 }).toEqual({ changes: m.changes, refused: true });
      }),
      { seed: 20261202, numRuns: 1500 },
    );
  }, 120_000);
});
