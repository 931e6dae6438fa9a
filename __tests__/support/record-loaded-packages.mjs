// Preloaded with `node --import` by tests: when the process exits, writes every CommonJS module it loaded (cdktf,
// constructs, the provider bindings and esbuild are all CommonJS, whether reached by import or require) to the file
// named by RECORD_LOADED_MODULES_TO, one path a line.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const cache = createRequire(import.meta.url).cache;
const target = process.env.RECORD_LOADED_MODULES_TO;
if (target) process.on("exit", () => writeFileSync(target, Object.keys(cache).join("\n")));
