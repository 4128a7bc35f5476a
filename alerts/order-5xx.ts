import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { ORDERS_DASHBOARD_UID, ORDERS_PANELS } from "../dashboards/panel-ids";
import { durationSeconds } from "../src/config/durations";
import { lokiAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { http5xxByEndpoint } from "../src/model/telemetry";

/**
 * The factory incident: POST /api/order answered 500 "Failed to fulfill order at factory" for ~3 minutes.
 * A warning that names the failing endpoint; pizza-order-failures is what pages.
 */
export default function order5xx(cfg: Config): RuleBuilder {
  const { count, window, pendingPeriod, keepFiringFor } = cfg.thresholds.order5xx;
  return lokiAlertRule(cfg, {
    uid: "pizza-order-5xx",
    title: "JWT Pizza API answering 5xx",
    group: "errors",
    severity: "warning",
    category: "errors",
    summary: "{{ $labels.method }} {{ $labels.path }} returned {{ $values.A.Value }} 5xx responses in " + window,
    description:
      `More than ${count} HTTP 5xx responses in ${window} on one endpoint of ${cfg.telemetry.source}, read from its request logs. ` +
      'On POST /api/order this is usually the pizza factory failing ("Failed to fulfill order at factory"): customers cannot order.',
    expr: http5xxByEndpoint(cfg.telemetry, window),
    op: "gt",
    value: count,
    lookbackSeconds: durationSeconds(window),
    pendingPeriod,
    // 5xx at a low rate come and go within the window: keeping it firing keeps them one notification.
    keepFiringFor,
    panel: { dashboardUid: ORDERS_DASHBOARD_UID, panelId: ORDERS_PANELS.http5xx },
    // No 5xx line in the window yields no series at all: that is the healthy state, not missing data.
    noDataState: "OK",
    // A failing Loki query says nothing about orders. Error raises a separate DatasourceError alert:
    // in policy-tree mode the tree's datasource-errors route sends it to a ticket channel; in
    // rule-settings mode (the default) Grafana sends it to this rule's own contact point (the team
    // channel, never the pager). See attachRoutesAndKeepPagesOffDatasourceErrors in src/build/stack.ts.
    // Replayed: one DatasourceError notification per Loki outage, flapping included (loki-flapping-errors).
    execErrState: "Error",
  });
}
