import { resolve } from "node:path";
import { checkConfigFiles } from "../stacks/check-config-files.js";
import { COMMON_OPTIONS, parseCommandArgs } from "./args.js";
import { VALIDATE_HELP } from "./help.js";
import { packageSourceEntry } from "./package-info.js";
import { jsonProblems, plural, printProblems, processOutput, seconds, type Output } from "./report.js";

/**
 * `cdktf-apigateway validate [--config <file>]... [--quiet] [--json]`: loads and checks every config (and the
 * names they share), builds nothing and writes no output. It never loads cdktf, the provider bindings or esbuild
 * (only a `.ts` config needs esbuild, to be read), which keeps it fit for a pre-commit hook.
 */
export async function validateCommand(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs("validate", argv, {
    ...COMMON_OPTIONS,
    config: { type: "string", short: "c", multiple: true },
  });
  if (values.help) {
    output.out(VALIDATE_HELP);
    return 0;
  }
  const started = process.hrtime.bigint();
  const configs = [...(values.config ?? []), ...positionals];
  const fromEnv = process.env.APIGW_CONFIG;
  const checked = await checkConfigFiles({
    root: process.cwd(),
    configFiles: configs.length > 0 ? configs.map((c) => resolve(c)) : fromEnv ? [resolve(fromEnv)] : undefined,
    packageEntry: packageSourceEntry(),
  });
  const outcome = { ...checked, stacks: checked.configs.map((config) => ({ name: config.stackName, file: config.file })) };
  const summary = `valid: ${plural(outcome.files.length, "config")}, ${plural(outcome.stacks.length, "stack")} in ${seconds(started)} s`;
  if (values.json) {
    output.out(
      JSON.stringify({
        ok: outcome.ok,
        problems: jsonProblems(outcome.files, outcome.general),
        stacks: outcome.stacks,
        summary: { configs: outcome.files.length, stacks: outcome.stacks.length, seconds: seconds(started) },
      }),
    );
    if (outcome.ok) output.err(summary);
    return outcome.ok ? 0 : 1;
  }
  printProblems(output, outcome.files, outcome.general, { quiet: values.quiet });
  if (!outcome.ok) return 1;
  output.out(summary);
  return 0;
}
