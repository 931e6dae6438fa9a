import { createHash } from "node:crypto";
import { withReferencesWritten } from "../../common/product-references.js";

/**
 * JSON with object keys sorted, so that equal values hash equally whatever order keys were written in; product
 * references are written as their expressions, whatever token number they got.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "string"
      ? withReferencesWritten(v)
      : v !== null && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
  );
}

/** SHA-256 of the canonical JSON of `value`: a literal computed at synth, known at plan time. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
