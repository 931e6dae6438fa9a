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
 * Copies a stack folder, adds the offline override, runs init and plan (which validates first); returns the planned values.
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
    // No separate `terraform validate`: plan runs the same validation first (its trace says "backend/local: running
    // validation operation") and fails on what validate would refuse, so a second provider start buys nothing.
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

/** What AWS would have filled in for computed ARNs, ids, URLs and API key values that the plan could not know. */
function madeUpComputed(type: string, name: string, attributes: Record<string, { type: unknown; computed?: boolean }>): Record<string, unknown> {
  const account = "123456789012";
  const made: Record<string, unknown> = {};
  for (const [attribute, schema] of Object.entries(attributes)) {
    const generatedKey = type === "aws_api_gateway_api_key" && attribute === "value";
    if (!schema.computed || schema.type !== "string" || !(generatedKey || /(^|_)(arn|id|url)$/.test(attribute))) continue;
    if (type === "aws_lambda_function" && attribute === "invoke_arn") {
      made[attribute] = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:${account}:function:${name}/invocations`;
    } else if (attribute.endsWith("arn")) {
      made[attribute] = type.startsWith("aws_iam_") ? `arn:aws:iam::${account}:role/${name}` : `arn:aws:${type.split("_")[1]}:us-east-1:${account}:${type}/${name}`;
    } else made[attribute] = `${attribute}-${name}`;
  }
  return made;
}

/** One resource's planned change: its address and Terraform's actions (`["no-op"]`, `["update"]`, `["delete", "create"]`, ...). */
export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  readonly actions: readonly string[];
  /** Top-level attributes whose planned value differs from the state's. */
  readonly changed: readonly string[];
}

/** `${type.name.attribute}`, a reference the product writes; `$${` is literal text, never a reference. */
const REFERENCE = /(?<!\$)\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}/g;

/**
 * Fills in what the first plan could not know because it referred to another resource's computed attribute
 * (`key_id = ${aws_api_gateway_api_key.x.id}`, `"${aws_x.y.arn}/*"`): as apply would have, from the referenced
 * resource's (made-up) attributes, at any depth of the configuration. Text that holds anything besides such
 * references (function calls) stays unknown. Repeated until nothing more resolves (references to references).
 */
function fillReferences(stack: any, resources: { type: string; name: string; instances: { attributes: Record<string, unknown> }[] }[]): void {
  const byAddress = new Map(resources.map((r) => [`${r.type}.${r.name}`, r.instances[0]!.attributes]));
  const resolveText = (text: string): string | undefined => {
    if (!text.includes("${")) return undefined;
    let complete = true;
    const out = text.replace(REFERENCE, (whole, type: string, name: string, attribute: string) => {
      const value = byAddress.get(`${type}.${name}`)?.[attribute];
      if (typeof value !== "string") complete = false;
      return typeof value === "string" ? value : whole;
    });
    return complete && !/(?<!\$)\$\{/.test(out) ? out : undefined;
  };
  // Config (from cdk.tf.json) against planned values: blocks are objects, or lists of objects, in both.
  const fill = (config: unknown, planned: Record<string, unknown>): boolean => {
    let changed = false;
    for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
      if (typeof value === "string") {
        if (planned[key] !== undefined && planned[key] !== null) continue;
        const resolved = resolveText(value);
        if (resolved !== undefined) {
          planned[key] = resolved;
          changed = true;
        }
      } else if (Array.isArray(value) && value.every((item) => typeof item === "string") && (planned[key] === undefined || planned[key] === null)) {
        const resolved = value.map((item) => resolveText(item) ?? (item.includes("${") ? undefined : item));
        if (resolved.every((item) => item !== undefined)) {
          planned[key] = resolved;
          changed = true;
        }
      } else if (Array.isArray(value) && Array.isArray(planned[key])) {
        value.forEach((item, i) => {
          const target = (planned[key] as unknown[])[i];
          if (item && typeof item === "object" && target && typeof target === "object") changed = fill(item, target as Record<string, unknown>) || changed;
        });
      } else if (value && typeof value === "object" && Array.isArray(planned[key]) && (planned[key] as unknown[]).length === 1) {
        changed = fill(value, (planned[key] as Record<string, unknown>[])[0]!) || changed;
      } else if (value && typeof value === "object" && planned[key] && typeof planned[key] === "object") {
        changed = fill(value, planned[key] as Record<string, unknown>) || changed;
      }
    }
    return changed;
  };
  for (let round = 0; round < 5; round++) {
    let changed = false;
    for (const [type, byName] of Object.entries((stack.resource ?? {}) as Record<string, Record<string, unknown>>)) {
      for (const [name, body] of Object.entries(byName)) {
        const attributes = byAddress.get(`${type}.${name}`);
        if (attributes) changed = fill(body, attributes) || changed;
      }
    }
    if (!changed) return;
  }
}

/**
 * Plans `afterStackDir` against a state as if `beforeStackDir` had been applied: the first stack is planned
 * offline, its planned values (with a made-up `id` and ARNs for each resource, references between resources
 * filled in from those, and nothing for other values only AWS would know) become a v4 state file, and the second
 * stack is planned against it. Attributes AWS alone computes are absent from that state, so a resource whose
 * configuration depends on them may still plan a change that a real state would not.
 */
export function planChange(beforeStackDir: string, afterStackDir: string): PlannedChange[] {
  const dir = mkdtempSync(join(tmpdir(), "apigw-change-"));
  try {
    cpSync(beforeStackDir, dir, { recursive: true });
    writeFileSync(
      join(dir, "offline_override.tf.json"),
      JSON.stringify({ provider: { aws: [{ ...FAKE_CREDENTIALS }] }, terraform: { backend: { local: { path: "test.tfstate" } } } }),
    );
    run(dir, ["init", "-input=false", "-no-color", `-plugin-dir=${PLUGIN_DIR}`]);
    run(dir, ["plan", "-refresh=false", "-input=false", "-no-color", "-lock=false", "-out=before.tfplan"]);
    const before = JSON.parse(run(dir, ["show", "-json", "before.tfplan"]));
    const schemas = JSON.parse(run(dir, ["providers", "schema", "-json"])).provider_schemas as Record<
      string,
      { resource_schemas: Record<string, { version: number; block: { attributes?: Record<string, { type: unknown; computed?: boolean; sensitive?: boolean }> } }> }
    >;
    const aws = Object.entries(schemas).find(([name]) => name.endsWith("/aws"))!;
    const resources = (before.planned_values.root_module.resources as { address: string; mode: string; type: string; name: string; values: Record<string, unknown> }[]).map((r) => ({
      mode: r.mode,
      type: r.type,
      name: r.name,
      provider: `provider["${aws[0]}"]`,
      instances: [
        {
          schema_version: aws[1].resource_schemas[r.type]!.version,
          attributes: { ...madeUpComputed(r.type, r.name, aws[1].resource_schemas[r.type]!.block.attributes ?? {}), ...r.values, id: `id-${r.name}` },
          // As apply records them: a sensitive attribute unmarked in state would plan as an update.
          sensitive_attributes: Object.entries(aws[1].resource_schemas[r.type]!.block.attributes ?? {})
            .filter(([, a]) => a.sensitive)
            .map(([attribute]) => [{ type: "get_attr", value: attribute }]),
        },
      ],
    }));
    fillReferences(readStack(beforeStackDir), resources);
    const version = JSON.parse(run(dir, ["version", "-json"])).terraform_version as string;
    writeFileSync(join(dir, "test.tfstate"), JSON.stringify({ version: 4, terraform_version: version, serial: 1, lineage: "planned-state", outputs: {}, resources }));
    rmSync(join(dir, "cdk.tf.json"));
    cpSync(afterStackDir, dir, { recursive: true });
    run(dir, ["plan", "-refresh=false", "-input=false", "-no-color", "-lock=false", "-out=after.tfplan"]);
    const after = JSON.parse(run(dir, ["show", "-json", "after.tfplan"]));
    return (after.resource_changes ?? []).map((c: any) => ({
      address: c.address,
      type: c.type,
      actions: c.change.actions,
      changed: Object.keys({ ...c.change.before, ...c.change.after, ...c.change.after_unknown })
        .filter((k) => c.change.after_unknown?.[k] === true || JSON.stringify(c.change.before?.[k]) !== JSON.stringify(c.change.after?.[k]))
        .sort(),
    }));
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${e.message}\n${e.stderr ?? ""}\n${e.stdout ?? ""}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
