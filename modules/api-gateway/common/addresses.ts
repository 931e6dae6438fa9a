/**
 * Terraform resource names (the part after the type in an address) from config keys: letters, digits, `_`
 * and `-`, not starting with a digit. Keys become addresses so that adding one API never renames another.
 */
export function terraformSafe(key: string): string {
  const safe = key.replace(/[^A-Za-z0-9_-]/g, "_");
  return /^[A-Za-z_]/.test(safe) ? safe : `_${safe}`;
}

/** `address("apigw", "api_v2", "get_users")` is `apigw__api_v2__get_users`: one part per config level. */
export function address(...parts: string[]): string {
  return terraformSafe(parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, "_")).join("__"));
}
