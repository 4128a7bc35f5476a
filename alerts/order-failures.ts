import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { ORDERS_DASHBOARD_UID, ORDERS_PANELS } from "../dashboards/panel-ids";
import { durationSeconds } from "../src/config/durations";
import { promAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { ORDER_ENDPOINT, orderFailuresExpr } from "../src/model/sli";
import { factoryFailuresBySupportLink, SUPPORT_URL_LABEL } from "../src/model/telemetry";

/**
 * Where on-call finds the factory's support/report links while orders fail: Grafana's tableLink (an
 * Explore link to an instant query of the stack's Loki) over the factory's 5xx answers of the last
 * 15 minutes, by support link, never their bodies. The message template prints it as the page's
 * "Factory support/report" line; pizza-factory-failing, later, names the link itself.
 */
function supportLinks(cfg: Config): string {
  const query = JSON.stringify({ expr: factoryFailuresBySupportLink(cfg.telemetry, "15m"), datasource: cfg.datasources.loki });
  return `{{ externalURL }}{{ tableLink \`${query}\` }}`;
}

/**
 * Orders are failing now: the page that reaches on-call within a minute of a factory outage.
 * It reads the service's own counters (failed orders, order requests), pushed every 10 s, so it
 * still pages while logs are not arriving, and a deploy restart cannot fire it: the proxy's
 * 502/503 never reach the service's failure counter, and its counters restart from 0.
 * Two windows: the fast one for normal traffic, the slow one for an order every 2 minutes;
 * each needs `minFailures` failed orders and `failureRatio` of the window's orders failing, so a
 * lone 500 or a busy day's rare 500s stay silent.
 */
export default function orderFailures(cfg: Config): RuleBuilder {
  const { minFailures, failureRatio, fastWindow, slowWindow, keepFiringFor } = cfg.thresholds.orderFailures;
  const t = cfg.telemetry;
  return promAlertRule(cfg, {
    uid: "pizza-order-failures",
    panel: { dashboardUid: ORDERS_DASHBOARD_UID, panelId: ORDERS_PANELS.ordersPerMinute },
    annotations: { [SUPPORT_URL_LABEL]: supportLinks(cfg) },
    title: "JWT Pizza orders failing",
    group: "orders",
    severity: "page",
    category: "errors",
    summary: "{{ humanize $values.A.Value }} orders failed recently",
    description:
      `${t.metrics.orderFailures} of ${t.source} counted at least ${minFailures} failed orders, ${failureRatio * 100}% or more of ` +
      `${ORDER_ENDPOINT.method} ${ORDER_ENDPOINT.path} requests, over the last ${fastWindow} (or ${slowWindow} at low traffic). ` +
      "Customers cannot order; the usual cause is the pizza factory failing.",
    expr: orderFailuresExpr(cfg),
    op: "gt",
    value: 0,
    lookbackSeconds: durationSeconds(slowWindow),
    // Two consecutive evaluations: one odd sample cannot page on its own.
    pendingPeriod: "10s",
    keepFiringFor,
    // The `and` guards leave A empty whenever orders are fine; no counters at all (crash, metrics
    // outage) is for pizza-api-availability and pizza-metrics-absent, not a second alert here.
    noDataState: "OK",
    // A failing Prometheus query raises DatasourceError, routed to a ticket, never the pager (in
    // rule-settings routing, KeepLast: a paging rule keeps its state). Replayed: prometheus-query-errors
    // pages no one; during Loki's 429s this page still arrives (factory-5xx-during-loki-errors, +35 s median).
    execErrState: "Error",
  });
}
