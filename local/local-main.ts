// Entry of `npm run local` and `npm run token`: `node bin/run-ts.mjs local/local-main.ts <local|token> [options]`
// (named so that its bundle in .cache/run/ does not collide with the app's main.ts).
import { runLocal } from "./local-command.js";
import { runToken } from "./token-command.js";

// The AWS SDK in this process (dynalite set-up) would warn about the Node version on every start.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const [command, ...rest] = process.argv.slice(2);
if (command === "local") process.exitCode = await runLocal(rest);
else if (command === "token") process.exitCode = await runToken(rest);
else {
  process.stderr.write("usage: local/local-main.ts local --config <path> [--stage <name>] [--port 3000]\n       local/local-main.ts token --tenant <id> --role <role> [--scope ...] [--expires 1h]\n");
  process.exitCode = 2;
}
