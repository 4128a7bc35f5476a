import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../src/config/durations";
import { promAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { recordedSeries } from "../src/model/telemetry";
import { TELEMETRY_DASHBOARD_UID, TELEMETRY_PANELS } from "../dashboards/panel-ids";

/**
 * Fallback availability alert when Synthetic Monitoring is disabled: the service wrote no HTTP
 * request line at all. Weaker than the health check (it reads the service's own logs, and a
 * service nobody calls is also silent), so prefer `syntheticMonitoring.enabled: true`.
 */
export default function apiTrafficAbsent(cfg: Config): RuleBuilder {
  const { window, pendingPeriod } = cfg.thresholds.trafficAbsent;
  return promAlertRule(cfg, {
    uid: "pizza-api-traffic-absent",
    panel: { dashboardUid: TELEMETRY_DASHBOARD_UID, panelId: TELEMETRY_PANELS.requestsLogsVsMetrics },
    title: "JWT Pizza API serving no requests",
    group: "availability",
    severity: "page",
    category: "availability",
    summary: `${cfg.telemetry.source} logged no HTTP request in ${window}`,
    description:
      `No HTTP request line of ${cfg.telemetry.source} reached Loki in the last ${window}, while the log pipeline itself works ` +
      "(the per-minute recording wrote zeros). The service is likely down or unreachable.",
    expr: `sum(sum_over_time(${recordedSeries(cfg.telemetry, "httpRequests")}[${window}]))`,
    op: "lt",
    value: 1,
    lookbackSeconds: durationSeconds(window),
    pendingPeriod,
    // The recording writes 0 when there are no lines, so no data means the recording (Loki or the
    // remote write) failed: telemetry trouble, raised as DatasourceNoData and routed to a ticket.
    noDataState: "NoData",
    execErrState: "Error",
  });
}
