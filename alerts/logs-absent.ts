import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../src/config/durations";
import { promAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { metricSeries, recordedSeries } from "../src/model/telemetry";
import { TELEMETRY_DASHBOARD_UID, TELEMETRY_PANELS } from "../dashboards/panel-ids";

/**
 * The mirror of pizza-metrics-absent: the service's request log lines stopped arriving while its
 * metrics show it serving requests. Log shipping is broken (every log-based alert and panel is
 * blind), not the service; order failures still page from the metrics (pizza-order-failures).
 */
export default function logsAbsent(cfg: Config): RuleBuilder {
  const { window, pendingPeriod } = cfg.thresholds.logsAbsent;
  const t = cfg.telemetry;
  return promAlertRule(cfg, {
    uid: "pizza-logs-absent",
    panel: { dashboardUid: TELEMETRY_DASHBOARD_UID, panelId: TELEMETRY_PANELS.requestsLogsVsMetrics },
    title: "JWT Pizza logs missing while it serves requests",
    group: "telemetry",
    severity: "ticket",
    category: "telemetry",
    summary: `No HTTP request line of ${t.source} recorded for ${window}, yet its metrics count requests`,
    description:
      `The per-minute count of ${t.source}'s HTTP request lines (${t.recorded.httpRequests}) has had no sample for ${window} while ` +
      `${t.metrics.requests} keeps rising. Lines are not reaching Loki (log shipping, Loki ingestion, or a changed stream label); ` +
      "log-based panels and alerts are blind meanwhile.",
    expr: `absent_over_time(${recordedSeries(t, "httpRequests")}[${window}]) and on() (sum(increase(${metricSeries(t, "requests")}[${window}])) > 0)`,
    op: "gt",
    value: 0,
    lookbackSeconds: durationSeconds(window),
    pendingPeriod,
    // Steady through a long outage: the condition holds as long as it lasts, and 2m more keeps a
    // recording that lands late from ending and restarting the ticket.
    keepFiringFor: "2m",
    // A empty is the healthy state: lines are recorded, or the metrics show no traffic either.
    noDataState: "OK",
    // A failing Prometheus query is a DatasourceError ticket, once (prometheus-query-errors), not "logs absent".
    execErrState: "Error",
  });
}
