import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard/index.js";
import { Construct } from "constructs";
import { dashboardBody, type DashboardInput } from "./dashboard-body.js";

export interface DashboardProps extends DashboardInput {
  readonly name: string;
  readonly logicalId: string;
}

/** One CloudWatch dashboard per environment (dashboards carry no tags). */
export class Dashboard extends Construct {
  readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    this.dashboard = new CloudwatchDashboard(this, "dashboard", { dashboardName: props.name, dashboardBody: dashboardBody(props) });
    this.dashboard.overrideLogicalId(props.logicalId);
  }
}
