import { existsSync, readdirSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/**
 * Where a stack without an S3 backend keeps its state: beside the output folder, never in it, because stack
 * folders are rewritten by every synth and old ones are cleaned up. With the default output folder that is the
 * project root, where cdktf itself keeps local state (`terraform.<stack>.tfstate`). The path is relative to the
 * stack folder, where Terraform runs, so the JSON does not depend on the machine.
 */
export function localStatePath(stackName: string): string {
  return `../../../terraform.${stackName}.tfstate`;
}

/** What synth writes into a stack folder; anything else was put there by someone else (Terraform, a user). */
const WRITTEN_BY_SYNTH = new Set(["cdk.tf.json", "assets"]);

/** Entries that hold Terraform state or its working data. */
const STATE = /(^|\.)tfstate($|\.)|^terraform\.tfstate\.d$|^\.terraform$/;

export interface StackFolderNotice {
  readonly kind: "removed" | "kept" | "legacy-state";
  readonly message: string;
}

/**
 * Stack folders of earlier runs would be taken for current ones by a pipeline, so a full run removes the folders
 * of stacks no config makes any more, but only those that hold nothing but what synth wrote. A folder with state,
 * a `.terraform/` folder or any other file is kept with a warning. Every removal is reported.
 */
export function removeStaleStackFolders(outdir: string, current: ReadonlySet<string>): StackFolderNotice[] {
  const stacksDir = resolve(outdir, "stacks");
  if (!existsSync(stacksDir)) return [];
  const notices: StackFolderNotice[] = [];
  for (const entry of readdirSync(stacksDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || current.has(entry.name)) continue;
    const folder = join(stacksDir, entry.name);
    const shown = relative(process.cwd(), folder) || folder;
    const foreign = readdirSync(folder).filter((name) => !WRITTEN_BY_SYNTH.has(name));
    if (foreign.length === 0) {
      rmSync(folder, { recursive: true, force: true });
      notices.push({ kind: "removed", message: `removed ${shown}: no config makes stack "${entry.name}" any more` });
    } else {
      const state = foreign.filter((name) => STATE.test(name));
      const why = state.length > 0 ? `it holds Terraform state or working data (${state.sort().join(", ")})` : `it holds files synth did not write (${foreign.sort().join(", ")})`;
      notices.push({ kind: "kept", message: `warning: kept ${shown}: no config makes stack "${entry.name}" any more, but ${why}; destroy or move that state, then delete the folder yourself` });
    }
  }
  return notices;
}

/**
 * A stack synthesized by an earlier version kept its local state inside its folder. Terraform moves it when told
 * (`terraform init -migrate-state`); the product only says so, and never touches the file.
 */
export function legacyStateNotices(outdir: string, stackNames: Iterable<string>): StackFolderNotice[] {
  const notices: StackFolderNotice[] = [];
  for (const name of stackNames) {
    const file = resolve(outdir, "stacks", name, "terraform.tfstate");
    if (!existsSync(file)) continue;
    notices.push({
      kind: "legacy-state",
      message: `warning: ${relative(process.cwd(), file) || file} holds state at the old location; run \`terraform init -migrate-state\` in its folder to move it to ${localStatePath(name)} (relative to that folder), or set backend.s3`,
    });
  }
  return notices;
}
