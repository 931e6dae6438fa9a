// Each aws_lambda_function of the stack as the local gateway runs it: its package (the zip the stack
// ships, checked against source_code_hash), handler, timeout, memory and environment, with references
// resolved to local stand-ins.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { StackResources } from "../stack/stack-resources.js";
import { literalText, UnresolvableReference } from "../stack/terraform-text.js";
import { zipEntries } from "./zip-entries.js";

export interface LocalFunction {
  /** `aws_lambda_function.<name>` */
  readonly address: string;
  readonly functionName: string;
  readonly arn: string;
  /** `index.handler`: file `index` (.js, .mjs, .cjs), export `handler`. */
  readonly handler: string;
  readonly runtime: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly reservedConcurrency: number | undefined;
  /** The stack's environment variables, references resolved. */
  readonly environment: Readonly<Record<string, string>>;
  /** The unpacked package. */
  readonly codeDir: string;
}

export class FunctionSetupError extends Error {
  override name = "FunctionSetupError";
}

/** Every function of the stack, unpacked under `workDir/<name>/`. */
export function localFunctions(stack: StackResources, workDir: string): Map<string, LocalFunction> {
  const functions = new Map<string, LocalFunction>();
  for (const [name, body] of stack.all("aws_lambda_function")) {
    const address = `aws_lambda_function.${name}`;
    const functionName = stack.render(String(body.function_name ?? name));
    const environment: Record<string, string> = {};
    for (const [key, value] of Object.entries((body.environment?.variables ?? {}) as Record<string, unknown>)) {
      try {
        environment[literalText(key)] = stack.render(String(value));
      } catch (error) {
        if (!(error instanceof UnresolvableReference)) throw error;
        throw new FunctionSetupError(`${address}: environment variable ${key}: ${error.message}`);
      }
    }
    if (typeof body.filename !== "string") throw new FunctionSetupError(`${address}: only packages given by filename run locally (image and S3 packages do not)`);
    const zipFile = resolve(stack.dir, stack.render(body.filename));
    if (!existsSync(zipFile)) throw new FunctionSetupError(`${address}: package ${zipFile} does not exist`);
    const zip = readFileSync(zipFile);
    if (typeof body.source_code_hash === "string" && !body.source_code_hash.includes("${")) {
      const actual = createHash("sha256").update(zip).digest("base64");
      if (actual !== body.source_code_hash) throw new FunctionSetupError(`${address}: source_code_hash does not match ${zipFile}; synthesize again`);
    }
    const codeDir = join(workDir, name);
    for (const [entry, data] of zipEntries(zip)) {
      const target = resolve(codeDir, entry);
      if (!target.startsWith(codeDir)) throw new FunctionSetupError(`${address}: package entry ${entry} escapes the package`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    }
    functions.set(address, {
      address,
      functionName,
      arn: stack.standIn({ type: "aws_lambda_function", name, attribute: "arn" }),
      handler: String(body.handler ?? "index.handler"),
      runtime: String(body.runtime ?? ""),
      timeoutSeconds: Number(body.timeout ?? 3),
      memoryMb: Number(body.memory_size ?? 128),
      reservedConcurrency: typeof body.reserved_concurrent_executions === "number" && body.reserved_concurrent_executions >= 0 ? body.reserved_concurrent_executions : undefined,
      environment,
      codeDir,
    });
  }
  return functions;
}
