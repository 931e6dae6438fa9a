import type { Output } from "./report.js";

const LOCAL_HELP = `Usage: cdktf-apigateway local --config <path> [--stage <name>] [--port 3000] [--fixture <file.json>] [--quiet-functions]

Synthesizes the config through the same loader as synth and serves its HTTP and REST API stages on 127.0.0.1,
with the authorizers, limits, CORS, integrations and function environments of the Terraform JSON
(docs/local-gateway.md). Stops on Ctrl-C.`;

const TOKEN_HELP = `Usage: cdktf-apigateway token --tenant <id> --role <role> [--scope <scope>]... [--expires 1h] [--sub <subject>]

Prints a token from the local issuer (keys under .local/) for the stack that local serves.`;

const wantsHelp = (argv: readonly string[]) => argv.includes("--help") || argv.includes("-h");

/**
 * `local` and `token`: the local gateway is loaded only when asked for; it runs on this repository's development
 * dependencies (dynalite, the AWS SDK), which an installed package does not bring.
 */
export async function localCommand(argv: readonly string[], output: Output): Promise<number> {
  if (wantsHelp(argv)) return (output.out(LOCAL_HELP), 0);
  // The AWS SDK in this process (the embedded DynamoDB's set-up) would warn about the Node version on every start.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { runLocal } = await import("../local/local-command.js");
  return runLocal(argv, output);
}

export async function tokenCommand(argv: readonly string[], output: Output): Promise<number> {
  if (wantsHelp(argv)) return (output.out(TOKEN_HELP), 0);
  const { runToken } = await import("../local/token-command.js");
  return runToken(argv, output);
}
