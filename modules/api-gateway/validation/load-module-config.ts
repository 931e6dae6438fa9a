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
import { addressCollisions, keyedEntries, type KeyedSchema } from "../../common/address-collisions.js";
import { sortedEntries, type NormalizeContext } from "./context.js";
import { dropEchoesOfLeftOutEntries, leaveOutBrokenEntries, shapeSafe, wellTyped } from "./checkable-entries.js";
import { safeConfigCopy } from "../../common/config-keys.js";
import moduleSchema from "../../../schema/module-config.schema.json" with { type: "json" };
import { ConfigValidationError, ProblemCollector, joinPath, type ConfigProblem } from "./problems.js";
import { checkAgainstSchema, withoutNulls } from "./schema-check.js";

/** A checked config: the model the constructs take, and warnings to show the user. */
export interface LoadedModuleConfig {
  readonly model: ModuleModel;
  readonly warnings: readonly ConfigProblem[];
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
  const copyProblems: ConfigProblem[] = [];
  // The schema reads null as unset where a value is optional, as editors do (and refuses it elsewhere, such as a
  // reserved tag key); the rules below see no nulls.
  const checked = safeConfigCopy(input, copyProblems, "", { keepNulls: true });
  const schemaProblems = checkAgainstSchema(checked);
  const config = withoutNulls(checked) as ApiGatewayModuleConfig;
  // The normalizers read a copy from which broken entries can be left out; a valid config needs no copy.
  const pruned = schemaProblems.length + copyProblems.length > 0 ? structuredClone(config) : config;
  const entries = keyedEntries(pruned, moduleSchema as unknown as KeyedSchema);
  // One push per problem: spreading a list of 100,000 problems into push() overflows the call stack.
  for (const list of [copyProblems, schemaProblems, addressCollisions(entries)]) for (const p of list) problems.problems.push(p);
  // A broken name_prefix is reported above; the rules below still run (with a stand-in) so that they report too.
  const namePrefix = problems.hasErrorsUnder("name_prefix") ? "x" : config.name_prefix;
  const commonTags = problems.hasErrorsUnder("common_tags") ? {} : (config.common_tags ?? {});
  const kmsKeyId = problems.hasErrorsUnder("log_kms_key_id") ? undefined : (config.log_kms_key_id ?? undefined);
  // An unknown key (a typo) is reported but does not keep its entry from the cross-reference checks below; an
  // entry below an API (a route, a method) with a wrong value is left out of them alone, not with its whole API.
  const structural = new ProblemCollector();
  for (const p of [...copyProblems, ...schemaProblems]) if (p.message !== "unknown key") structural.problems.push(p);
  const leftOut = leaveOutBrokenEntries(entries, structural);
  const checkedFrom = problems.problems.length;

  // The schema keeps it to the values CloudWatch accepts (LogRetentionDays).
  const retention = problems.hasErrorsUnder("log_retention_days") ? 14 : (config.log_retention_days ?? 14);
  const vpcLinks = wellTyped(pruned.vpc_links, "vpc_links", structural);
  const ctx: NormalizeContext = {
    namePrefix,
    commonTags,
    logs: { createLogGroups: config.enable_cloudwatch_logs !== false, retentionDays: retention, kmsKeyId },
    vpcLinkKinds: vpcLinkKinds(vpcLinks),
    problems,
  };
  const httpApis = wellTyped(pruned.http_apis, "http_apis", structural);
  const certificateRequests: CertificateRequest[] = [];
  const vpcLinkModels = normalizeVpcLinks(vpcLinks, ctx);
  const httpModel = {
    vpcLinks: vpcLinkModels,
    httpApis: sortedEntries(httpApis).map(([key, api]) => normalizeHttpApi(key, api, ctx)),
    httpDomains: normalizeHttpDomains(wellTyped(pruned.http_api_custom_domains, "http_api_custom_domains", structural), shapeSafe(config.http_apis, "http_apis", structural), ctx, certificateRequests),
  };
  const httpApiKeys = new Set(Object.keys(shapeSafe(config.http_apis, "http_apis", structural)));
  for (const [key] of sortedEntries(shapeSafe(config.rest_apis, "rest_apis", structural))) {
    if (httpApiKeys.has(key)) {
      problems.error(joinPath("rest_apis", key), `${JSON.stringify(key)} is also an http_apis key; both would name the same Lambda permissions, log groups and summary entries`, "rename one of them");
    }
  }
  const restApis = sortedEntries(wellTyped(pruned.rest_apis, "rest_apis", structural)).map(([key, api]) => normalizeRestApi(key, api, ctx, vpcLinkModels));
  const httpDomainNames = new Map(sortedEntries(config.http_api_custom_domains).map(([key, d]) => [d.domain_name, key]));
  const model: ModuleModel = {
    namePrefix,
    commonTags: ctx.commonTags,
    logs: ctx.logs,
    ...httpModel,
    restApis,
    restDomains: normalizeRestDomains(wellTyped(pruned.rest_api_custom_domains, "rest_api_custom_domains", structural), shapeSafe(config.rest_apis, "rest_apis", structural), httpDomainNames, ctx, certificateRequests),
    managedCertificates: planCertificates(certificateRequests, ctx.commonTags, problems),
    apiGatewayAccount: normalizeApiGatewayAccount(structural.hasErrorsUnder("api_gateway_account") ? undefined : config.api_gateway_account, restApis, ctx),
  };
  dropEchoesOfLeftOutEntries(problems, checkedFrom, leftOut);
  if (problems.problems.length > 0) throw new ConfigValidationError(problems.problems, undefined, problems.warnings);
  return { model, warnings: problems.warnings };
}
