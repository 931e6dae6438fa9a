import { readFileSync } from "node:fs";
import { parseHcl } from "../../stacks/hcl/parse-hcl.js";

/** A `module "<name>" { ... }` block of a `.tf` file, its arguments as `@cdktf/hcl2json` gives them. */
export interface ModuleBlock {
  readonly name: string;
  readonly source: unknown;
  readonly arguments: Record<string, unknown>;
}

/** Every module block of a `.tf` file, in file order as the parser gives them (sorted by name). */
export async function readModuleBlocks(file: string): Promise<ModuleBlock[]> {
  const parsed = await parseHcl(file, readFileSync(file, "utf8"));
  const modules = (parsed.module ?? {}) as Record<string, Record<string, unknown>[]>;
  return Object.entries(modules).flatMap(([name, bodies]) => bodies.map((body) => ({ name, source: body.source, arguments: body })));
}

/** Which module a block calls, from its `source`. */
export type ModuleKind = "product" | "apigateway-v2" | "other";

/** Inputs of the HCL module this product mirrors. */
export const PRODUCT_INPUTS = [
  "name_prefix",
  "rest_apis",
  "http_apis",
  "rest_api_custom_domains",
  "http_api_custom_domains",
  "vpc_links",
  "common_tags",
  "enable_cloudwatch_logs",
  "log_retention_days",
  "log_kms_key_id",
] as const;

export function moduleKind(block: ModuleBlock): ModuleKind {
  const source = typeof block.source === "string" ? block.source : "";
  if (/(^|\/)terraform-aws-modules\/apigateway-v2\/aws$|terraform-aws-modules\/terraform-aws-apigateway-v2/.test(source)) return "apigateway-v2";
  return PRODUCT_INPUTS.some((input) => input in block.arguments) ? "product" : "other";
}
