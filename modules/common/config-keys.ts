import { keyPath, quote, type ConfigProblem } from "../api-gateway/validation/problems.js";

/** Deeper than any real config (an OpenAPI document inside `openapi_spec` included); guards every recursive pass. */
export const MAX_CONFIG_DEPTH = 64;

/** Keys that would reach an object's prototype in the code that reads the config. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Why `key` cannot be a config key, or undefined when it can. */
export function keyProblem(key: string): string | undefined {
  if (key === "") return "an empty key is not allowed";
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(key)) return `key ${quote(key)} holds control characters or line breaks`;
  if (RESERVED_KEYS.has(key)) return `${quote(key)} is reserved and cannot be a key`;
  return undefined;
}

/**
 * A copy of a config that every later pass can walk safely: keys checked (a bad key is a problem at its path and
 * its entry is left out), object properties set to `null` left out (Terraform treats `null` as unset, and a tfvars
 * file may say `"log_kms_key_id": null`), nesting bounded by MAX_CONFIG_DEPTH. Nulls inside lists stay; the
 * schema reports them.
 */
export function safeConfigCopy(value: unknown, problems: ConfigProblem[], path = "", options: { keepNulls?: boolean } = {}): unknown {
  return copy(value, path, 0, problems, options.keepNulls ?? false);
}

function copy(value: unknown, path: string, depth: number, problems: ConfigProblem[], keepNulls: boolean): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_CONFIG_DEPTH) {
    problems.push({ path: path || "config", message: `is nested more than ${MAX_CONFIG_DEPTH} levels deep`, fix: "flatten it; no setting needs that depth" });
    return undefined;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(copy(value[i], path === "" ? String(i) : `${path}.${i}`, depth + 1, problems, keepNulls));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const at = keyPath(path, key);
    const wrong = keyProblem(key);
    if (wrong !== undefined) {
      problems.push({ path: at, message: wrong, fix: "rename it to letters, digits, _ and -" });
      continue;
    }
    const child = (value as Record<string, unknown>)[key];
    if (child === null && !keepNulls) continue;
    const copied = copy(child, at, depth + 1, problems, keepNulls);
    if (copied !== undefined) out[key] = copied;
  }
  return out;
}
