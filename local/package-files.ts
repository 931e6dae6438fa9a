// Files the local gateway ships beside its code (the Lambda runtime shim, the catalog fixture), found from
// wherever this code runs: its own folder, or a bundle of it under .cache/run/.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function packageFile(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, relative))) return join(dir, relative);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${relative} is missing from the package`);
    dir = parent;
  }
}
