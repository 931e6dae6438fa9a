import { parseArgs, type ParseArgsConfig } from "node:util";

/** A command line the CLI cannot run: printed as one line, with where to find the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * `node:util` parseArgs, strict (unknown flags are errors), with its errors rewritten as one line that names the
 * flag and the command's help.
 */
export function parseCommandArgs<O extends Options>(
  command: string,
  argv: readonly string[],
  options: O,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    const help = `see cdktf-apigateway ${command} --help`;
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new UsageError(`unknown flag ${flag} for ${command}; ${help}`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const flag = /--[\w-]+/.exec(message)?.[0] ?? /'(-[\w-]+)/.exec(message)?.[1] ?? "a flag";
      throw new UsageError(message.includes("does not take") ? `${flag} takes no value; ${help}` : `${flag} needs a value; ${help}`);
    }
    throw new UsageError(`${message.split("\n")[0]}; ${help}`);
  }
}

export const COMMON_OPTIONS = {
  help: { type: "boolean", short: "h" },
  quiet: { type: "boolean", short: "q" },
  json: { type: "boolean" },
} as const;
