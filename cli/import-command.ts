import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { formatProblem, type ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import { hclValue } from "../stacks/hcl/hcl-values.js";
import { hclErrorMessage, parseHcl } from "../stacks/hcl/parse-hcl.js";
import { convertLikeTerraform } from "../stacks/hcl/terraform-types.js";
import { synthApp, type FileReport } from "../stacks/synth-app.js";
import { COMMON_OPTIONS, parseCommandArgs, UsageError } from "./args.js";
import { IMPORT_HELP } from "./help.js";
import { translateApigatewayV2 } from "./import/apigateway-v2.js";
import { moduleKind, readModuleBlocks } from "./import/module-blocks.js";
import { translateProductModule } from "./import/product-module.js";
import type { Translation } from "./import/translation.js";
import { configFileName, configText, writeConfig, type ConfigFormat } from "./import/write-config.js";
import { packageSourceEntry } from "./package-info.js";
import { jsonProblems, plural, printProblems, processOutput, seconds, type Output } from "./report.js";

/** One config the import will write: where it came from, what it holds. */
interface Imported {
  /** `main.tf module "gateway"`, or the tfvars file. */
  readonly label: string;
  readonly name: string;
  readonly origin: string;
  readonly translation: Translation;
}

/** `cdktf-apigateway import <file>... [--out <dir>] [--format ts|json] [--module <name>]... [--allow-partial]` */
export async function importCommand(argv: readonly string[], output: Output = processOutput): Promise<number> {
  const { values, positionals } = parseCommandArgs("import", argv, {
    ...COMMON_OPTIONS,
    out: { type: "string", short: "o" },
    format: { type: "string", short: "f" },
    module: { type: "string", short: "m", multiple: true },
    "allow-partial": { type: "boolean" },
  });
  if (values.help) {
    output.out(IMPORT_HELP);
    return 0;
  }
  const format = (values.format ?? "ts") as ConfigFormat;
  if (format !== "ts" && format !== "json") throw new UsageError(`--format must be ts or json, not ${JSON.stringify(values.format)}; see cdktf-apigateway import --help`);
  if (positionals.length === 0) throw new UsageError("import needs a file: a .tf file with module blocks, or a .tfvars / .tfvars.json file; see cdktf-apigateway import --help");
  const started = process.hrtime.bigint();
  const wanted = new Set(values.module ?? []);

  const imported: Imported[] = [];
  const failures: FileReport[] = [];
  const skipped: string[] = [];
  for (const input of positionals.map((p) => resolve(p))) {
    if (!existsSync(input)) {
      failures.push({ file: input, problems: [{ path: "file", message: "does not exist", fix: "give the path of a .tf, .tfvars or .tfvars.json file" }], warnings: [] });
      continue;
    }
    try {
      if (input.endsWith(".tf")) {
        const blocks = await readModuleBlocks(input);
        for (const block of blocks) {
          const kind = moduleKind(block);
          if (wanted.size > 0 && !wanted.has(block.name)) continue;
          const label = `${input} module "${block.name}"`;
          if (kind === "other") {
            if (wanted.has(block.name)) failures.push({ file: label, problems: [{ path: "source", message: `${JSON.stringify(block.source)} is neither this product's API Gateway module nor terraform-aws-modules/apigateway-v2/aws`, fix: "import a block of one of those" }], warnings: [] });
            else skipped.push(`${label} (source ${JSON.stringify(block.source)})`);
            continue;
          }
          const untranslated: ConfigProblem[] = [];
          const values = (await hclValue(block.arguments, "", { baseDir: dirname(input), untranslated })) as Record<string, unknown>;
          const translation = kind === "apigateway-v2" ? translateApigatewayV2(values, untranslated) : translateProductModule(block, values, untranslated);
          const origin = kind === "apigateway-v2" ? "terraform-aws-modules/apigateway-v2/aws" : String(block.source);
          imported.push({ label, name: block.name, origin, translation: { ...translation, config: convertLikeTerraform(translation.config) as Record<string, unknown> } });
        }
        for (const name of wanted) {
          if (!blocks.some((b) => b.name === name)) failures.push({ file: input, problems: [{ path: `module.${name}`, message: "no such module block", fix: `blocks in the file: ${blocks.map((b) => b.name).join(", ") || "none"}` }], warnings: [] });
        }
      } else if (input.endsWith(".tfvars") || input.endsWith(".tfvars.json") || input.endsWith(".json")) {
        const untranslated: ConfigProblem[] = [];
        const raw = input.endsWith(".tfvars") ? await parseHcl(input, readFileSync(input, "utf8")) : (JSON.parse(readFileSync(input, "utf8")) as unknown);
        const value = input.endsWith(".tfvars") ? await hclValue(raw, "", { baseDir: dirname(input), untranslated }) : raw;
        const name = basename(input).replace(/\..*$/, "");
        imported.push({ label: input, name, origin: basename(input), translation: { config: convertLikeTerraform(value) as Record<string, unknown>, notes: [], untranslated } });
      } else {
        failures.push({ file: input, problems: [{ path: "file", message: "is not a .tf, .tfvars or .tfvars.json file", fix: "give module blocks in a .tf file, or variable values in a tfvars file" }], warnings: [] });
      }
    } catch (error) {
      failures.push({ file: input, problems: [{ path: "file", message: `cannot be read: ${hclErrorMessage(error)}` }], warnings: [] });
    }
  }
  if (imported.length === 0 && failures.length === 0) {
    failures.push({ file: positionals.join(", "), problems: [{ path: "module", message: "no module block of this product's module or of terraform-aws-modules/apigateway-v2/aws", fix: `skipped: ${skipped.join("; ") || "none"}` }], warnings: [] });
  }

  const partial = imported.some((i) => i.translation.untranslated.length > 0);
  const blocked = failures.length > 0 || (partial && !values["allow-partial"]);
  const untranslatedReports: FileReport[] = imported.map((i) => ({
    file: i.label,
    problems: values["allow-partial"] ? [] : i.translation.untranslated,
    warnings: values["allow-partial"] ? i.translation.untranslated.map((p) => ({ ...p, message: `left out: ${p.message}` })) : [],
  }));
  if (blocked) {
    const reports = [...failures, ...untranslatedReports.filter((r) => r.problems.length > 0)];
    if (values.json) output.out(JSON.stringify({ ok: false, problems: jsonProblems(reports, []), notes: [], files: [] }));
    else {
      printProblems(output, reports, []);
      if (partial && failures.length === 0) output.err("nothing written: pass --allow-partial to write the configs without these values");
    }
    return 1;
  }

  const outDir = resolve(values.out ?? ".");
  const written: { file: string; label: string }[] = [];
  const usedNames = new Set<string>();
  for (const item of imported) {
    let name = item.name;
    for (let n = 2; usedNames.has(name); n++) name = `${item.name}-${n}`;
    usedNames.add(name);
    const file = join(outDir, configFileName(name, format));
    const header = [
      `Imported by cdktf-apigateway import from ${basename(item.label.split(" module ")[0]!)}${item.label.includes(" module ") ? ` (module "${item.name}", ${item.origin})` : ""}.`,
      ...item.translation.notes.map((n) => `note: ${formatProblem(n)}`),
      ...item.translation.untranslated.map((p) => `left out: ${formatProblem(p)}`),
    ];
    writeConfig(file, configText(item.translation.config, format, header));
    written.push({ file, label: item.label });
  }

  // The written configs, checked as synth would check them: their stacks and resources, or their problems.
  const check = await synthApp({ root: process.cwd(), configFiles: written.map((w) => w.file), outdir: "", checkOnly: true, countResources: true, packageEntry: packageSourceEntry() });
  const withProblems = check.files.filter((f) => f.problems.length > 0);
  const resources = check.stacks.reduce((n, s) => n + (s.resources ?? 0), 0);
  const what = plural(imported.length, imported.some((i) => i.label.includes(" module ")) ? "module block" : "file");
  const checked = `${plural(check.stacks.length, "stack")}, ${plural(resources, "resource")}${check.ok ? "" : `; ${withProblems.length} with problems, listed above`}`;
  const summary = `imported ${what} into ${plural(written.length, "config")} (${checked}) in ${seconds(started)} s`;
  const notes = imported.flatMap((i) => i.translation.notes.map((n) => ({ file: i.label, ...n })));
  if (values.json) {
    output.out(
      JSON.stringify({
        ok: true,
        problems: jsonProblems([...untranslatedReports, ...check.files], []),
        notes: notes.map((n) => ({ file: n.file, path: n.path, message: n.message })),
        files: written.map((w) => w.file),
        summary: { configs: written.length, stacks: check.stacks.length, resources, seconds: seconds(started) },
      }),
    );
    output.err(summary);
    return 0;
  }
  if (!values.quiet) {
    for (const note of notes) output.out(`note: ${note.path}: ${note.message}`);
    for (const w of written) output.out(`wrote ${w.file}`);
    for (const s of skipped) output.out(`skipped ${s}: not an API Gateway module this import knows`);
  }
  printProblems(output, [...untranslatedReports, ...check.files], [], { quiet: values.quiet });
  output.out(summary);
  return 0;
}
