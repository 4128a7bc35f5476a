import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../src/config/durations";
import { promAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { metricSeries, recordedSeries } from "../src/model/telemetry";
import { TELEMETRY_DASHBOARD_UID, TELEMETRY_PANELS } from "../dashboards/panel-ids";

/**
 * Fallback availability alert when Synthetic Monitoring is disabled: neither a request log line nor
 * a metric sample of the service arrived for `window` (one of the two missing alone is telemetry
 * trouble, for pizza-logs-absent / pizza-metrics-absent). Weaker than the health check (a service
 * nobody calls is also silent), so prefer `syntheticMonitoring.enabled: true`.
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
    summary: `${cfg.telemetry.source} logged no HTTP request and pushed no metric in ${window}`,
    description:
      `No HTTP request line of ${cfg.telemetry.source} was recorded and no ${cfg.telemetry.metrics.requests} sample arrived in the last ${window}. ` +
      "The service is likely down or unreachable.",
    expr: `absent_over_time(${recordedSeries(cfg.telemetry, "httpRequests")}[${window}]) and on() absent_over_time(${metricSeries(cfg.telemetry, "requests")}[${window}])`,
    op: "gt",
    value: 0,
    lookbackSeconds: durationSeconds(window),
    pendingPeriod,
    // A empty is the healthy state: lines or metric samples are arriving.
    noDataState: "OK",
    execErrState: "Error",
  });
}
