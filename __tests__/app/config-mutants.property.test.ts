import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { HandlerArtifact } from "../../bin/build-handlers.mjs";
import { ENVIRONMENT_SCHEMA_PATH } from "../../bin/generate-schema.mjs";
import { formatProblem } from "../../modules/api-gateway/validation/problems.js";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";
import { baseConfigs, editorAccepts, editorValidators, mutants, type BaseConfig, type Mutant } from "../support/config-mutants.js";
import { builtHandlers, synthConfig } from "../support/synth.js";
import { TerraformValidator } from "../support/terraform-validate.js";

const RUNS = 1500;
const VALIDATED = 6;

/** Top-level names a problem's path may start with: the config's own keys, every key the schemas know, `config`. */
const KNOWN_ROOTS = new Set(["config", ...Object.keys(JSON.parse(readFileSync(ENVIRONMENT_SCHEMA_PATH, "utf8")).properties)]);

/** A problem line starts with the config path of the offending value, and is one line. */
function pathPrefixed(line: string, path: string, config: Record<string, unknown>): boolean {
  const prefix = formatProblem({ path, message: "" });
  const startsWithKey = (key: string) => path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`);
  return !/[\n\r\u2028\u2029]/.test(line) && line.startsWith(prefix) && (Object.keys(config).some(startsWithKey) || [...KNOWN_ROOTS].some(startsWithKey));
}

/**
 * Thousands of configs made by mutating the shipped examples and configs (fixed seed). Every refused one is told
 * only path-prefixed lines; every accepted one synthesizes byte-identically twice; a sample of the accepted ones
 * passes `terraform validate` against the real provider schema.
 */
describe("mutants of the shipped configs", () => {
  let bases: BaseConfig[];
  let handlers: Record<string, HandlerArtifact>;
  const editors = editorValidators();
  const terraform = new TerraformValidator();
  const outcome = { generated: 0, accepted: 0, refusedBySchema: 0, refusedByCrossReferenceRules: 0, validatePassed: 0 };
  const toValidate: Mutant[] = [];

  beforeAll(async () => {
    bases = await baseConfigs();
    handlers = await builtHandlers();
  }, 120_000);
  afterAll(() => {
    terraform.dispose();
    console.log(`config mutants: ${JSON.stringify(outcome)}`);
  });

  test("refused: only path-prefixed lines; accepted: byte-identical synth twice", () => {
    fc.assert(
      fc.property(mutants(bases), (m) => {
        outcome.generated++;
        const result = checkStackConfig({ file: "mutant.json", value: m.value });
        if (result.problems.length > 0) {
          outcome[editorAccepts(editors, m.value) ? "refusedByCrossReferenceRules" : "refusedBySchema"]++;
          const lines = result.problems.map((p) => ({ path: p.path, line: formatProblem(p) }));
          expect({ changes: m.changes, bad: lines.filter((l) => !pathPrefixed(l.line, l.path, m.value)).map((l) => l.line) }).toEqual({ changes: m.changes, bad: [] });
          return;
        }
        outcome.accepted++;
        const first = synthConfig(m.value, "mutant", handlers).json;
        const second = synthConfig(structuredClone(m.value), "mutant", handlers).json;
        expect(second === first, `${m.base}: ${m.changes.join("; ")}`).toBe(true);
        if (toValidate.length < VALIDATED && !toValidate.some((v) => v.base === m.base)) toValidate.push(m);
      }),
      { seed: 20261203, numRuns: RUNS },
    );
    expect(outcome.generated).toBe(RUNS);
    // Both outcomes are exercised, or the property says little.
    expect(outcome.accepted).toBeGreaterThan(RUNS / 10);
    expect(outcome.refusedBySchema).toBeGreaterThan(RUNS / 10);
  }, 240_000);

  test("a sample of the accepted mutants passes terraform validate", () => {
    expect(toValidate.length).toBe(VALIDATED);
    const result = terraform.validateAll(toValidate.map((m) => synthConfig(m.value, "mutant", handlers).dir));
    // Warnings come from the child-module arrangement (provider blocks in modules), not from the stacks.
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    const failed = new Set(errors.map((d) => d.range?.filename.split("/")[0]));
    toValidate.forEach((_, i) => {
      if (!failed.has(`m${i}`)) outcome.validatePassed++;
    });
    const described = errors.map((d) => {
      const m = toValidate[Number(d.range?.filename.match(/^m(\d+)\//)?.[1])];
      return `${m ? `${m.base} (${m.changes.join("; ")})` : "?"}: ${d.severity}: ${d.summary} ${d.detail ?? ""}`;
    });
    expect(described).toEqual([]);
    expect(result.valid).toBe(true);
  }, 240_000);
});
