import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../src/config/durations";
import { promAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { recordedSeries } from "../src/model/telemetry";
import { TELEMETRY_DASHBOARD_UID, TELEMETRY_PANELS } from "../dashboards/panel-ids";

/**
 * The telemetry incident: the service cannot ship its metrics (its log lines say so). A ticket, never a page.
 *
 * A steady share of failed pushes tickets too, once: each failed push loses that push's gauge
 * samples (CPU, memory, latency: what the saturation and latency alerts read) and a gap in every
 * counter, and failures that persist for minutes are a failing path to the OTLP endpoint (network,
 * gateway, key) that does not heal by itself. More than 20 lines (3 failed pushes, 9 lines each) in
 * the 15m window is over 3% of its 90 pushes: one or two lost pushes stay quiet. 10% of pushes failing
 * keeps about 9 failed pushes in the window, far enough above 3 that it does not dip and re-fire (the
 * replay's `steady-metric-send-failures`: one episode in each of its seeds; with the 5m window it was
 * two or three in some). A full outage crosses 20 lines within its first minute, whatever the window.
 */
export default function metricIngestionFailure(cfg: Config): RuleBuilder {
  const { count, window, pendingPeriod, keepFiringFor } = cfg.thresholds.metricIngestion;
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
    // A partial failure's rare dip under the count (a quiet stretch of pushes) stays one ticket. The
    // cost: the ticket resolves window + keepFiringFor (20 minutes by default) after the last failure.
    keepFiringFor,
    // The recording writes nothing in a minute without such lines, so A is empty when all is well.
    noDataState: "OK",
    execErrState: "Error",
  });
}
