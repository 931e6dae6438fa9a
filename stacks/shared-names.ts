import type { ConfigProblem } from "../modules/api-gateway/validation/problems.js";
import type { StackConfig } from "./load-stack-configs.js";

/**
 * Where a stack's resource names live: AWS names (functions, roles, tables, log groups, API names) start with
 * the config's `name_prefix` and are unique per account and region. A config that names no account deploys to
 * whichever account its credentials reach, so two such configs are taken to share one.
 */
function nameScope(config: StackConfig): string | undefined {
  const settings = config.settings;
  if (!settings) return undefined;
  const prefix = config.module.model.namePrefix ?? "";
  return JSON.stringify([settings.account_id ?? null, settings.region, prefix]);
}

/** Problems for configs that make the same stack, or the same resource names in one account and region. */
export function sharedNameProblems(configs: readonly StackConfig[]): Map<StackConfig, ConfigProblem[]> {
  const problems = new Map<StackConfig, ConfigProblem[]>();
  const add = (config: StackConfig, problem: ConfigProblem) => problems.set(config, [...(problems.get(config) ?? []), problem]);
  const byStack = new Map<string, StackConfig>();
  const byScope = new Map<string, StackConfig>();
  // A Cognito domain prefix is taken for the whole region, whoever's account holds it.
  const byDomain = new Map<string, StackConfig>();
  for (const config of configs) {
    if (config.identity && config.settings) {
      const key = JSON.stringify([config.settings.region, config.identity.domainPrefix]);
      const sameDomain = byDomain.get(key);
      if (sameDomain) {
        add(config, {
          path: "identity.domain_prefix",
          message: `${config.file} and ${sameDomain.file} both use the Cognito domain "${config.identity.domainPrefix}" in ${config.settings.region}`,
          fix: "give each tenant environment its own identity.domain_prefix",
        });
      } else byDomain.set(key, config);
    }
    const sameStack = byStack.get(config.stackName);
    if (sameStack) {
      add(config, {
        path: "tenant",
        message: `${config.file} and ${sameStack.file} both make stack "${config.stackName}"`,
        fix: "give each tenant environment its own tenant/environment",
      });
    } else byStack.set(config.stackName, config);
    const scope = nameScope(config);
    if (scope === undefined) continue;
    const sameNames = byScope.get(scope);
    if (sameNames && !sameStack) {
      const account = config.settings!.account_id ? `account ${config.settings!.account_id}` : "the same (unnamed) account";
      add(config, {
        path: "name_prefix",
        message: `${config.file} and ${sameNames.file} both name their resources "${config.module.model.namePrefix ?? ""}" in ${config.settings!.region}, ${account}`,
        fix: "give each tenant environment its own name_prefix (or its own account_id)",
      });
    } else if (!sameNames) byScope.set(scope, config);
  }
  return problems;
}
