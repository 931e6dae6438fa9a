import type { Construct } from "constructs";
import type { ApplicationTables } from "../data/application-tables.js";
import type { BundledFunction } from "../lambda-function/bundled-function.js";
import { Dashboard } from "../observability/dashboard.js";
import { RUNTIME_ID } from "./application-routes.js";
import type { MountedApi } from "./application-runtime.js";
import type { ApplicationModel, FunctionName } from "./model.js";

export interface EnvironmentDashboardProps {
  readonly model: ApplicationModel;
  readonly api: MountedApi;
  readonly functions: ReadonlyMap<FunctionName, BundledFunction>;
  readonly tables?: ApplicationTables;
  readonly region?: string;
}

/** The environment's dashboard over the API the handlers are mounted on, the functions and the tables. */
export function createDashboard(scope: Construct, props: EnvironmentDashboardProps): Dashboard {
  const { model, api } = props;
  const functions = [...props.functions.keys()].sort().map((fn) => `${model.name}-${fn}`);
  return new Dashboard(scope, "dashboard", {
    name: model.name,
    logicalId: `${RUNTIME_ID}__dashboard`,
    region: props.region ?? "us-east-1",
    stages: api.stages.map((stage) => ({ kind: api.kind, apiKey: model.api.key, apiDimension: api.metricsDimension, stageKey: stage.key, stageName: stage.name })),
    functions,
    tables: props.tables ? ["data", "sessions", "rate-limits"].map((t) => `${model.name}-${t}`) : [],
    functionLogGroups: functions.map((fn) => `/aws/lambda/${fn}`),
    accessLogGroups: api.stages.flatMap((s) => (s.accessLogGroupName ? [s.accessLogGroupName] : [])),
  });
}
