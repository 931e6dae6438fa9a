import type { ModuleBlock } from "./module-blocks.js";
import type { Translation } from "./translation.js";

/** Arguments every module block may have that are Terraform's, not the module's. */
const META_ARGUMENTS = ["source", "version", "providers", "depends_on", "count", "for_each"];

/**
 * A block of the HCL module this product mirrors: its arguments are this product's inputs as they are. Terraform's
 * own meta-arguments are not inputs; `count`/`for_each` cannot be represented, the rest are noted.
 */
export function translateProductModule(block: ModuleBlock, values: Record<string, unknown>, untranslated: Translation["untranslated"]): Translation {
  const notes: Translation["notes"] = [];
  for (const meta of ["count", "for_each"]) {
    if (meta in block.arguments) untranslated.push({ path: meta, message: "repeats the module block, which one config cannot express", fix: "import one block per config, or write one config per instance" });
  }
  for (const meta of ["version", "providers", "depends_on"]) {
    if (meta in block.arguments) notes.push({ path: meta, message: "left out: it is Terraform's, not a module input (a tenant environment config sets the region and backend)" });
  }
  const config = Object.fromEntries(Object.entries(values).filter(([key]) => !META_ARGUMENTS.includes(key)));
  return { config, notes, untranslated };
}
