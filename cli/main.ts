import { UsageError } from "./args.js";
import { MAIN_HELP } from "./help.js";
import { packageVersion } from "./package-info.js";
import { processOutput, type Output } from "./report.js";

type Command = (argv: readonly string[], output: Output) => Promise<number>;

// Each command is loaded only when it runs: synth and import load cdktf and the provider bindings, which validate
// never needs (they are most of its time otherwise).
const COMMANDS: Record<string, () => Promise<Command>> = {
  synth: async () => (await import("./synth-command.js")).synthCommand,
  validate: async () => (await import("./validate-command.js")).validateCommand,
  lint: async () => (await import("./lint-command.js")).lintCommand,
  import: async () => (await import("./import-command.js")).importCommand,
  local: async () => (await import("./local-gateway-command.js")).localGatewayCommand("local"),
  token: async () => (await import("./local-gateway-command.js")).localGatewayCommand("token"),
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
  const load = COMMANDS[command];
  try {
    if (!load && command.startsWith("-")) throw new UsageError(`unknown flag ${command}; see cdktf-apigateway --help`);
    if (!load) throw new UsageError(`unknown command ${JSON.stringify(command)}; commands: ${Object.keys(COMMANDS).join(", ")}; see cdktf-apigateway --help`);
    return await (await load())(rest, output);
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
