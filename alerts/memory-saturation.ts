import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { promAlertRule } from "../src/alerting";
import type { Config } from "../src/config";
import { metricSeries } from "../src/telemetry";

/** The service's host is running out of memory: it will slow down or fall over. */
export default function memorySaturation(cfg: Config): RuleBuilder {
  const { percent, pendingPeriod } = cfg.thresholds.memory;
  return promAlertRule(cfg, {
    uid: "pizza-memory-saturation",
    title: "JWT Pizza Memory saturated",
    group: "saturation",
    severity: "ticket",
    category: "saturation",
    summary: `${cfg.telemetry.source} Memory at {{ humanize $values.A.Value }}%`,
    description: `Memory usage of ${cfg.telemetry.source} (${cfg.telemetry.metrics.memory}) has stayed above ${percent}% for ${pendingPeriod}.`,
    expr: `max(${metricSeries(cfg.telemetry, "memory")})`,
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
