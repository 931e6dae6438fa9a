import { UsageError } from "./args.js";
import { MAIN_HELP } from "./help.js";
import { importCommand } from "./import-command.js";
import { localGatewayCommand } from "./local-gateway-command.js";
import { packageVersion } from "./package-info.js";
import { processOutput, type Output } from "./report.js";
import { synthCommand } from "./synth-command.js";
import { validateCommand } from "./validate-command.js";

const COMMANDS: Record<string, (argv: readonly string[], output: Output) => Promise<number>> = {
  synth: synthCommand,
  validate: validateCommand,
  import: importCommand,
  local: localGatewayCommand("local"),
  token: localGatewayCommand("token"),
};

/**
 * The `cdktf-apigateway` command: dispatches to a subcommand and returns the exit code. Usage mistakes exit 2 with
 * one line; problems in configs exit 1 with one line each; anything unexpected exits 1 with its message (the
 * stack trace only with DEBUG set).
 */
export async function runCli(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    output.out(MAIN_HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    output.out(packageVersion());
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (!run && command.startsWith("-")) throw new UsageError(`unknown flag ${command}; see cdktf-apigateway --help`);
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}; commands: ${Object.keys(COMMANDS).join(", ")}; see cdktf-apigateway --help`);
    return await run(rest, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`cdktf-apigateway: ${error.message}`);
      return 2;
    }
    output.err(`cdktf-apigateway ${command}: ${(error as Error).message.split("\n")[0]}`);
    if (process.env.DEBUG) output.err(String((error as Error).stack));
    return 1;
  }
}
