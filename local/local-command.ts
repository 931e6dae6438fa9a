// `local --config <path> [--stage <name>] [--port 3000]`: serves the synthesized stack until interrupted.
// Returns the exit code; a config with problems prints the same path-prefixed lines as synth and returns 1.
import { parseArgs } from "node:util";
import { LOCAL_OPTIONS } from "../cli/local-options.js";
import { startLocalGateway, GatewaySetupError, type LocalGateway } from "./gateway.js";
import { FunctionSetupError } from "./functions/local-functions.js";
import { ConfigProblems } from "./stack/synthesize.js";

export const LOCAL_USAGE = "usage: local --config <path> [--stage <name>] [--port 3000] [--fixture <file.json>] [--quiet-functions] [--state-dir <dir>]";

export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const processIo: CommandIo = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

/** Starts the gateway; resolves to the running gateway, or to an exit code when it could not start. */
export async function startLocalCommand(argv: readonly string[], io: CommandIo = processIo, dirs: { root?: string; stateDir?: string } = {}): Promise<LocalGateway | number> {
  let values: { config?: string; stage?: string; port?: string; fixture?: string; "quiet-functions"?: boolean; "state-dir"?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: LOCAL_OPTIONS,
      strict: true,
    }));
  } catch (error) {
    io.err(`local: ${(error as Error).message}`);
    io.err(LOCAL_USAGE);
    return 2;
  }
  if (!values.config) {
    io.err("local: --config is required");
    io.err(LOCAL_USAGE);
    return 2;
  }
  const port = values.port === undefined ? 3000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`local: --port must be a port number (0..65535), got "${values.port}"`);
    return 2;
  }
  try {
    const gateway = await startLocalGateway({
      config: values.config,
      stage: values.stage,
      port,
      root: dirs.root,
      stateDir: values["state-dir"] ?? dirs.stateDir,
      fixture: values.fixture,
      onRequest: (_, line) => io.out(line),
      onFunctionLog: values["quiet-functions"] ? undefined : (name, line) => io.out(`  [${name}] ${line}`),
    });
    io.out(`serving ${gateway.stackName} on ${gateway.url}`);
    for (const stage of gateway.stages) io.out(`  ${stage.kind === "http" ? "HTTP API" : "REST API"} ${stage.api}, stage ${stage.stage}: ${stage.url}/`);
    for (const key of gateway.apiKeys) io.out(`  API key ${key.name}: ${key.value}`);
    for (const [name, change] of Object.entries(gateway.overrides)) io.out(`  ${name}: ${change} (the issuer is not reachable offline)`);
    if (gateway.tokenProfiles.length > 0) io.out(`  tokens: npm run token -- --tenant <id> --role <guest|user|moderator|admin>${values["state-dir"] ? ` --state-dir ${values["state-dir"]}` : ""}`);
    return gateway;
  } catch (error) {
    if (error instanceof ConfigProblems) {
      for (const line of error.lines) io.err(line);
      return 1;
    }
    if (error instanceof GatewaySetupError || error instanceof FunctionSetupError) {
      io.err(`local: ${error.message}`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      io.err(`local: port ${port} is in use; pass --port <another>, or --port 0 for a free one`);
      return 1;
    }
    throw error;
  }
}

/** The command as a process runs it: serve until SIGINT/SIGTERM. */
export async function runLocal(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const started = await startLocalCommand(argv, io);
  if (typeof started === "number") return started;
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await started.close();
  return 0;
}
