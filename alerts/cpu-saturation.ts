import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { promAlertRule } from "../src/alerting";
import type { Config } from "../src/config";
import { metricSeries } from "../src/telemetry";

/** The service's host is running out of CPU: it will slow down or fall over. */
export default function cpuSaturation(cfg: Config): RuleBuilder {
  const { percent, pendingPeriod } = cfg.thresholds.cpu;
  return promAlertRule(cfg, {
    uid: "pizza-cpu-saturation",
    title: "JWT Pizza CPU saturated",
    group: "saturation",
    severity: "ticket",
    category: "saturation",
    summary: `${cfg.telemetry.source} CPU at {{ humanize $values.A.Value }}%`,
    description: `CPU usage of ${cfg.telemetry.source} (${cfg.telemetry.metrics.cpu}) has stayed above ${percent}% for ${pendingPeriod}.`,
    expr: `max(${metricSeries(cfg.telemetry, "cpu")})`,
    op: "gt",
    value: percent,
    lookbackSeconds: 300,
    pendingPeriod,
    // The gauge goes missing in a telemetry outage: that must not page as saturation. Missing
    // metrics are caught by the telemetry alerts (pizza-metrics-absent).
    noDataState: "OK",
    execErrState: "Error",
  });
}
