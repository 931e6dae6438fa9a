import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission/index.js";
import { Construct } from "constructs";
import type { LambdaPermissionModel } from "../model.js";
import { unqualifiedArnOf } from "./lambda-arn.js";

export interface InvokePermissionsProps {
  readonly permissions: readonly LambdaPermissionModel[];
  /** The API's execution ARN; the grant covers its stages, routes and authorizers (`<arn>/*`). */
  readonly executionArn: string;
  readonly address: (...keys: string[]) => string;
}

/** `aws_lambda_permission`s that let one API invoke the functions its integrations and authorizers name. */
export class InvokePermissions extends Construct {
  constructor(scope: Construct, id: string, props: InvokePermissionsProps) {
    super(scope, id);
    for (const permission of props.permissions) {
      new LambdaPermission(this, permission.key, {
        statementId: permission.statementId,
        action: "lambda:InvokeFunction",
        functionName: unqualifiedArnOf(permission.fn),
        qualifier: permission.fn.qualifier,
        principal: "apigateway.amazonaws.com",
        sourceArn: `${props.executionArn}/*`,
      }).overrideLogicalId(props.address("invoke", permission.key));
    }
  }
}
