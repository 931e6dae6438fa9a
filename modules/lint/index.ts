export * from "./config.js";
export * from "./types.js";
export { LINT_RULES, RULE_IDS } from "./registry.js";
export { lintStack, failingFindings, findingProblem, unusedSuppressions } from "./run-lint.js";
