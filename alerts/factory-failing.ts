import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { FACTORY_DASHBOARD_UID, FACTORY_PANELS } from "../dashboards/panel-ids";
import { durationSeconds } from "../src/config/durations";
import { lokiAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { factoryFailuresBySupportLink, SUPPORT_URL_LABEL } from "../src/model/telemetry";

/**
 * The pizza factory is failing, not the service: its own answers to the service's factory calls
 * (the `type="factory"` lines) are 5xx. pizza-order-failures pages for the customers' side of the
 * same outage; this names the cause and carries the factory's support/report link (the label
 * `support_url`, which the message template prints), so on-call knows whom to call or which
 * chaos test to end. A warning, not a page: in rule-settings routing every rule is its own
 * notification group (docs/routing.md), so a second paging rule would wake on-call twice.
 * Orders failing with no factory failure (the service's own database, a crash) leave it silent.
 */
export default function factoryFailing(cfg: Config): RuleBuilder {
  const { count, window, pendingPeriod, keepFiringFor } = cfg.thresholds.factoryFailures;
  return lokiAlertRule(cfg, {
    uid: "pizza-factory-failing",
    title: "JWT Pizza factory failing",
    group: "errors",
    severity: "warning",
    category: "errors",
    summary: `The pizza factory answered {{ $values.A.Value }} of the service's calls with 5xx in ${window}{{ with $labels.${SUPPORT_URL_LABEL} }}; support/report link: {{ . }}{{ end }}`,
    description:
      `More than ${count} calls from ${cfg.telemetry.source} to the pizza factory were answered 5xx in ${window}, read from its factory call lines ` +
      `(${cfg.telemetry.logs.typeLabel}="${cfg.telemetry.logs.factoryType}"). The factory is failing, not the service; orders fail until it recovers. ` +
      "A chaos test's support/report link, when the factory sent one, ends it.",
    expr: factoryFailuresBySupportLink(cfg.telemetry, window),
    op: "gt",
    value: count,
    lookbackSeconds: durationSeconds(window),
    pendingPeriod,
    // Chaos and outages fail every call: a quiet minute inside one stays one notification.
    keepFiringFor,
    panel: { dashboardUid: FACTORY_DASHBOARD_UID, panelId: FACTORY_PANELS.factoryAnswers },
    // No failed factory call in the window yields no series: the healthy state (and, with no
    // orders or no logs at all, the business of the traffic and logs-absent alerts).
    noDataState: "OK",
    // A failing Loki query says nothing about the factory: a DatasourceError alert to the
    // team channel, never the pager (as pizza-order-5xx). Replayed: Loki refusing queries for 10 minutes,
    // or every other one, is one such notification (loki-query-errors, loki-flapping-errors).
    execErrState: "Error",
  });
}
