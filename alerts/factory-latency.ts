import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { promAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { metricSeries } from "../src/model/telemetry";
import { FACTORY_DASHBOARD_UID, FACTORY_PANELS } from "../dashboards/panel-ids";

/** The pizza factory answers slowly (its throttling chaos holds requests 30 s+): orders hang. */
export default function factoryLatency(cfg: Config): RuleBuilder {
  const { milliseconds, pendingPeriod } = cfg.thresholds.factoryLatency;
  return promAlertRule(cfg, {
    uid: "pizza-factory-latency",
    panel: { dashboardUid: FACTORY_DASHBOARD_UID, panelId: FACTORY_PANELS.latency },
    title: "JWT Pizza factory responding slowly",
    group: "latency",
    severity: "ticket",
    category: "latency",
    summary: "Pizza factory took {{ humanize $values.A.Value }} ms to make an order",
    description:
      `The last pizza creation latency reported by ${cfg.telemetry.source} (${cfg.telemetry.metrics.factoryLatency}) ` +
      `has stayed above ${milliseconds} ms for ${pendingPeriod}. Orders wait on the factory; a throttling chaos test is the usual cause.`,
    expr: `max(${metricSeries(cfg.telemetry, "factoryLatency")})`,
    op: "gt",
    value: milliseconds,
    lookbackSeconds: 300,
    pendingPeriod,
    // Missing latency samples (no orders, or a telemetry outage) are not slowness.
    noDataState: "OK",
    execErrState: "Error",
  });
}
