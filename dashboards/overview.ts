import type { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import type { Config } from "../src/config/schema";
import { row, stackDashboard } from "../src/model/dashboard-blocks";
import { OVERVIEW_DASHBOARD_UID, OVERVIEW_PANELS } from "./panel-ids";
import { servicePanels } from "./panels/service";

/** The JWT Pizza Service at a glance: RED, saturation, users, the external health check and firing alerts. */
export default function overviewDashboard(cfg: Config): DashboardBuilder {
  const service = servicePanels(cfg);
  return stackDashboard(cfg, {
    uid: OVERVIEW_DASHBOARD_UID,
    title: "JWT Pizza: service overview",
    tags: ["overview"],
    description:
      "The JWT Pizza Service at a glance: requests, errors, latency, CPU and memory, active users, the external health check and the stack's alerts.",
  })
    .withRow(row(OVERVIEW_PANELS.trafficRow, "Requests, errors and latency"))
    .withPanel(service.requests.span(8))
    .withPanel(service.errors.span(8))
    .withPanel(service.latency.span(8))
    .withRow(row(OVERVIEW_PANELS.saturationRow, "CPU and memory"))
    .withPanel(service.cpuNow.span(4))
    .withPanel(service.cpu.span(8))
    .withPanel(service.memoryNow.span(4))
    .withPanel(service.memory.span(8))
    .withRow(row(OVERVIEW_PANELS.healthRow, "Health check, users and alerts"))
    .withPanel(service.healthCheck.span(10).height(10))
    .withPanel(service.activeUsers.span(4).height(10))
    .withPanel(service.alerts.span(10).height(10));
}
