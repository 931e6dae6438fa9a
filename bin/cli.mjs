#!/usr/bin/env node
// The cdktf-apigateway command (package.json "bin"). In a source checkout it runs cli/main.ts as an esbuild bundle
// under plain node (bin/run-ts.mjs); in an installed package it runs the compiled dist/lib/cli/main.js.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

process.env.CHECKPOINT_DISABLE ??= "1";
const source = new URL("../cli/main.ts", import.meta.url);
const { runCli } = existsSync(source)
  ? await (await import("./run-ts.mjs")).runTypeScript(fileURLToPath(source))
  : await import("../dist/lib/cli/main.js");
process.exitCode = await runCli(process.argv.slice(2));
