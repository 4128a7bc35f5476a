import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import { metricSeries, recordedSeries } from "../src/model/telemetry";
import { TELEMETRY_PANELS } from "../dashboards/panel-ids";
import { absentWhileServingAlert } from "./kinds/absent-while-serving";

/**
 * The service's request metric stopped arriving while its logs still show traffic: metrics are
 * lost on the way (whatever the error text), not the service down.
 */
export default function metricsAbsent(cfg: Config): RuleBuilder {
  const t = cfg.telemetry;
  return absentWhileServingAlert(cfg, {
    uid: "pizza-metrics-absent",
    thresholds: "metricsAbsent",
    panelId: TELEMETRY_PANELS.metricsFreshness,
    title: "JWT Pizza metrics missing while it serves requests",
    summary: (window) => `No ${t.metrics.requests} sample from ${t.source} for ${window}, yet its logs show requests`,
    description: (window) =>
      `${t.metrics.requests} of ${t.source} has had no sample for ${window} while its request logs still count HTTP requests. ` +
      "The service is serving; its metrics are not arriving (telemetry outage, renamed metric, or a changed source label).",
    expr: (window) =>
      `absent_over_time(${metricSeries(t, "requests")}[${window}]) and on() (sum(${recordedSeries(t, "httpRequests")}) > 0)`,
  });
}
