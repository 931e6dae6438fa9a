import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission/index.js";
import type { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { writeStringsLiterally } from "../common/literal-text.js";
import { ApplicationTables } from "../data/application-tables.js";
import { BundledFunction, type HandlerArtifact } from "../lambda-function/bundled-function.js";
import { AlarmTopic } from "../observability/alarm-topic.js";
import { apiStageAlarms, functionAlarms, type ApiStageRef } from "../observability/alarm-definitions.js";
import { Alarms } from "../observability/alarms.js";
import { operationsAlarms } from "./operations-alarms.js";
import { createDashboard } from "./environment-dashboard.js";
import { createApplicationOutputs } from "./application-outputs.js";
import { functionAddress, RUNTIME_ID } from "./application-routes.js";
import { functionEnvironment, functionStatements, type TableRefs } from "./function-settings.js";
import type { ApplicationModel, FunctionName } from "./model.js";
import { TenantPlanKeys } from "./tenant-plan-keys.js";

/** The API the handlers are mounted on, as built by the API Gateway module. */
export interface MountedApi {
  readonly kind: "http" | "rest";
  /** The API's execution ARN; invoke permissions cover `<arn>/*`. */
  readonly executionArn: string;
  /** ApiId (HTTP) or ApiName (REST), the dimension of its CloudWatch metrics. */
  readonly metricsDimension: string;
  readonly stages: readonly {
    readonly key: string;
    readonly name: string;
    /** The stage's access-log group, when it has one. */
    readonly accessLogGroupName?: string;
    /** The stage resource (created after its access-log group). */
    readonly resource?: TerraformResource;
  }[];
  /** Base URL clients call: a custom domain's, else the first stage's invoke URL. */
  readonly url?: string;
  /** Access-log group of the first stage, when it has one. */
  readonly accessLogGroupName?: string;
  /** REST: the value of one of the API's keys (a Terraform reference), by its `api_keys` key. */
  readonly apiKeyValue?: (apiKeysKey: string) => string;
  /** REST: the id of one of the API's keys, by its `api_keys` key. */
  readonly apiKeyId?: (apiKeysKey: string) => string;
  /** REST: the id of one of the API's usage plans, by its `usage_plans` key. */
  readonly usagePlanId?: (usagePlansKey: string) => string;
}

export interface ApplicationRuntimeProps {
  readonly model: ApplicationModel;
  /** The built handler zips, by function name (bin/build-handlers.mjs `ensureHandlersBuilt`). */
  readonly artifacts: Readonly<Record<string, HandlerArtifact>>;
  readonly api: MountedApi;
  readonly logKmsKeyId?: string;
  /** Region, for the deployment summary. @default - not shown */
  readonly region?: string;
  /** Create the serverless gateway deployment's outputs (`api_gateway_url`, `lambda_function_name`, ...). @default true */
  readonly outputs?: boolean;
}

/**
 * The bundled handlers behind an API: tables, one function per handler with its role and log group, the
 * invoke permissions the API needs, and alarms. Resource addresses start with `app__` and must match the
 * references `mountApplication` wrote into the module inputs.
 */
export class ApplicationRuntime extends Construct {
  readonly functions = new Map<FunctionName, BundledFunction>();
  readonly tables?: ApplicationTables;
  readonly alarmTopicArn?: string;

  constructor(scope: Construct, props: ApplicationRuntimeProps) {
    super(scope, RUNTIME_ID);
    writeStringsLiterally(this);
    const { model } = props;
    const tags = model.tags;
    if (model.tables) {
      this.tables = new ApplicationTables(this, "tables", { name: model.name, addressPrefix: RUNTIME_ID, ...model.tables, tags });
    }
    const refs: TableRefs | undefined = this.tables && {
      data: { name: this.tables.data.table.name, arn: this.tables.data.table.arn },
      sessions: { name: this.tables.sessions.table.name, arn: this.tables.sessions.table.arn },
      rateLimits: { name: this.tables.rateLimits.table.name, arn: this.tables.rateLimits.table.arn },
    };
    for (const fn of model.functions) {
      const artifact = props.artifacts[fn];
      if (!artifact) throw new Error(`no built artifact for handler "${fn}": run npm run build:handlers`);
      const bundled = new BundledFunction(this, fn, {
        logicalId: functionAddress(fn),
        functionName: `${model.name}-${fn}`,
        description: `Bundled ${fn} handler`,
        artifact,
        memorySize: model.lambda.memorySize,
        timeout: model.lambda.timeout,
        // The authorizer guards every route; capping it would turn load into 500s on all of them.
        reservedConcurrency: fn === "authorizer" ? undefined : model.lambda.reservedConcurrency,
        tracing: model.lambda.tracing,
        environment: functionEnvironment(fn, model, refs, props.api.apiKeyValue),
        logRetentionDays: model.lambda.logRetentionDays,
        logKmsKeyId: props.logKmsKeyId,
        statements: functionStatements(fn, model, refs),
        tags,
      });
      this.functions.set(fn, bundled);
      new LambdaPermission(this, `invoke-${fn}`, {
        statementId: `AllowApiGateway-${model.api.key}`.replace(/[^A-Za-z0-9_-]/g, "_"),
        action: "lambda:InvokeFunction",
        functionName: bundled.function.functionName,
        principal: "apigateway.amazonaws.com",
        sourceArn: `${props.api.executionArn}/*`,
      }).overrideLogicalId(`${functionAddress(fn)}__invoke`);
    }
    if (model.tenancy && props.api.kind === "rest") {
      if (!props.api.apiKeyId || !props.api.usagePlanId) throw new Error("a tenant registry on a REST API needs the API's key and usage plan ids");
      new TenantPlanKeys(this, "tenant-plan-keys", { tenancy: model.tenancy, apiKeyId: props.api.apiKeyId, usagePlanId: props.api.usagePlanId });
    }
    if (model.alarms) {
      const topicArn =
        model.alarms.snsTopicArn ??
        new AlarmTopic(this, "alarm-topic", { logicalId: `${RUNTIME_ID}__alarms`, name: `${model.name}-alarms`, emails: model.alarms.emails, tags }).topic.arn;
      this.alarmTopicArn = topicArn;
      const stages: ApiStageRef[] = props.api.stages.map((stage) => ({
        kind: props.api.kind,
        apiKey: model.api.key,
        apiDimension: props.api.metricsDimension,
        stageKey: stage.key,
        stageName: stage.name,
      }));
      const definitions = [
        ...stages.flatMap((stage) => apiStageAlarms(model.name, stage, model.alarms!)),
        ...model.functions.flatMap((fn) => functionAlarms(model.name, fn, `${model.name}-${fn}`)),
        ...operationsAlarms(this, { model, api: props.api, stages, tables: this.tables, tags }),
      ];
      new Alarms(this, "alarms", { addressPrefix: `${RUNTIME_ID}__alarm`, definitions, topicArn, tags });
    }
    if (model.dashboard) createDashboard(this, { model, api: props.api, functions: this.functions, tables: this.tables, region: props.region });
    if (props.outputs ?? true) createApplicationOutputs(this, { model, api: props.api, functions: this.functions, tables: this.tables, alarmTopicArn: this.alarmTopicArn, region: props.region });
  }
}
