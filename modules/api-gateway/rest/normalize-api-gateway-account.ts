import { isToken } from "../common/lambda-arn.js";
import type { ApiGatewayAccountConfig } from "../config/rest-api.js";
import type { NormalizeContext } from "../validation/context.js";
import { joinPath, quote } from "../validation/problems.js";
import type { ApiGatewayAccountModel, RestApiModel } from "./rest-model.js";

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@\/-]+$/;
const ROLE_SUFFIX = "-apigw-cloudwatch";

/**
 * Whether the stack manages API Gateway's account-level CloudWatch Logs role. Only when a REST stage logs
 * (execution logs, or access logs to CloudWatch): otherwise the stack has no reason to touch an account setting.
 */
export function normalizeApiGatewayAccount(config: ApiGatewayAccountConfig | undefined, restApis: readonly RestApiModel[], ctx: NormalizeContext): ApiGatewayAccountModel {
  const mode = config?.cloudwatch_role ?? "create";
  const at = "api_gateway_account";
  const arn = config?.cloudwatch_role_arn;
  if (mode === "existing" && arn === undefined) {
    ctx.problems.error(joinPath(at, "cloudwatch_role_arn"), 'is required when cloudwatch_role is "existing"', "give the ARN of a role API Gateway can assume (with AmazonAPIGatewayPushToCloudWatchLogs)");
  } else if (mode !== "existing" && arn !== undefined) {
    ctx.problems.error(joinPath(at, "cloudwatch_role_arn"), `is set but cloudwatch_role is ${quote(mode)}`, 'set cloudwatch_role = "existing", or remove cloudwatch_role_arn');
  } else if (arn !== undefined && !isToken(arn) && !ROLE_ARN.test(arn)) {
    ctx.problems.error(joinPath(at, "cloudwatch_role_arn"), `${quote(arn)} is not an IAM role ARN`, "use arn:aws:iam::<account>:role/<name>");
  }
  const needed = restApis.some((api) => api.stages.some((stage) => stage.needsAccountLogging));
  if (!needed || mode === "none") return { mode: "none" };
  if (mode === "existing") return { mode: "existing", roleArn: arn ?? "" };
  const roleName = `${ctx.namePrefix}${ROLE_SUFFIX}`;
  if (roleName.length > 64) {
    ctx.problems.error(at, `the CloudWatch Logs role name ${quote(roleName)} would have ${roleName.length} characters, and IAM allows 64`, `shorten name_prefix to at most ${64 - ROLE_SUFFIX.length}, or set cloudwatch_role = "existing" with cloudwatch_role_arn`);
  }
  return { mode: "create", roleName };
}
