import { basename } from "node:path";
import { loadModuleConfig, type LoadedModuleConfig } from "../modules/api-gateway/validation/load-module-config.js";
import { ConfigValidationError, ProblemCollector, type ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import type { ApiGatewayModuleConfig } from "../modules/api-gateway/config/module-inputs.js";
import { checkApplicationConfig } from "../modules/application/check-application-config.js";
import type { ApplicationModel } from "../modules/application/model.js";
import { mountApplication } from "../modules/application/mount-application.js";
import { checkWafSettings } from "../modules/security/check-waf-settings.js";
import { checkIdentityConfig } from "../modules/identity/check-identity-config.js";
import type { IdentityModel } from "../modules/identity/model.js";
import { checkStackSettings } from "./check-stack-settings.js";
import { withEncryptionKey } from "./encryption-key.js";
import { STACK_SETTING_KEYS, type StackSettings } from "./environment-config.js";
import { safeConfigCopy } from "../modules/common/config-keys.js";
import { withoutNulls } from "../modules/api-gateway/validation/schema-check.js";
import { tokenTextProblems } from "./token-text.js";
import type { RawConfig } from "./read-config-files.js";

/** A checked config, ready to become a stack. */
export interface StackConfig {
  readonly file: string;
  /** `<tenant>-<environment>`, or for a bare module config the file name without extensions. */
  readonly stackName: string;
  /** Undefined for a bare module config (a tfvars-style file of module inputs only). */
  readonly settings?: StackSettings;
  readonly module: LoadedModuleConfig;
  /** The bundled handlers, when the config has an `application` section. */
  readonly application?: ApplicationModel;
  /** The Cognito user pool, when the config has an `identity` section. */
  readonly identity?: IdentityModel;
}

/** The outcome for one file: its stack config, or its problems; warnings either way. */
export interface StackConfigResult {
  readonly file: string;
  readonly config?: StackConfig;
  readonly problems: readonly ConfigProblem[];
  readonly warnings: readonly ConfigProblem[];
}

/** `orders.tfvars.json` → `orders`. */
export function stackNameFromFile(file: string): string {
  return basename(file).replace(/\..*$/, "");
}

/**
 * A config that names a tenant or environment is a tenant environment config (stack settings plus module
 * inputs); any other is a bare module config, as a `terraform.tfvars.json` for the HCL module is.
 */
export function checkStackConfig(raw: RawConfig): StackConfigResult {
  if ("error" in raw) return { file: raw.file, problems: [{ path: "config", message: `cannot be read: ${raw.error}` }], warnings: [] };
  if ("untranslated" in raw) return { file: raw.file, problems: raw.untranslated, warnings: [] };
  if (raw.value === null || typeof raw.value !== "object" || Array.isArray(raw.value)) {
    const said = raw.problems?.some((p) => p.path === "config");
    return { file: raw.file, problems: [...(raw.problems ?? []), ...(said ? [] : [{ path: "config", message: "must be an object", fix: "export an object of module inputs" }])], warnings: [] };
  }
  // Bad keys and runaway nesting are reported here once; every check below walks the safe copy.
  const readProblems: ConfigProblem[] = [...(raw.problems ?? [])];
  // Nulls stay: each section's schema reads them (as editors do) before its rules drop them.
  const value = safeConfigCopy(raw.value, readProblems, "", { keepNulls: true }) as Record<string, unknown>;
  tokenTextProblems(value, "", readProblems);
  // `$schema` points editors at schema/module-config.schema.json; it is not an input.
  const { $schema: _schema, ...written } = value;
  const record = withEncryptionKey(written);
  const isEnvironment = "tenant" in record || "environment" in record;
  const moduleInputs = isEnvironment ? Object.fromEntries(Object.entries(record).filter(([k]) => !(STACK_SETTING_KEYS as readonly string[]).includes(k))) : record;
  const stack = isEnvironment ? checkStackSettings(record) : { settings: undefined, problems: [] };
  const app = new ProblemCollector();
  const application =
    isEnvironment && record.application != null
      ? checkApplicationConfig(record.application, moduleFacts(withoutNulls(moduleInputs) as Record<string, unknown>), String(record.environment ?? ""), app, { identity: record.identity != null })
      : undefined;
  const identity = isEnvironment ? checkIdentityConfig(record.identity, { application: record.application, applicationModel: application }, app) : undefined;
  const mounted = application ? mountApplication(moduleInputs as unknown as ApiGatewayModuleConfig, application, app) : moduleInputs;
  let module: LoadedModuleConfig | undefined;
  let moduleProblems: readonly ConfigProblem[] = [];
  let warnings: readonly ConfigProblem[] = app.warnings;
  try {
    module = loadModuleConfig(mounted);
    warnings = [...warnings, ...module.warnings];
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    moduleProblems = error.problems;
    warnings = [...warnings, ...error.warnings];
  }
  const wafProblems = module && isEnvironment ? checkWafSettings(record.waf, module.model) : [];
  const problems = [...readProblems, ...stack.problems, ...app.problems, ...moduleProblems, ...wafProblems];
  if (problems.length > 0 || !module) return { file: raw.file, problems, warnings };
  const stackName = stack.settings ? `${stack.settings.tenant}-${stack.settings.environment}` : stackNameFromFile(raw.file);
  return { file: raw.file, config: { file: raw.file, stackName, settings: stack.settings, module, application, identity }, problems: [], warnings };
}

function moduleFacts(inputs: Record<string, unknown>) {
  return {
    namePrefix: inputs.name_prefix,
    httpApis: inputs.http_apis,
    restApis: inputs.rest_apis,
    logRetentionDays: inputs.log_retention_days,
    commonTags: inputs.common_tags,
  };
}
