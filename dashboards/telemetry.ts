import type { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import type { Config } from "../src/config/schema";
import { row, stackDashboard } from "../src/model/dashboard-blocks";
import { TELEMETRY_DASHBOARD_UID, TELEMETRY_PANELS } from "./panel-ids";
import { telemetryPanels } from "./panels/telemetry";

/** The service's telemetry pipeline, so a telemetry outage is told apart from a service outage. */
export default function telemetryDashboard(cfg: Config): DashboardBuilder {
  const telemetry = telemetryPanels(cfg);
  return stackDashboard(cfg, {
    uid: TELEMETRY_DASHBOARD_UID,
    title: "JWT Pizza: telemetry pipeline",
    tags: ["telemetry"],
    description: "Is the JWT Pizza Service's telemetry arriving? Metric-shipping failures, metrics freshness, logs vs metrics, log volume.",
  })
    .withRow(row(TELEMETRY_PANELS.shippingRow, "Metric shipping"))
    .withPanel(telemetry.metricShippingFailures.span(18))
    .withPanel(telemetry.metricsFreshnessNow.span(6))
    .withRow(row(TELEMETRY_PANELS.arrivalRow, "What arrives: metrics freshness, logs vs metrics, log volume"))
    .withPanel(telemetry.metricsFreshness)
    .withPanel(telemetry.requestsLogsVsMetrics)
    .withPanel(telemetry.logVolumeByLevel.span(24));
}
