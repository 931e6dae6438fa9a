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

process.exitCode = await main();
