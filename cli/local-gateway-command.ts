import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseCommandArgs } from "./args.js";
import { LOCAL_HELP, TOKEN_HELP } from "./help.js";
import { LOCAL_OPTIONS, TOKEN_OPTIONS } from "./local-options.js";
import { packageRoot } from "./package-info.js";
import type { Output } from "./report.js";

export const LOCAL_GATEWAY_UNAVAILABLE = "local gateway is available from a checkout of the repository, not the installed package";

type Command = (argv: readonly string[], output: Output) => Promise<number>;

/**
 * `local` and `token`: the local gateway lives in local/ of a source checkout and is run through bin/run-ts.mjs.
 * Both paths are computed at run time, never written as import specifiers, so that neither tsc (the package
 * build) nor esbuild (the CLI bundle) follows them into local/ and its dev-only dependencies (dynalite).
 */
export function localGatewayCommand(name: "local" | "token"): Command {
  return async (argv, output) => {
    const { values } = parseCommandArgs(name, argv, { help: { type: "boolean", short: "h" }, ...(name === "local" ? LOCAL_OPTIONS : TOKEN_OPTIONS) });
    if (values.help) {
      output.out(name === "local" ? LOCAL_HELP : TOKEN_HELP);
      return 0;
    }
    const root = packageRoot();
    const [entry, runner] = [join(root, "local", "cli-entry.ts"), join(root, "bin", "run-ts.mjs")];
    if (!existsSync(entry) || !existsSync(runner)) throw new Error(LOCAL_GATEWAY_UNAVAILABLE);
    const { runTypeScript } = (await import(pathToFileURL(runner).href)) as { runTypeScript(entry: string): Promise<{ commands: Record<typeof name, Command> }> };
    const { commands } = await runTypeScript(entry);
    return commands[name](argv, output);
  };
}
