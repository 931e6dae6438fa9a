// The `local` and `token` subcommands of the cdktf-apigateway command. cli/ loads this file at run time by a
// computed path through bin/run-ts.mjs (a source checkout only), so the package build never reaches local/ or
// dynalite.
import { runLocal } from "./local-command.js";
import { runToken } from "./token-command.js";

// The AWS SDK in this process (dynalite set-up) would warn about the Node version on every start.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export const commands = { local: runLocal, token: runToken };
