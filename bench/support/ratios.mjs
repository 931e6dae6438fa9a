// What every benchmark reports: ratios of the product against a baseline measured in the same run, each with
// its target (a ratio at or below the target passes). `npm run bench` gathers them into one table.

/**
 * @typedef {{ bench: string, name: string, value: number, target: number, product: string, baseline: string }} Ratio
 */

/**
 * product/baseline (times, memory); with `higherIsBetter` (throughput) baseline/product, so that for every
 * ratio lower is better and the target is an upper bound. `paired`: the ratio measured otherwise (e.g. the
 * median of paired runs' ratios, see pairedRatio), the two values then shown as context.
 * @returns {Ratio}
 */
export function ratio(bench, name, product, baseline, target, unit = "", { higherIsBetter = false, paired = undefined } = {}) {
  const value = paired ?? (higherIsBetter ? baseline.value / product.value : product.value / baseline.value);
  const show = (x) => `${x.value < 10 ? x.value.toFixed(2) : x.value.toFixed(0)}${unit}${x.label ? ` ${x.label}` : ""}`;
  return { bench, name, value: Number(value.toFixed(3)), target, product: show(product), baseline: show(baseline) };
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The median of per-pair ratios, product[i] / baseline[i], for runs made back to back in pairs. Preferred to
 * the ratio of the two medians where single runs vary in steps: on a VM whose cores run at different speeds
 * (measured here: one 30 % slower than the other), each fresh process lands on either, the two medians can
 * come from different cores, and their ratio swings by that much; within a pair the swing is as likely either
 * way, so the median pair is the like-for-like comparison.
 */
export function pairedRatio(product, baseline) {
  if (product.length !== baseline.length || product.length === 0) throw new Error("pairedRatio: one baseline run per product run");
  return median(product.map((value, i) => value / baseline[i]));
}

/** Within target; with `quick`, only more than twice the target fails (small sizes are noisy). */
export function verdict(r, quick) {
  if (r.value <= r.target) return "ok";
  return quick && r.value <= 2 * r.target ? "over target (quick: tolerated up to 2x)" : "FAIL";
}

export function isMain(moduleUrl) {
  return process.argv[1] !== undefined && new URL(moduleUrl).pathname === process.argv[1];
}
