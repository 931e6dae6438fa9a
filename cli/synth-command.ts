import { resolve } from "node:path";
import { synthApp } from "../stacks/synth-app.js";
import { COMMON_OPTIONS, parseCommandArgs } from "./args.js";
import { SYNTH_HELP } from "./help.js";
import { packageSourceEntry } from "./package-info.js";
import { jsonProblems, plural, printNotices, printProblems, processOutput, seconds, type Output } from "./report.js";

export interface SynthRunOptions {
  /** Config files; by default every config under `<root>/config/`. */
  readonly configFiles?: readonly string[];
  readonly outdir: string;
  readonly root?: string;
  readonly quiet?: boolean;
  readonly json?: boolean;
  /** Print `synthesized <stack> -> <file>` per stack (not when the cdktf CLI runs the app: it prints its own). */
  readonly listStacks?: boolean;
  readonly managedByCdktfCli?: boolean;
}

/**
 * Checks every config and, when all are valid, writes one stack each; prints problems (one line each, at their
 * config path) or the stacks and a one-line summary. Returns the exit code. `main.ts` and `synth` both run this.
 */
export async function runSynth(options: SynthRunOptions, output: Output = processOutput): Promise<number> {
  const started = process.hrtime.bigint();
  const outcome = await synthApp({
    root: options.root ?? process.cwd(),
    configFiles: options.configFiles,
    outdir: options.outdir,
    managedByCdktfCli: options.managedByCdktfCli,
    packageEntry: packageSourceEntry(),
  });
  const resources = outcome.stacks.reduce((n, s) => n + (s.resources ?? 0), 0);
  const summary = `synthesized ${plural(outcome.stacks.length, "stack")}, ${plural(resources, "resource")} in ${seconds(started)} s`;
  if (options.json) {
    output.out(
      JSON.stringify({
        ok: outcome.ok,
        problems: jsonProblems(outcome.files, outcome.general),
        // Findings are in `problems` as warnings already.
        stacks: outcome.stacks.map(({ findings: _findings, ...stack }) => stack),
        notices: outcome.notices,
        summary: { stacks: outcome.stacks.length, resources, seconds: seconds(started) },
      }),
    );
    if (outcome.ok) output.err(summary);
    return outcome.ok ? 0 : 1;
  }
  printProblems(output, outcome.files, outcome.general, options);
  if (!outcome.ok) return 1;
  printNotices(output, outcome.notices, options);
  if (options.listStacks && !options.quiet) for (const stack of outcome.stacks) output.out(`synthesized ${stack.name} -> ${stack.path}`);
  output.out(summary);
  return 0;
}

/** `cdktf-apigateway synth [--config <file>]... [--out <dir>] [--quiet] [--json]` */
export async function synthCommand(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs("synth", argv, {
    ...COMMON_OPTIONS,
    config: { type: "string", short: "c", multiple: true },
    out: { type: "string", short: "o" },
  });
  if (values.help) {
    output.out(SYNTH_HELP);
    return 0;
  }
  const configs = [...(values.config ?? []), ...positionals];
  const fromEnv = process.env.APIGW_CONFIG;
  return runSynth(
    {
      configFiles: configs.length > 0 ? configs.map((c) => resolve(c)) : fromEnv ? [resolve(fromEnv)] : undefined,
      outdir: resolve(values.out ?? process.env.CDKTF_OUTDIR ?? "cdktf.out"),
      quiet: values.quiet,
      json: values.json,
      listStacks: true,
    },
    output,
  );
}
