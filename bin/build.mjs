#!/usr/bin/env node
// `npm run build`: what the published package ships.
//   dist/lib/       the library and the CLI as JavaScript with .d.ts files (tsc -p tsconfig.build.json), with the
//                   plain .mjs modules they import (handler build, precompiled schema validator) beside them
//   dist/handlers/  the bundled handlers' deterministic zips (bin/build-handlers.mjs)
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureHandlersBuilt } from "./build-handlers.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const lib = join(root, "dist", "lib");
rmSync(lib, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
// Every precompiled validator and schema the loader imports (module inputs, stack settings, application).
const schemaFiles = readdirSync(join(root, "schema")).filter((f) => /^validate-.*\.(mjs|d\.mts)$|\.schema\.json$/.test(f)).map((f) => `schema/${f}`);
for (const file of ["bin/build-handlers.mjs", "bin/build-handlers.d.mts", ...schemaFiles]) {
  mkdirSync(dirname(join(lib, file)), { recursive: true });
  copyFileSync(join(root, file), join(lib, file));
}
// Through the build lock and source stamp, like every other caller (tests may be using dist/handlers meanwhile).
const handlers = Object.keys(await ensureHandlersBuilt({ root }));
console.log(`built dist/lib and ${handlers.length} handler zips in dist/handlers`);
