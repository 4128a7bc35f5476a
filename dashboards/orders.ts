import type { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import type { Config } from "../src/config/schema";
import { row, stackDashboard } from "../src/model/dashboard-blocks";
import { ORDERS_DASHBOARD_UID, ORDERS_PANELS } from "./panel-ids";
import { orderPanels } from "./panels/orders";

/** Success-vs-failed orders: what the factory incident needed on one screen. */
export default function ordersDashboard(cfg: Config): DashboardBuilder {
  const orders = orderPanels(cfg);
  return stackDashboard(cfg, {
    uid: ORDERS_DASHBOARD_UID,
    title: "JWT Pizza: orders",
    tags: ["orders"],
    description:
      "Orders succeeded vs failed, failure ratio against the SLO, latency, revenue, 5xx responses and failed-order messages of the JWT Pizza Service.",
  })
    .withRow(row(ORDERS_PANELS.ordersRow, "Orders succeeded vs failed"))
    .withPanel(orders.ordersPerMinute.span(10))
    .withPanel(orders.failureRatio.span(4))
    .withPanel(orders.failureRatioVsSlo.span(10))
    .withRow(row(ORDERS_PANELS.errorsRow, "Errors and latency"))
    .withPanel(orders.http5xx)
    .withPanel(orders.orderLatency)
    .withRow(row(ORDERS_PANELS.salesRow, "Pizzas and revenue"))
    .withPanel(orders.pizzas)
    .withPanel(orders.revenue)
    .withRow(row(ORDERS_PANELS.failedOrdersRow, "Failed orders"))
    .withPanel(orders.failedOrderLines.span(24).height(10));
}
