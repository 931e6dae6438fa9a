import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function/index.js";
import { AssetType, TerraformAsset } from "cdktf";
import { Construct } from "constructs";
import { LAMBDA_ASSUME_ROLE_POLICY, policyDocument, type PolicyStatement } from "./policy-statement.js";
import { tagsArgument } from "../api-gateway/common/tags.js";

/** A built handler: the deterministic zip and the base64 SHA-256 of its bytes. */
export interface HandlerArtifact {
  readonly zipPath: string;
  readonly sha256Base64: string;
}

export interface BundledFunctionProps {
  /** Terraform name shared by the function, its role, policy and log group. */
  readonly logicalId: string;
  readonly functionName: string;
  readonly description: string;
  readonly artifact: HandlerArtifact;
  readonly memorySize: number;
  readonly timeout: number;
  readonly reservedConcurrency?: number;
  /** X-Ray active tracing (else PassThrough). */
  readonly tracing: boolean;
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetentionDays: number;
  readonly logKmsKeyId?: string;
  /** What the function may do beyond writing its logs and traces, naming exact resources. */
  readonly statements: readonly PolicyStatement[];
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A bundled handler as a Lambda function (nodejs22.x, arm64) with its own role, a least-privilege inline
 * policy (its log group, X-Ray, and the statements given), and a log group with retention created before the
 * function, so Lambda never creates one without retention.
 */
export class BundledFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);
    const tags = tagsArgument({ ...props.tags });
    const asset = new TerraformAsset(this, "code", { path: props.artifact.zipPath, type: AssetType.FILE });
    this.logGroup = new CloudwatchLogGroup(this, "logs", {
      name: `/aws/lambda/${props.functionName}`,
      retentionInDays: props.logRetentionDays,
      kmsKeyId: props.logKmsKeyId,
      tags,
    });
    this.logGroup.overrideLogicalId(props.logicalId);
    this.role = new IamRole(this, "role", { name: `${props.functionName}-lambda`, assumeRolePolicy: LAMBDA_ASSUME_ROLE_POLICY, tags });
    this.role.overrideLogicalId(props.logicalId);
    const statements: PolicyStatement[] = [
      { Sid: "WriteOwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${this.logGroup.arn}:*`] },
      ...(props.tracing ? [{ Sid: "WriteTraces", Effect: "Allow" as const, Action: ["xray:PutTelemetryRecords", "xray:PutTraceSegments"], Resource: ["*"] }] : []),
      ...props.statements,
    ];
    const policy = new IamRolePolicy(this, "policy", { name: "least-privilege", role: this.role.id, policy: policyDocument(statements) });
    policy.overrideLogicalId(props.logicalId);
    this.function = new LambdaFunction(this, "function", {
      functionName: props.functionName,
      description: props.description,
      runtime: "nodejs22.x",
      architectures: ["arm64"],
      handler: "index.handler",
      filename: asset.path,
      sourceCodeHash: props.artifact.sha256Base64,
      role: this.role.arn,
      memorySize: props.memorySize,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrency,
      tracingConfig: { mode: props.tracing ? "Active" : "PassThrough" },
      environment: { variables: { ...props.environment } },
      loggingConfig: { logFormat: "Text", logGroup: this.logGroup.name },
      tags,
      dependsOn: [this.logGroup, policy],
    });
    this.function.overrideLogicalId(props.logicalId);
  }
}
