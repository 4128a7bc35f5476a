import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds } from "../../src/config/durations";
import { OVERVIEW_DASHBOARD_UID } from "../../dashboards/panel-ids";
import { promAlertRule } from "../../src/model/rules";
import type { Config } from "../../src/config/schema";
import { metricSeries } from "../../src/model/telemetry";

export interface SaturationSpec {
  uid: string;
  resource: "cpu" | "memory";
  /** How the resource reads in titles: "CPU", "Memory". */
  name: string;
  /** Panel of the overview dashboard showing the gauge. */
  panelId: number;
}

/** The service's host running out of a resource, from its percent gauge held above the threshold. */
export function saturationAlert(cfg: Config, spec: SaturationSpec): RuleBuilder {
  const { percent, window, pendingPeriod } = cfg.thresholds[spec.resource];
  return promAlertRule(cfg, {
    uid: spec.uid,
    panel: { dashboardUid: OVERVIEW_DASHBOARD_UID, panelId: spec.panelId },
    title: `JWT Pizza ${spec.name} saturated`,
    group: "saturation",
    severity: "ticket",
    category: "saturation",
    summary: `${cfg.telemetry.source} ${spec.name} at {{ humanize $values.A.Value }}%`,
    description: `${spec.name} usage of ${cfg.telemetry.source} (${cfg.telemetry.metrics[spec.resource]}) has stayed above ${percent}% for ${pendingPeriod}.`,
    expr: `max(${metricSeries(cfg.telemetry, spec.resource)})`,
    op: "gt",
    value: percent,
    lookbackSeconds: durationSeconds(window),
    pendingPeriod,
    // The gauge goes missing in a telemetry outage: that must not page as saturation. Missing
    // metrics are caught by the telemetry alerts (pizza-metrics-absent).
    noDataState: "OK",
    // A failing Prometheus query is a DatasourceError to the team channel, once (prometheus-query-errors).
    execErrState: "Error",
  });
}
