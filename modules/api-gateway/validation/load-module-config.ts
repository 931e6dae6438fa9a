import type { ApiGatewayModuleConfig } from "../config/module-inputs.js";
import { normalizeHttpDomains } from "../domains/normalize-http-domains.js";
import type { CertificateRequest } from "../domains/normalize-managed-domain.js";
import { planCertificates } from "../domains/plan-certificates.js";
import { normalizeRestDomains } from "../domains/rest-normalize-domains.js";
import { normalizeHttpApi } from "../http/normalize-http-api.js";
import type { ModuleModel } from "../model.js";
import { normalizeApiGatewayAccount } from "../rest/normalize-api-gateway-account.js";
import { normalizeRestApi } from "../rest/normalize-rest-api.js";
import { normalizeVpcLinks, vpcLinkKinds } from "../vpc-links/normalize-vpc-links.js";
import { sortedEntries, type NormalizeContext } from "./context.js";
import { ConfigValidationError, ProblemCollector, joinPath, type ConfigProblem } from "./problems.js";
import { checkAgainstSchema, withoutNulls } from "./schema-check.js";

/** A checked config: the model the constructs take, and warnings to show the user. */
export interface LoadedModuleConfig {
  readonly model: ModuleModel;
  readonly warnings: readonly ConfigProblem[];
}

/** Entries of a map whose subtree passed the structural check; the rules below assume well-typed values. */
function wellTyped<T>(map: Record<string, T> | undefined, mapPath: string, problems: ProblemCollector): Record<string, T> {
  // A "map" that is not an object failed the structural check itself (a string's entries would be its characters).
  if (map === null || typeof map !== "object" || Array.isArray(map)) return {};
  return Object.fromEntries(sortedEntries(map).filter(([key]) => !problems.hasErrorsUnder(joinPath(mapPath, key))));
}

/**
 * The one validation pass: structure (keys, types, enums, ranges) against the schema generated from the
 * config types, then cross-references and AWS's rules. Returns the defaulted model, or throws a
 * ConfigValidationError carrying every problem found.
 */
export function loadModuleConfig(input: unknown): LoadedModuleConfig {
  const problems = new ProblemCollector();
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new ConfigValidationError([{ path: "config", message: "must be an object of module inputs", fix: "start from examples/*.tfvars.json" }]);
  }
  // The schema reads null as unset where a value is optional, as editors do; the rules below see no nulls.
  problems.problems.push(...checkAgainstSchema(input));
  const config = withoutNulls(input) as ApiGatewayModuleConfig;
  if (problems.hasErrorsUnder("name_prefix")) throw new ConfigValidationError(problems.problems);

  // The schema keeps it to the values CloudWatch accepts (LogRetentionDays).
  const retention = config.log_retention_days ?? 14;
  const vpcLinks = wellTyped(config.vpc_links, "vpc_links", problems);
  const ctx: NormalizeContext = {
    namePrefix: config.name_prefix,
    commonTags: config.common_tags ?? {},
    logs: { createLogGroups: config.enable_cloudwatch_logs ?? true, retentionDays: retention, kmsKeyId: config.log_kms_key_id ?? undefined },
    vpcLinkKinds: vpcLinkKinds(vpcLinks),
    problems,
  };
  const httpApis = wellTyped(config.http_apis, "http_apis", problems);
  const certificateRequests: CertificateRequest[] = [];
  const vpcLinkModels = normalizeVpcLinks(vpcLinks, ctx);
  const httpModel = {
    vpcLinks: vpcLinkModels,
    httpApis: sortedEntries(httpApis).map(([key, api]) => normalizeHttpApi(key, api, ctx)),
    httpDomains: normalizeHttpDomains(wellTyped(config.http_api_custom_domains, "http_api_custom_domains", problems), config.http_apis, ctx, certificateRequests),
  };
  for (const [key] of sortedEntries(config.rest_apis)) {
    if (config.http_apis?.[key] !== undefined) {
      problems.error(joinPath("rest_apis", key), `${JSON.stringify(key)} is also an http_apis key; both would name the same Lambda permissions, log groups and summary entries`, "rename one of them");
    }
  }
  const restApis = sortedEntries(wellTyped(config.rest_apis, "rest_apis", problems)).map(([key, api]) => normalizeRestApi(key, api, ctx, vpcLinkModels));
  const httpDomainNames = new Map(sortedEntries(config.http_api_custom_domains).map(([key, d]) => [d.domain_name, key]));
  const model: ModuleModel = {
    namePrefix: config.name_prefix,
    commonTags: ctx.commonTags,
    logs: ctx.logs,
    ...httpModel,
    restApis,
    restDomains: normalizeRestDomains(wellTyped(config.rest_api_custom_domains, "rest_api_custom_domains", problems), config.rest_apis, httpDomainNames, ctx, certificateRequests),
    managedCertificates: planCertificates(certificateRequests, ctx.commonTags, problems),
    apiGatewayAccount: normalizeApiGatewayAccount(problems.hasErrorsUnder("api_gateway_account") ? undefined : config.api_gateway_account, restApis, ctx),
  };
  if (problems.problems.length > 0) throw new ConfigValidationError(problems.problems, undefined, problems.warnings);
  return { model, warnings: problems.warnings };
}
