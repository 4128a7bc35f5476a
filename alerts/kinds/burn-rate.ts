import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { ORDERS_DASHBOARD_UID, ORDERS_PANELS } from "../../dashboards/panel-ids";
import type { Config } from "../../src/config/schema";
import { durationSeconds } from "../../src/config/durations";
import { promAlertRule, type Severity } from "../../src/model/rules";
import { burnRateExpr, errorBudget } from "../../src/model/slo";
import { orderFailuresHeldWithin, recordedFailuresOver } from "../../src/model/sli";

/**
 * Multi-window, multi-burn-rate alerting on the order success SLO (Google SRE workbook, ch. 5):
 * an alert fires while the error budget burns `factor` times faster than sustainable over both a
 * long window (enough budget is really gone) and a short one (it is still burning now).
 */

export interface BurnWindows {
  factor: number;
  longWindow: string;
  shortWindow: string;
}

/**
 * Query A of a burn-rate alert: the long window's burn rate, kept only while the short window burns
 * at least as fast and at least `slo.minFailures` orders failed in it (so one failed order at low
 * traffic is not a burn). The rule's threshold B is `A > factor`.
 */
export function burnRateAlertExpr(cfg: Config, w: BurnWindows, page = false): string {
  return (
    `(${burnRateExpr(cfg, w.longWindow)})` +
    ` and on() (${burnRateExpr(cfg, w.shortWindow)} > ${w.factor})` +
    ` and on() (${recordedFailuresOver(cfg, w.shortWindow)} >= ${cfg.slo.minFailures})` +
    // One incident, one page: a burn the order-failure page announced within the long window is
    // that page's incident (Grafana's simplified routing cannot group two rules into one page).
    (page ? ` unless on() (${orderFailuresHeldWithin(cfg, w.longWindow)})` : "")
  );
}

export interface BurnRateAlertSpec {
  uid: string;
  title: string;
  burn: "fastBurn" | "slowBurn";
  severity: Severity;
  /** What the burn means for customers, ending the alert's description. */
  consequence: string;
}

/** A multi-window burn-rate alert on the order SLO, linked to the orders dashboard's ratio panel. */
export function burnRateAlert(cfg: Config, spec: BurnRateAlertSpec): RuleBuilder {
  const { objectivePercent } = cfg.slo;
  const windows = cfg.slo[spec.burn];
  const { factor, longWindow, shortWindow, pendingPeriod } = windows;
  const percent = Number((factor * errorBudget(objectivePercent) * 100).toPrecision(6));
  return promAlertRule(cfg, {
    uid: spec.uid,
    panel: { dashboardUid: ORDERS_DASHBOARD_UID, panelId: ORDERS_PANELS.failureRatioVsSlo },
    title: spec.title,
    group: "slo",
    severity: spec.severity,
    category: "slo",
    summary: `Orders are failing at {{ humanize $values.A.Value }}x the rate the ${objectivePercent}% SLO allows`,
    description:
      `More than ${percent}% of POST /api/order requests to ${cfg.telemetry.source} failed with a 5xx over the last ${longWindow} ` +
      `and over the last ${shortWindow} (burn rate above ${factor}x of a ${objectivePercent}% objective). ${spec.consequence}` +
      (spec.severity === "page"
        ? ` Silent for a burn pizza-order-failures paged within the last ${longWindow}: that page is this incident.`
        : ""),
    expr: burnRateAlertExpr(cfg, windows, spec.severity === "page"),
    op: "gt",
    value: factor,
    lookbackSeconds: durationSeconds(longWindow),
    pendingPeriod,
    // A empty is the healthy state (the `and` filters drop it). Missing recorded series are
    // telemetry trouble (pizza-metric-ingestion-failure then reports NoData), never an order burn.
    noDataState: "OK",
    // A failing Prometheus query raises DatasourceError. In policy-tree mode the tree routes it to a
    // ticket; in rule-settings mode (the default) a paging rule's Error becomes KeepLast and its NoData
    // OK, so it never pages for telemetry trouble (attachRoutesAndKeepPagesOffDatasourceErrors in
    // src/build/stack.ts), and a ticket rule's DatasourceError goes to its own contact point.
    execErrState: "Error",
  });
}
