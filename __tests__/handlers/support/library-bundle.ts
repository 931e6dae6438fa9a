// A library entry (e.g. containerDeps) bundled exactly as the handlers are (build-handlers' BUNDLE_OPTIONS:
// CommonJS, Node 22, the AWS SDK inside), for tests that need a handle the Lambda entry does not export.
// Each requireFresh() is a new "container".
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { buildModule } from "./build.js";
import { ROOT } from "./environment.js";

const nodeRequire = createRequire(import.meta.url);

export interface LibraryBundle<M> {
  readonly path: string;
  readonly bytes: number;
  requireFresh(): M;
  remove(): void;
}

export async function bundleLibrary<M>(entry: string): Promise<LibraryBundle<M>> {
  const { BUNDLE_OPTIONS } = await buildModule();
  const dir = mkdtempSync(join(tmpdir(), "handlers-lib-"));
  const path = join(dir, "index.js");
  const result = await esbuild.build({ ...BUNDLE_OPTIONS, absWorkingDir: ROOT, entryPoints: [join(ROOT, entry)], outfile: path, define: { __APP_VERSION__: '"test"' }, metafile: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
  return {
    path,
    bytes: Object.values(result.metafile.outputs)[0]!.bytes,
    requireFresh: () => {
      delete nodeRequire.cache[path];
      try {
        return nodeRequire(path) as M;
      } finally {
        delete nodeRequire.cache[path];
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
