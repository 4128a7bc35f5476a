import * as common from "@grafana/grafana-foundation-sdk/common";
import * as logs from "@grafana/grafana-foundation-sdk/logs";
import * as stat from "@grafana/grafana-foundation-sdk/stat";
import * as units from "@grafana/grafana-foundation-sdk/units";
import type { Config } from "../../src/config/schema";
import { logFailureRatio } from "../../src/model/sli";
import { errorBudget } from "../../src/model/slo";
import {
  dashboardTelemetry,
  lokiDatasource,
  lokiLogsTarget,
  lokiTarget,
  prometheusDatasource,
  promTarget,
  thresholdLine,
  thresholds,
  timeSeriesPanel,
} from "../../src/model/dashboard-blocks";
import { http5xxByEndpoint, httpLogStream, metricSeries, STATUS_5XX_LINE_FILTER, withResponseMessage } from "../../src/model/telemetry";
import { ORDERS_PANELS } from "../panel-ids";

/** Panels of the orders area: orders succeeded vs failed, the failure ratio against the SLO, pizzas, revenue, 5xx, failed-order lines. */
export function orderPanels(cfg: Config) {
  const t = dashboardTelemetry(cfg.telemetry);
  const budget = errorBudget(cfg.slo.objectivePercent);
  const orderFilter = `${httpLogStream(t)} |= "/api/order"`;
  const orderLines = (statusFilter: string, window: string) =>
    `sum(count_over_time(${orderFilter} | json statusCode="statusCode", method="method", path="path"` +
    ` | __error__="" | method="POST" | path="/api/order"${statusFilter} [${window}]))`;
  // The order SLI's one definition (src/model/sli.ts): the same pipeline the recording rules feed the burn alerts.
  const failureRatioExpr = (window: string) => logFailureRatio(t, window);

  const ordersPerMinute = timeSeriesPanel()
    .id(ORDERS_PANELS.ordersPerMinute)
    .title("Orders per minute: succeeded vs failed")
    .description("POST /api/order responses from the request logs: succeeded = status below 400, failed = status 500 or above.")
    .datasource(lokiDatasource)
    .unit(units.Short)
    .interval("1m")
    .withTarget(lokiTarget("A", orderLines(" | statusCode < 400", "1m"), "succeeded"))
    .withTarget(lokiTarget("B", orderLines(" | statusCode >= 500", "1m"), "failed"));

  const failureRatio = new stat.PanelBuilder()
    .id(ORDERS_PANELS.failureRatio)
    .title("Order failure ratio (5m)")
    .description(
      `Failed POST /api/order responses divided by all of them, over the last 5 minutes. Red above the SLO's error budget (${budget * 100}%).`,
    )
    .datasource(lokiDatasource)
    .unit(units.PercentUnit)
    .decimals(2)
    .colorMode(common.BigValueColorMode.Background)
    .thresholds(thresholds("green", [budget, "red"]))
    .withTarget(lokiTarget("A", failureRatioExpr("5m"), "failure ratio"));

  const failureRatioVsSlo = timeSeriesPanel()
    .id(ORDERS_PANELS.failureRatioVsSlo)
    .title(`Order failure ratio vs the SLO (${cfg.slo.objectivePercent}% succeed)`)
    .description(
      `Failed share of POST /api/order responses over 5-minute windows. The dashed line is the error budget ` +
        `(${budget * 100}% of orders may fail): above it, the SLO is burning faster than it allows.`,
    )
    .datasource(lokiDatasource)
    .unit(units.PercentUnit)
    .min(0)
    .interval("1m")
    .thresholds(thresholds("green", [budget, "red"]))
    .thresholdsStyle(thresholdLine())
    .withTarget(lokiTarget("A", failureRatioExpr("5m"), "failure ratio"));

  const pizzas = timeSeriesPanel()
    .id(ORDERS_PANELS.pizzas)
    .title("Pizzas sold vs creation failures per minute")
    .description("From the service's metrics: pizzas the factory made, and pizza creations that failed.")
    .datasource(prometheusDatasource)
    .unit(units.Short)
    .interval("1m")
    .withTarget(promTarget("A", `sum(increase(${metricSeries(t, "pizzasSold")}[1m]))`, "sold"))
    .withTarget(promTarget("B", `sum(increase(${metricSeries(t, "orderFailures")}[1m]))`, "creation failures"));

  const revenue = timeSeriesPanel()
    .id(ORDERS_PANELS.revenue)
    .title("Revenue per minute")
    .datasource(prometheusDatasource)
    .unit(units.Dollars)
    .interval("1m")
    .withTarget(promTarget("A", `sum(increase(${metricSeries(t, "revenue")}[1m]))`, "revenue"));

  const orderLatency = timeSeriesPanel()
    .id(ORDERS_PANELS.orderLatency)
    .title("Order latency (pizza creation)")
    .description("The service's pizza creation latency gauge: how long the factory took to make the last order's pizzas.")
    .datasource(prometheusDatasource)
    .unit(units.Milliseconds)
    .min(0)
    .thresholds(thresholds("green", [cfg.thresholds.factoryLatency.milliseconds, "red"]))
    .thresholdsStyle(thresholdLine())
    .withTarget(promTarget("A", `max(${metricSeries(t, "factoryLatency")})`, "latency"));

  const http5xx = timeSeriesPanel()
    .id(ORDERS_PANELS.http5xx)
    .title("HTTP 5xx by endpoint")
    .description("5xx responses per minute from the request logs, by method and path.")
    .datasource(lokiDatasource)
    .unit(units.Short)
    .interval("1m")
    .withTarget(lokiTarget("A", http5xxByEndpoint(t, "1m"), "{{method}} {{path}}"));

  const failedOrderLines = new logs.PanelBuilder()
    .id(ORDERS_PANELS.failedOrderLines)
    .title("Recent failed orders")
    .description(
      "POST /api/order responses with status 500 or above: status, path and the response's message only. Bodies are never shown: they can hold JWTs.",
    )
    .datasource(lokiDatasource)
    .showTime(true)
    .wrapLogMessage(true)
    .enableLogDetails(false)
    .sortOrder(common.LogsSortOrder.Descending)
    .withTarget(
      lokiLogsTarget(
        "A",
        `${orderFilter} ${STATUS_5XX_LINE_FILTER}` +
          withResponseMessage(["statusCode", "method", "path"], ` | method="POST" | path="/api/order" | statusCode >= 500`) +
          ` | line_format "{{.statusCode}} {{.path}} {{.message}}" | keep statusCode, path, message`,
        100,
      ),
    );

  return { ordersPerMinute, failureRatio, failureRatioVsSlo, pizzas, revenue, orderLatency, http5xx, failedOrderLines };
}
