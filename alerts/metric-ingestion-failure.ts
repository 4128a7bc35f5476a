import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../src/config/durations";
import { promAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { recordedSeries } from "../src/model/telemetry";
import { TELEMETRY_DASHBOARD_UID, TELEMETRY_PANELS } from "../dashboards/panel-ids";

/** The telemetry incident: the service cannot ship its metrics (its log lines say so). A ticket, never a page. */
export default function metricIngestionFailure(cfg: Config): RuleBuilder {
  const { count, window, pendingPeriod } = cfg.thresholds.metricIngestion;
  return promAlertRule(cfg, {
    uid: "pizza-metric-ingestion-failure",
    panel: { dashboardUid: TELEMETRY_DASHBOARD_UID, panelId: TELEMETRY_PANELS.metricShippingFailures },
    title: "JWT Pizza metrics not being delivered",
    group: "telemetry",
    severity: "ticket",
    category: "telemetry",
    summary: `${cfg.telemetry.source} logged {{ $values.A.Value }} metric-shipping errors in ${window}`,
    description:
      `More than ${count} log lines of ${cfg.telemetry.source} in ${window} match a metric-shipping error ` +
      `(${cfg.telemetry.logs.metricSendErrors.join(", ")}). Its metrics are not reaching Grafana Cloud: dashboards and ` +
      "metric-based alerts are blind, but this alone says nothing about customers. Check the API availability alert.",
    expr: `sum(sum_over_time(${recordedSeries(cfg.telemetry, "metricSendFailures")}[${window}]))`,
    op: "gt",
    value: count,
    lookbackSeconds: durationSeconds(window),
    pendingPeriod,
    // Partial failures (a share of pushes) hover around the count: 5m more keeps them one ticket.
    keepFiringFor: "5m",
    // The recording writes nothing in a minute without such lines, so A is empty when all is well.
    noDataState: "OK",
    execErrState: "Error",
  });
}
