#!/usr/bin/env node
// The cdktf app command (cdktf.json "app"): runs main.ts under plain node, bundled by esbuild.
process.env.CHECKPOINT_DISABLE ??= "1";
const { runTypeScript } = await import("./run-ts.mjs");
await runTypeScript(new URL("../main.ts", import.meta.url).pathname);
