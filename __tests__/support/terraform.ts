import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs the real Terraform against a synthesized stack, offline: providers come from the mirror at
 * /opt/tf-plugins, and a test-only override file gives the aws provider fake credentials and tells it not to
 * call AWS. The override never ships in a user's stack.
 */
export const PLUGIN_DIR = process.env.TF_PLUGIN_DIR ?? "/opt/tf-plugins";

const FAKE_CREDENTIALS = {
  region: "us-east-1",
  access_key: "AKIAIOSFODNN7EXAMPLE",
  secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
  // Offline the account is unknown (skip_requesting_account_id), which a stack's account guard refuses.
  allowed_account_ids: null,
};

export interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly provider_name: string;
  readonly values: Record<string, any>;
}

export interface PlanResult {
  readonly resources: PlannedResource[];
  /** Planned output values (unknown ones are absent from `values` but listed in `unknownOutputs`). */
  readonly outputs: Record<string, { value?: unknown; sensitive: boolean }>;
  /** Per output: `after` holds the parts known at plan time, `after_unknown` marks the rest. */
  readonly outputChanges: Record<string, { after: any; after_unknown: any }>;
  readonly raw: any;
  /** Resource by address, failing loudly when absent. */
  resource(address: string): PlannedResource;
  ofType(type: string): PlannedResource[];
  /** Which attributes of a resource are known only after apply (true where unknown). */
  unknown(address: string): Record<string, any>;
}

function run(cwd: string, args: string[]): string {
  return execFileSync("terraform", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 512 * 1024 * 1024,
  });
}

/** The stack's aliased aws provider blocks (`aws.us_east_1` for EDGE certificates) by alias, with their region. */
function providerAliases(stackDir: string): Map<string, string | undefined> {
  const providers = JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8")).provider?.aws ?? [];
  return new Map((Array.isArray(providers) ? providers : [providers]).flatMap((p: { alias?: string; region?: string }) => (p.alias ? [[p.alias, p.region] as const] : [])));
}

/**
 * Copies a stack folder, adds the offline override, runs init, validate and plan; returns the planned values.
 * Aliased aws providers of the stack get the same fake credentials as the default one; `aliases` adds more.
 */
export function validateAndPlan(stackDir: string, options: { aliases?: string[]; keepAccountGuard?: boolean } = {}): PlanResult {
  const dir = mkdtempSync(join(tmpdir(), "apigw-plan-"));
  try {
    cpSync(stackDir, dir, { recursive: true });
    const stackAliases = providerAliases(stackDir);
    const aliases = [...new Set([...stackAliases.keys(), ...(options.aliases ?? [])])].sort();
    // An aliased provider that names its region (us-east-1 for EDGE certificates) keeps it.
    const credentials: Record<string, unknown> = { ...FAKE_CREDENTIALS };
    if (options.keepAccountGuard) delete credentials.allowed_account_ids;
    const providers = [credentials, ...aliases.map((alias) => ({ ...credentials, region: stackAliases.get(alias) ?? FAKE_CREDENTIALS.region, alias }))];
    writeFileSync(
      join(dir, "offline_override.tf.json"),
      JSON.stringify({ provider: { aws: providers }, terraform: { backend: { local: { path: "test.tfstate" } } } }),
    );
    run(dir, ["init", "-input=false", "-no-color", `-plugin-dir=${PLUGIN_DIR}`]);
    const validation = JSON.parse(run(dir, ["validate", "-json", "-no-color"])) as { valid: boolean; diagnostics: unknown[] };
    if (!validation.valid) throw new Error(`terraform validate failed: ${JSON.stringify(validation.diagnostics, null, 2)}`);
    run(dir, ["plan", "-refresh=false", "-input=false", "-no-color", "-lock=false", "-out=plan.tfplan"]);
    const raw = JSON.parse(run(dir, ["show", "-json", "plan.tfplan"]));
    const resources: PlannedResource[] = [];
    const collect = (module: any) => {
      resources.push(...(module?.resources ?? []));
      for (const child of module?.child_modules ?? []) collect(child);
    };
    collect(raw.planned_values?.root_module);
    const outputChanges = Object.fromEntries(Object.entries(raw.output_changes ?? {}).map(([k, v]: [string, any]) => [k, { after: v.after, after_unknown: v.after_unknown }]));
    return {
      resources,
      outputs: raw.planned_values?.outputs ?? {},
      outputChanges,
      raw,
      resource(address: string) {
        const found = resources.find((r) => r.address === address);
        if (!found) throw new Error(`no planned resource ${address}; planned: ${resources.map((r) => r.address).join(", ")}`);
        return found;
      },
      ofType(type: string) {
        return resources.filter((r) => r.type === type);
      },
      unknown(address: string) {
        const change = (raw.resource_changes ?? []).find((c: any) => c.address === address);
        if (!change) throw new Error(`no resource change for ${address}`);
        return change.change.after_unknown ?? {};
      },
    };
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${e.message}\n${e.stderr ?? ""}\n${e.stdout ?? ""}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readStack(stackDir: string): any {
  return JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8"));
}
