import { keyPath, type ConfigProblem } from "../modules/api-gateway/validation/problems.js";

/** How cdktf marks a reference inside a string in memory; text in a config file that looks like one is forged. */
const TOKEN_MARKER = "${TfToken[";

/**
 * A config file holds values, never references: a string that carries cdktf's in-memory token marker would be
 * resolved as a reference to whatever that token number is in this process. Each one is a problem at its path.
 */
export function tokenTextProblems(value: unknown, path = "", problems: ConfigProblem[] = []): ConfigProblem[] {
  if (typeof value === "string") {
    if (value.includes(TOKEN_MARKER)) {
      problems.push({
        path: path || "config",
        message: `holds ${JSON.stringify(TOKEN_MARKER)}, how cdktf marks a reference in memory, which a config file cannot carry`,
        fix: "write the value itself; to pass references from your own constructs, use new ApiGatewayModule(...) in your stack",
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => tokenTextProblems(item, path === "" ? String(i) : `${path}.${i}`, problems));
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) tokenTextProblems(child, keyPath(path, key), problems);
  }
  return problems;
}
