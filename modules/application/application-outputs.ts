import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { TERRAFORM_NULL } from "../common/terraform-expression.js";
import type { ApplicationTables } from "../data/application-tables.js";
import type { BundledFunction } from "../lambda-function/bundled-function.js";
import type { MountedApi } from "./application-runtime.js";
import type { ApplicationModel, FunctionName } from "./model.js";

export interface ApplicationOutputsProps {
  readonly model: ApplicationModel;
  readonly api: MountedApi;
  readonly functions: ReadonlyMap<FunctionName, BundledFunction>;
  readonly tables?: ApplicationTables;
  readonly alarmTopicArn?: string;
  readonly region?: string;
}

/**
 * The serverless gateway deployment's outputs, so its runbooks (`terraform output -raw api_gateway_url`, ...) keep working.
 * `lambda_function_name` is the health function's, which answers the serverless gateway deployment's `aws lambda invoke` smoke test;
 * `lambda_function_names` lists every function.
 */
const NULL = TERRAFORM_NULL;

export function createApplicationOutputs(scope: Construct, props: ApplicationOutputsProps): void {
  const { model, api } = props;
  const name = (fn: FunctionName) => props.functions.get(fn)?.function.functionName;
  const functionNames = Object.fromEntries([...props.functions].map(([fn, bundled]) => [fn, bundled.function.functionName]));
  const output = (id: string, value: unknown, description: string) => new TerraformOutput(scope, id, { value, description }).overrideLogicalId(id);
  output("api_gateway_url", api.url ?? NULL, "Base URL of the API the handlers are mounted on");
  output("lambda_function_name", name("health") ?? name("catalog") ?? NULL, "Health function (the serverless gateway deployment's smoke test invokes it); see lambda_function_names");
  output("lambda_function_names", functionNames, "Every bundled function, by handler");
  output("sessions_table_name", props.tables?.sessions.table.name ?? NULL, "DynamoDB table of idempotency records (TTL)");
  output("rate_limits_table_name", props.tables?.rateLimits.table.name ?? NULL, "DynamoDB table of rate-limit counters (TTL)");
  output("api_access_log_group_name", api.accessLogGroupName ?? NULL, "Access-log group of the API's first stage");
  output(
    "deployment_summary",
    {
      environment: model.environment,
      region: props.region ?? NULL,
      api: { type: api.kind === "http" ? "HTTP" : "REST", key: model.api.key, url: api.url ?? NULL },
      functions: functionNames,
      tables: props.tables
        ? { data: props.tables.data.table.name, sessions: props.tables.sessions.table.name, rate_limits: props.tables.rateLimits.table.name, point_in_time_recovery: model.tables!.pointInTimeRecovery }
        : NULL,
      alarms: { enabled: model.alarms !== undefined, topic_arn: props.alarmTopicArn ?? NULL },
      secrets: model.secrets.map((s) => s.name),
    },
    "What this environment deployed",
  );
}
