import { resolve } from "node:path";
import { runSynth } from "./cli/synth-command.js";

/**
 * The app: every config under config/ (or the one APIGW_CONFIG names) becomes one stack in
 * $CDKTF_OUTDIR/stacks/<name>/cdk.tf.json. All configs are checked before anything is written; any problem
 * exits 1 with one line per problem and leaves the output folder as it was.
 */
async function main(): Promise<number> {
  const single = process.env.APIGW_CONFIG;
  return runSynth({
    configFiles: single ? [resolve(single)] : undefined,
    outdir: resolve(process.env.CDKTF_OUTDIR ?? "cdktf.out"),
    // The cdktf CLI manages its output folder itself, and prints the stacks it generated.
    managedByCdktfCli: process.env.CDKTF_CONTEXT_JSON?.includes("cdktfRelativeModules") ?? false,
    listStacks: !process.env.CDKTF_OUTDIR,
  });
}

try {
  process.exitCode = await main();
} catch (error) {
  // A user never sees a stack trace; APIGW_DEBUG=1 shows it to whoever fixes the cause.
  process.stderr.write(`config: could not be processed: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}\n`);
  if (process.env.APIGW_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
}
