import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../src/config/durations";
import { promAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { metricSeries, recordedSeries } from "../src/model/telemetry";
import { TELEMETRY_DASHBOARD_UID, TELEMETRY_PANELS } from "../dashboards/panel-ids";

/**
 * The service's request metric stopped arriving while its logs still show traffic: metrics are
 * lost on the way (whatever the error text), not the service down.
 */
export default function metricsAbsent(cfg: Config): RuleBuilder {
  const { window, pendingPeriod } = cfg.thresholds.metricsAbsent;
  const t = cfg.telemetry;
  return promAlertRule(cfg, {
    uid: "pizza-metrics-absent",
    panel: { dashboardUid: TELEMETRY_DASHBOARD_UID, panelId: TELEMETRY_PANELS.metricsFreshness },
    title: "JWT Pizza metrics missing while it serves requests",
    group: "telemetry",
    severity: "ticket",
    category: "telemetry",
    summary: `No ${t.metrics.requests} sample from ${t.source} for ${window}, yet its logs show requests`,
    description:
      `${t.metrics.requests} of ${t.source} has had no sample for ${window} while its request logs still count HTTP requests. ` +
      "The service is serving; its metrics are not arriving (telemetry outage, renamed metric, or a changed source label).",
    expr: `absent_over_time(${metricSeries(t, "requests")}[${window}]) and on() (sum(${recordedSeries(t, "httpRequests")}) > 0)`,
    op: "gt",
    value: 0,
    lookbackSeconds: durationSeconds(window),
    pendingPeriod,
    // A push that lands late must not end and restart the ticket.
    keepFiringFor: "2m",
    // A empty is the healthy state: the metric is present, or the logs show no traffic either.
    noDataState: "OK",
    // A failing Prometheus query is a DatasourceError ticket, once (prometheus-query-errors), not "metrics absent".
    execErrState: "Error",
  });
}
