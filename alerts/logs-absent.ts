import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import { metricSeries, recordedSeries } from "../src/model/telemetry";
import { TELEMETRY_PANELS } from "../dashboards/panel-ids";
import { absentWhileServingAlert } from "./kinds/absent-while-serving";

/**
 * The mirror of pizza-metrics-absent: the service's request log lines stopped arriving while its
 * metrics show it serving requests. Log shipping is broken (every log-based alert and panel is
 * blind), not the service; order failures still page from the metrics (pizza-order-failures).
 */
export default function logsAbsent(cfg: Config): RuleBuilder {
  const t = cfg.telemetry;
  return absentWhileServingAlert(cfg, {
    uid: "pizza-logs-absent",
    thresholds: "logsAbsent",
    panelId: TELEMETRY_PANELS.requestsLogsVsMetrics,
    title: "JWT Pizza logs missing while it serves requests",
    summary: (window) => `No HTTP request line of ${t.source} recorded for ${window}, yet its metrics count requests`,
    description: (window) =>
      `The per-minute count of ${t.source}'s HTTP request lines (${t.recorded.httpRequests}) has had no sample for ${window} while ` +
      `${t.metrics.requests} keeps rising. Lines are not reaching Loki (log shipping, Loki ingestion, or a changed stream label); ` +
      "log-based panels and alerts are blind meanwhile.",
    expr: (window) =>
      `absent_over_time(${recordedSeries(t, "httpRequests")}[${window}]) and on() (sum(increase(${metricSeries(t, "requests")}[${window}])) > 0)`,
  });
}
