import { DashboardBuilder, DashboardCursorSync } from "@grafana/grafana-foundation-sdk/dashboard";
import * as stat from "@grafana/grafana-foundation-sdk/stat";
import * as timeseries from "@grafana/grafana-foundation-sdk/timeseries";
import type { Config } from "../src/config";
import {
  dashboardTelemetry,
  layoutRows,
  lokiDatasource,
  lokiTarget,
  prometheusDatasource,
  promTarget,
  standardVariables,
} from "../src/dashboards";
import { http5xxByEndpoint, httpLogStream, metricSeries } from "../src/telemetry";

export const ORDERS_DASHBOARD_UID = "pizza-orders";

/** Success-vs-failed orders: what the factory incident needed on one screen. */
export default function ordersDashboard(cfg: Config): DashboardBuilder {
  const t = dashboardTelemetry(cfg.telemetry);
  const orderLines = (statusFilter: string, window: string) =>
    `sum(count_over_time(${httpLogStream(t)} |= "/api/order" | json statusCode="statusCode", method="method", path="path"` +
    ` | __error__="" | method="POST" | path="/api/order"${statusFilter} [${window}]))`;

  const ordersPerMinute = new timeseries.PanelBuilder()
    .title("Orders per minute: succeeded vs failed")
    .description("POST /api/order responses from the request logs: succeeded = status below 400, failed = status 500 or above.")
    .datasource(lokiDatasource)
    .unit("short")
    .interval("1m")
    .withTarget(lokiTarget("A", orderLines(" | statusCode < 400", "1m"), "succeeded"))
    .withTarget(lokiTarget("B", orderLines(" | statusCode >= 500", "1m"), "failed"));

  const failureRatio = new stat.PanelBuilder()
    .title("Order failure ratio (5m)")
    .description("Failed POST /api/order responses divided by all of them, over the last 5 minutes.")
    .datasource(lokiDatasource)
    .unit("percentunit")
    .decimals(1)
    .withTarget(lokiTarget("A", `${orderLines(" | statusCode >= 500", "5m")} / ${orderLines("", "5m")}`, "failure ratio"));

  const pizzas = new timeseries.PanelBuilder()
    .title("Pizzas sold vs creation failures per minute")
    .description("From the service's metrics: pizzas the factory made, and pizza creations that failed.")
    .datasource(prometheusDatasource)
    .unit("short")
    .interval("1m")
    .withTarget(promTarget("A", `sum(increase(${metricSeries(t, "pizzasSold")}[1m]))`, "sold"))
    .withTarget(promTarget("B", `sum(increase(${metricSeries(t, "orderFailures")}[1m]))`, "creation failures"));

  const revenue = new timeseries.PanelBuilder()
    .title("Revenue per minute")
    .datasource(prometheusDatasource)
    .unit("currencyUSD")
    .interval("1m")
    .withTarget(promTarget("A", `sum(increase(${metricSeries(t, "revenue")}[1m]))`, "revenue"));

  const http5xx = new timeseries.PanelBuilder()
    .title("HTTP 5xx by endpoint")
    .description("5xx responses per minute from the request logs, by method and path.")
    .datasource(lokiDatasource)
    .unit("short")
    .interval("1m")
    .withTarget(lokiTarget("A", http5xxByEndpoint(t, "1m"), "{{method}} {{path}}"));

  layoutRows([[ordersPerMinute, failureRatio], [pizzas, revenue], [http5xx]]);

  return new DashboardBuilder("JWT Pizza: orders")
    .uid(ORDERS_DASHBOARD_UID)
    .tags(["jwt-pizza", "orders"])
    .description("Orders succeeded vs failed, failure ratio, revenue and 5xx responses of the JWT Pizza Service.")
    .refresh("1m")
    .time({ from: "now-3h", to: "now" })
    .timezone("browser")
    .tooltip(DashboardCursorSync.Crosshair)
    .readonly()
    .variables(standardVariables(cfg))
    .withPanel(ordersPerMinute)
    .withPanel(failureRatio)
    .withPanel(pizzas)
    .withPanel(revenue)
    .withPanel(http5xx);
}
