import { ApiGatewayAccount } from "@cdktf/provider-aws/lib/api-gateway-account/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { Construct } from "constructs";
import { address } from "../common/addresses.js";
import type { Tags } from "../config/common.js";
import { tagsArgument } from "../common/tags.js";
import { addressOf, dependsOnAddresses } from "./literal-depends-on.js";
import type { ApiGatewayAccountModel } from "./rest-model.js";

/** What AmazonAPIGatewayPushToCloudWatchLogs allows, inline so that the stack names no partition. */
const PUSH_TO_CLOUDWATCH_LOGS = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:PutLogEvents", "logs:GetLogEvents", "logs:FilterLogEvents"],
      Resource: "*",
    },
  ],
});

const ASSUMED_BY_API_GATEWAY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "apigateway.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

/**
 * API Gateway's account-level CloudWatch Logs role (`aws_api_gateway_account`), and with `create` the IAM role it
 * names. One setting per account and region: see `api_gateway_account` in the config.
 */
export class ApiGatewayAccountSettings extends Construct {
  readonly account: ApiGatewayAccount;
  /** The account setting's address, for `depends_on` of the stages that log. */
  readonly address: string;

  constructor(scope: Construct, id: string, props: { readonly model: Exclude<ApiGatewayAccountModel, { mode: "none" }>; readonly tags: Tags; readonly addressPrefix: string }) {
    super(scope, id);
    const at = address(props.addressPrefix, "api_gateway_cloudwatch");
    let roleArn: string;
    let waitFor: IamRolePolicy[] = [];
    if (props.model.mode === "create") {
      const role = new IamRole(this, "role", { name: props.model.roleName, assumeRolePolicy: ASSUMED_BY_API_GATEWAY, tags: tagsArgument(props.tags) });
      role.overrideLogicalId(at);
      const policy = new IamRolePolicy(this, "policy", { name: "push-to-cloudwatch-logs", role: role.name, policy: PUSH_TO_CLOUDWATCH_LOGS });
      policy.overrideLogicalId(at);
      roleArn = role.arn;
      waitFor = [policy];
    } else {
      roleArn = props.model.roleArn;
    }
    // AWS checks that the role can write logs when the setting is made, so it waits for the policy.
    this.account = new ApiGatewayAccount(this, "account", { cloudwatchRoleArn: roleArn });
    this.account.overrideLogicalId(at);
    dependsOnAddresses(this.account, waitFor.map((policy) => addressOf(policy, at)));
    this.address = addressOf(this.account, at);
  }
}
