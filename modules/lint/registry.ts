import { apiQuotas } from "./rules/api-quotas.js";
import { authorizerCacheTenant } from "./rules/authorizer-cache-tenant.js";
import { cacheEncryption } from "./rules/cache-encryption.js";
import { corsCredentialsWildcard } from "./rules/cors-credentials-wildcard.js";
import { dataTrace } from "./rules/data-trace.js";
import { domainTls } from "./rules/domain-tls.js";
import { httpRouteAuthorization } from "./rules/http-route-authorization.js";
import { lambdaPolicySize } from "./rules/lambda-policy-size.js";
import { logGroupCmk } from "./rules/log-group-cmk.js";
import { optionsAuthorization } from "./rules/options-authorization.js";
import { requestValidation } from "./rules/request-validation.js";
import { restMethodAuthorization } from "./rules/rest-method-authorization.js";
import { restWaf } from "./rules/rest-waf.js";
import { stageAccessLogging } from "./rules/stage-access-logging.js";
import { stageThrottling } from "./rules/stage-throttling.js";
import { stageXray } from "./rules/stage-xray.js";
import type { LintRule } from "./types.js";

/** Every policy rule, in the order findings are reported. */
export const LINT_RULES: readonly LintRule[] = [
  stageAccessLogging,
  stageXray,
  cacheEncryption,
  dataTrace,
  restMethodAuthorization,
  httpRouteAuthorization,
  requestValidation,
  restWaf,
  domainTls,
  logGroupCmk,
  stageThrottling,
  corsCredentialsWildcard,
  authorizerCacheTenant,
  optionsAuthorization,
  lambdaPolicySize,
  apiQuotas,
];

export const RULE_IDS: readonly string[] = LINT_RULES.map((r) => r.id);
