// What every benchmark reports: ratios of the product against a baseline measured in the same run, each with
// its target (a ratio at or below the target passes). `npm run bench` gathers them into one table.

/**
 * @typedef {{ bench: string, name: string, value: number, target: number, product: string, baseline: string }} Ratio
 */

/**
 * product/baseline (times, memory); with `higherIsBetter` (throughput) baseline/product, so that for every
 * ratio lower is better and the target is an upper bound.
 * @returns {Ratio}
 */
export function ratio(bench, name, product, baseline, target, unit = "", { higherIsBetter = false } = {}) {
  const value = higherIsBetter ? baseline.value / product.value : product.value / baseline.value;
  const show = (x) => `${x.value < 10 ? x.value.toFixed(2) : x.value.toFixed(0)}${unit}${x.label ? ` ${x.label}` : ""}`;
  return { bench, name, value: Number(value.toFixed(3)), target, product: show(product), baseline: show(baseline) };
}

/** Within target; with `quick`, only more than twice the target fails (small sizes are noisy). */
export function verdict(r, quick) {
  if (r.value <= r.target) return "ok";
  return quick && r.value <= 2 * r.target ? "over target (quick: tolerated up to 2x)" : "FAIL";
}

export function isMain(moduleUrl) {
  return process.argv[1] !== undefined && new URL(moduleUrl).pathname === process.argv[1];
}
