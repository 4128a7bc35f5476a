import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { TELEMETRY_DASHBOARD_UID } from "../../dashboards/panel-ids";
import { durationSeconds } from "../../src/config/durations";
import type { Config } from "../../src/config/schema";
import { promAlertRule } from "../../src/model/rules";

/**
 * One of the two telemetry mirrors: the service's data on one path (its request log lines, its
 * request metric) stopped arriving while the other path still shows it serving requests. That path's
 * shipping is broken, not the service: a ticket to the observability channel, never a page.
 */
export interface AbsentWhileServingSpec {
  uid: string;
  /** Its settings under `thresholds`: window, pendingPeriod, keepFiringFor. */
  thresholds: "logsAbsent" | "metricsAbsent";
  /** Panel of the telemetry dashboard comparing the two paths. */
  panelId: number;
  title: string;
  summary: (window: string) => string;
  description: (window: string) => string;
  /** `absent_over_time(<missing>[window]) and on() (<traffic on the other path> > 0)`. */
  expr: (window: string) => string;
}

export function absentWhileServingAlert(cfg: Config, spec: AbsentWhileServingSpec): RuleBuilder {
  const { window, pendingPeriod, keepFiringFor } = cfg.thresholds[spec.thresholds];
  return promAlertRule(cfg, {
    uid: spec.uid,
    panel: { dashboardUid: TELEMETRY_DASHBOARD_UID, panelId: spec.panelId },
    title: spec.title,
    group: "telemetry",
    severity: "ticket",
    category: "telemetry",
    summary: spec.summary(window),
    description: spec.description(window),
    expr: spec.expr(window),
    op: "gt",
    value: 0,
    lookbackSeconds: durationSeconds(window),
    pendingPeriod,
    // Steady through a long outage: the condition holds as long as it lasts; keeping it firing keeps
    // a sample or recording that lands late from ending and restarting the ticket.
    keepFiringFor,
    // A empty is the healthy state: the data is there, or the other path shows no traffic either.
    noDataState: "OK",
    // A failing Prometheus query is a DatasourceError ticket, once (prometheus-query-errors), not "logs/metrics absent".
    execErrState: "Error",
  });
}
