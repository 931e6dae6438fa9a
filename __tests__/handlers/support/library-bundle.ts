// A library entry (e.g. containerDeps) bundled exactly as the handlers are (build-handlers' bundleEntries:
// CommonJS, Node 22, the AWS SDK inside, the modules loaded on demand beside it), for tests that need a handle
// the Lambda entry does not export. Each requireFresh() is a new "container".
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  const { bundleEntries } = await buildModule();
  const dir = mkdtempSync(join(tmpdir(), "handlers-lib-"));
  const path = join(dir, "index.js");
  const files = await bundleEntries({ root: ROOT, outDir: dir, entryPoints: { index: join(ROOT, entry) }, options: { define: { __APP_VERSION__: '"test"' } } });
  for (const file of files) writeFileSync(file.path, file.contents);
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
  return {
    path,
    bytes: files.find((file) => file.path === path)!.contents.length,
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
