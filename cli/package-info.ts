import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PACKAGE_NAME = "cdktf-apigateway";

/**
 * This package's folder: the nearest folder above this file whose package.json is this package's. Works from
 * the sources, from their esbuild bundle under `.cache/`, and from the compiled copy in an installed package.
 */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package folder above ${from}`);
  }
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}

/**
 * The TypeScript entry that `.ts` configs' imports of the package name go to in a source checkout; in an installed
 * package (compiled JavaScript only) there is none, and Node resolves the name as for any package.
 */
export function packageSourceEntry(): string | null {
  const entry = join(packageRoot(), "index.ts");
  return existsSync(entry) ? entry : null;
}
