import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Every tenant environment config under `dir`: `<dir>/<tenant>/<environment>.ts`, `.json` or `.tfvars`, sorted. Files
 * whose name starts with `_` are shared code that configs import, not configs.
 */
export function discoverConfigs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const tenant of readdirSync(dir, { withFileTypes: true })) {
    if (!tenant.isDirectory()) continue;
    for (const entry of readdirSync(join(dir, tenant.name), { withFileTypes: true })) {
      if (entry.isFile() && /^[^_].*\.(ts|json|tfvars)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(join(dir, tenant.name, entry.name));
    }
  }
  return files.sort();
}
