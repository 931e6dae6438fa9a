// The bench runner's verdicts and the performance page drawn from bench/results.json (no benchmark runs here).
import { describe, expect, test } from "vitest";

// Plain .mjs modules of the bench folder, without type declarations.
const ratios: any = await import("../../bench/support/ratios.mjs" as string);
const render: any = await import("../../bench/render-performance.mjs" as string);

const run = (commit: string, quick: boolean, values: Record<string, number>) => ({
  date: "2026-12-01T00:00:00.000Z",
  commit,
  quick,
  machine: { cpu: "Test CPU", cores: 2, memoryGiB: 4, node: "v20.0.0", platform: "linux-x64" },
  ratios: Object.entries(values).map(([name, value]) => ({ bench: name.split(" ")[0], name, value, target: 1.5, product: "p", baseline: "b" })),
});

describe("bench verdicts", () => {
  test("at or under the target passes; --quick tolerates up to twice the target", () => {
    const r = (value: number) => ({ value, target: 1.5 });
    expect(ratios.verdict(r(1.5), false)).toBe("ok");
    expect(ratios.verdict(r(1.6), false)).toBe("FAIL");
    expect(ratios.verdict(r(2.9), true)).toMatch(/^over target/);
    expect(ratios.verdict(r(3.1), true)).toBe("FAIL");
  });

  test("throughput ratios are inverted so that lower is better everywhere", () => {
    const r = ratios.ratio("gateway", "t", { value: 40, label: "req/s" }, { value: 100, label: "ops/s" }, 3, "", { higherIsBetter: true });
    expect(r).toMatchObject({ value: 2.5, product: "40 req/s", baseline: "100 ops/s" });
    expect(ratios.ratio("synth", "s", { value: 3 }, { value: 2 }, 1.5, " s")).toMatchObject({ value: 1.5, product: "3.00 s", baseline: "2.00 s" });
  });
});

describe("docs/performance.md", () => {
  const results = { runs: [run("aaaaaaa1111", false, { "synth time": 1.2, "gateway rate": 1.8 }), run("bbbbbbb2222", true, { "synth time": 1.4, "gateway rate": 3.5 })] };

  test("shows the latest run's table with its verdicts, commit and machine", () => {
    const page = render.performanceMarkdown(results);
    expect(page).toContain("commit `bbbbbbb2222`, quick sizes; 2 x Test CPU");
    expect(page).toContain("| synth | synth time | p | b | 1.40 | 1.5 | ok |");
    expect(page).toContain("| gateway | gateway rate | p | b | 3.50 | 1.5 | FAIL |");
    expect(page).toContain("![ratio / target per run](performance-history.svg)");
  });

  test("charts every measure across runs, relative to its target", () => {
    const svg = render.historySvg(results.runs);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg).toContain(">gateway rate</text>");
    expect(svg).toContain(">bbbbbbb q</text>");
  });
});
