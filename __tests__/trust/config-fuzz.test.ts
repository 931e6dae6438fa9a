import { App, TerraformStack } from "cdktf";
import fc from "fast-check";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ApiGatewayModule } from "../../modules/api-gateway/api-gateway-module.js";
import { ConfigValidationError, formatProblem, keyPath } from "../../modules/api-gateway/validation/problems.js";
import { discoverConfigs } from "../../stacks/discover-configs.js";
import { checkStackConfig } from "../../stacks/load-stack-configs.js";
import { readConfigFiles } from "../../stacks/read-config-files.js";
import { REPO_ROOT } from "../support/synth.js";
import { keyedEntries, validExamples, getAt } from "./keyed-entries.js";

/** Every path of a value, written both ways a problem line may start with (dotted, and odd keys quoted). */
function pathsOf(value: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown, dotted: string, quoted: string, depth: number) => {
    if (dotted !== "") out.add(dotted).add(quoted);
    if (node === null || typeof node !== "object" || depth > 80) return;
    for (const key of Object.keys(node)) {
      walk((node as Record<string, unknown>)[key], dotted === "" ? key : `${dotted}.${key}`, keyPath(quoted, key), depth + 1);
    }
  };
  walk(value, "", "", 0);
  return out;
}

function startsWithPathOf(line: string, paths: ReadonlySet<string>): boolean {
  // The whole file, or a top-level setting that is missing (`name_prefix: is required`).
  if (/^config[:[]/.test(line) || /^[A-Za-z_$][\w$-]*: /.test(line)) return true;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if ((c === ":" || c === "." || c === "[") && paths.has(line.slice(0, i))) return true;
  }
  return false;
}

const hostileValues: fc.Arbitrary<unknown>[] = [
  fc.constant([]),
  fc.constant({}),
  fc.constant([{ a: 1 }, "x"]),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant("${var.secret}"),
  fc.constant({ route_key: 1, target: [], stages: "x" }),
  fc.integer({ min: 60, max: 200 }).map((depth) => JSON.parse(`${"[".repeat(depth)}1${"]".repeat(depth)}`)),
  fc.integer({ min: 60, max: 200 }).map((depth) => JSON.parse(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`)),
];
const hostileKeys = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.constantFrom("", "__proto__", "constructor", "prototype", "a.b", "a\nb: forged", "x/y", "x--y", "\u2028", "get.users", "get_users", "\u0000"),
);
type Mutation = { kind: "shape"; at: number; value: unknown } | { kind: "key"; at: number; key: string } | { kind: "twin"; at: number; punctuation: string };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("shape" as const), at: fc.nat(), value: fc.oneof(...hostileValues) }),
  fc.record({ kind: fc.constant("key" as const), at: fc.nat(), key: hostileKeys }),
  fc.record({ kind: fc.constant("twin" as const), at: fc.nat(), punctuation: fc.constantFrom(".", "-", " ", "/", "__", ":") }),
);

function allPaths(value: unknown): string[][] {
  const out: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    if (node === null || typeof node !== "object") return;
    for (const key of Object.keys(node)) {
      out.push([...path, key]);
      walk((node as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(value, []);
  return out;
}

function mutate(config: any, mutations: readonly Mutation[]): any {
  const copy = structuredClone(config);
  for (const m of mutations) {
    if (m.kind === "twin") {
      const entries = keyedEntries(copy);
      if (entries.length === 0) continue;
      const entry = entries[m.at % entries.length]!;
      const map = getAt(copy, entry.segments.slice(0, -1));
      const key = entry.segments.at(-1)!;
      map[`${key}${m.punctuation}t`] = structuredClone(map[key]);
      map[`${key}_t`] = structuredClone(map[key]);
      continue;
    }
    const paths = allPaths(copy);
    if (paths.length === 0) continue;
    const path = paths[m.at % paths.length]!;
    const parent = getAt(copy, path.slice(0, -1));
    const last = path.at(-1)!;
    if (m.kind === "shape") parent[last] = structuredClone(m.value);
    else if (!Array.isArray(parent)) {
      const child = parent[last];
      delete parent[last];
      Object.defineProperty(parent, m.key, { value: child, enumerable: true, writable: true, configurable: true });
    }
  }
  return copy;
}

describe("fuzzing the shipped configs into wrong shapes and odd keys", () => {
  const seeds: { name: string; config: unknown }[] = [];
  const counts = { fuzzed: 0, accepted: 0, refused: 0, refusedByConstructs: 0, problemLines: 0 };
  /** Outcome by the classes of mutation a config got (`key+twin`: a renamed key and a punctuation twin). */
  const byClass: Record<string, { accepted: number; refused: number; refusedByConstructs: number; collisionLines: number }> = {};

  beforeAll(async () => {
    for (const { name, config } of validExamples()) seeds.push({ name: `examples/${name}`, config });
    const files = discoverConfigs(join(REPO_ROOT, "config"));
    for (const raw of await readConfigFiles(files, REPO_ROOT)) if ("value" in raw) seeds.push({ name: raw.file.slice(REPO_ROOT.length + 1), config: raw.value });
    expect(seeds.length).toBeGreaterThan(15);
  });

  afterAll(() => {
    // Shown in the test output; the numbers in the report come from here.
    process.stdout.write(`config fuzz: ${JSON.stringify(counts)}\nconfig fuzz by mutation class: ${JSON.stringify(byClass)}\n`);
  });

  test("no exception but ConfigValidationError, every line one line starting with a path of the input", () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (seedIndex, mutations) => {
        const seed = seeds[seedIndex % seeds.length]!;
        const config = mutate(seed.config, mutations);
        counts.fuzzed++;
        const kinds = [...new Set(mutations.map((m) => m.kind))].sort().join("+");
        const outcome = (byClass[kinds] ??= { accepted: 0, refused: 0, refusedByConstructs: 0, collisionLines: 0 });
        const result = checkStackConfig({ file: `${seed.name}`, value: config });
        let lines = result.problems.map(formatProblem);
        if (result.config) {
          try {
            new ApiGatewayModule(new TerraformStack(new App({ skipValidation: true }), "fuzz"), "apigw", result.config.module);
            counts.accepted++;
            outcome.accepted++;
          } catch (error) {
            if (!(error instanceof ConfigValidationError)) throw error;
            counts.refusedByConstructs++;
            outcome.refusedByConstructs++;
            lines = error.problems.map(formatProblem);
          }
        } else {
          counts.refused++;
          outcome.refused++;
        }
        outcome.collisionLines += lines.filter((l) => /one Terraform address|one construct id|, as .* does \(/.test(l)).length;
        counts.problemLines += lines.length;
        const paths = pathsOf(config);
        for (const line of lines) {
          expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
          expect(startsWithPathOf(line, paths), `${seed.name}: ${line}`).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261201 },
    );
    expect(counts.refused + counts.refusedByConstructs).toBeGreaterThan(counts.fuzzed / 2);
  });

  test("the seeds themselves are accepted (so refusals come from the mutations)", () => {
    const valid = seeds.filter((s) => !/examples\/(custom-domains|http-api-auth|multi-api|rest-api-basic|rest-api-secure|vpc-links)\.tfvars\.json$/.test(s.name));
    for (const seed of valid) expect(checkStackConfig({ file: seed.name, value: seed.config }).problems.map(formatProblem), seed.name).toEqual([]);
  });
});
