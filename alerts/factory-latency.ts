import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../src/config/durations";
import { promAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { metricSeries } from "../src/model/telemetry";
import { FACTORY_DASHBOARD_UID, FACTORY_PANELS } from "../dashboards/panel-ids";

/**
 * The pizza factory answers slowly (its throttling chaos holds requests 30 s+): orders hang.
 * Latency objective: an order completes within `milliseconds` (10 s). Every order above it for
 * `pendingPeriod` means customers cannot order in practice, so it pages (docs/alerts.md).
 */
export default function factoryLatency(cfg: Config): RuleBuilder {
  const { milliseconds, window, pendingPeriod } = cfg.thresholds.factoryLatency;
  return promAlertRule(cfg, {
    uid: "pizza-factory-latency",
    panel: { dashboardUid: FACTORY_DASHBOARD_UID, panelId: FACTORY_PANELS.latency },
    title: "JWT Pizza factory responding slowly",
    group: "latency",
    severity: "page",
    category: "latency",
    summary: "Pizza factory took {{ humanize $values.A.Value }} ms to make an order",
    description:
      `The last pizza creation latency reported by ${cfg.telemetry.source} (${cfg.telemetry.metrics.factoryLatency}) ` +
      `has stayed above the ${milliseconds} ms objective for ${pendingPeriod}. Customers wait that long for every order; a throttling chaos test is the usual cause.`,
    expr: `max(${metricSeries(cfg.telemetry, "factoryLatency")})`,
    op: "gt",
    value: milliseconds,
    lookbackSeconds: durationSeconds(window),
    pendingPeriod,
    // Missing latency samples (no orders, or a telemetry outage) are not slowness.
    noDataState: "OK",
    execErrState: "Error",
  });
}
