import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { durationSeconds, promAlertRule } from "../src/alerting";
import type { Config } from "../src/config";
import { burnRateAlertExpr, errorBudget } from "../src/slo";

/** Orders failing fast enough to burn a real share of the month's error budget within the hour: page. */
export default function sloFastBurn(cfg: Config): RuleBuilder {
  const { objectivePercent } = cfg.slo;
  const { factor, longWindow, shortWindow, pendingPeriod } = cfg.slo.fastBurn;
  const percent = Number((factor * errorBudget(objectivePercent) * 100).toPrecision(6));
  return promAlertRule(cfg, {
    uid: "pizza-order-slo-fast-burn",
    title: "JWT Pizza orders burning the error budget fast",
    group: "slo",
    severity: "page",
    category: "slo",
    summary: `Orders are failing at {{ humanize $values.A.Value }}x the rate the ${objectivePercent}% SLO allows`,
    description:
      `More than ${percent}% of POST /api/order requests to ${cfg.telemetry.source} failed with a 5xx over the last ${longWindow} ` +
      `and over the last ${shortWindow} (burn rate above ${factor}x of a ${objectivePercent}% objective). ` +
      "Customers cannot order; the usual cause is the pizza factory failing.",
    expr: burnRateAlertExpr(cfg, cfg.slo.fastBurn),
    op: "gt",
    value: factor,
    lookbackSeconds: durationSeconds(longWindow),
    pendingPeriod,
    // A empty is the healthy state (the `and` filters drop it). Missing recorded series are
    // telemetry trouble (pizza-metric-ingestion-failure then reports NoData), never an order outage page.
    noDataState: "OK",
    // A failing Prometheus query raises DatasourceError, routed to a ticket, never the pager.
    execErrState: "Error",
  });
}
