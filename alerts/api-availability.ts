import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../src/config/durations";
import { promAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { probeSuccessSeries } from "../src/model/telemetry";
import { OVERVIEW_DASHBOARD_UID, OVERVIEW_PANELS } from "../dashboards/panel-ids";

/**
 * The API is down for its users: most probe locations of the Synthetic Monitoring health check
 * (GET / from public probes, spread over the minute) failed their latest run. It reads no telemetry
 * of the service, so a telemetry outage cannot fire it. A location stays failed until its next run,
 * so a restart of under a minute fails each location once and holds the condition at most 60 s:
 * the pending period outlasts that, and a crash still pages within 3 minutes.
 */
export default function apiAvailability(cfg: Config): RuleBuilder {
  const { successRatio, window, pendingPeriod } = cfg.thresholds.availability;
  const sm = cfg.syntheticMonitoring;
  return promAlertRule(cfg, {
    uid: "pizza-api-availability",
    panel: { dashboardUid: OVERVIEW_DASHBOARD_UID, panelId: OVERVIEW_PANELS.healthCheck },
    title: "JWT Pizza API unavailable",
    group: "availability",
    severity: "page",
    category: "availability",
    summary: `Health check of ${sm.url ?? ""} passes at only {{ humanizePercentage $values.A.Value }} of its probe locations`,
    description:
      `The latest run of the Synthetic Monitoring check ${sm.job} (GET ${sm.url ?? ""}, body must match /${sm.bodyRegex}/) succeeded at ` +
      `fewer than ${successRatio * 100}% of its probe locations (${sm.probes.join(", ")}) for ${pendingPeriod}. Users cannot reach the API.`,
    expr: `avg(last_over_time(${probeSuccessSeries(sm.job, sm.url ?? "")}[${window}]))`,
    op: "lt",
    value: successRatio,
    lookbackSeconds: durationSeconds(window),
    pendingPeriod,
    // No probe_success at all means the check is not running: not an outage, but nobody is
    // watching availability. NoData raises DatasourceNoData, which is routed to a ticket.
    noDataState: "NoData",
    execErrState: "Error",
  });
}
