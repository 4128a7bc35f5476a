import type { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import type { Config } from "../src/config/schema";
import { row, stackDashboard } from "../src/model/dashboard-blocks";
import { FACTORY_DASHBOARD_UID, FACTORY_PANELS } from "./panel-ids";
import { factoryPanels } from "./panels/factory";

/** The pizza factory as a dependency: is it failing, slow, or in chaos? */
export default function factoryDashboard(cfg: Config): DashboardBuilder {
  const factory = factoryPanels(cfg);
  return stackDashboard(cfg, {
    uid: FACTORY_DASHBOARD_UID,
    title: "JWT Pizza: factory dependency",
    tags: ["factory"],
    description:
      "The pizza factory as seen by the JWT Pizza Service: is the factory or the service failing, errors, failure ratio, latency, failure messages and chaos support links.",
  })
    .withRow(row(FACTORY_PANELS.causeRow, "Factory or our service?"))
    .withPanel(factory.factoryAnswers)
    .withPanel(factory.whereOrdersFail)
    .withRow(row(FACTORY_PANELS.errorsRow, "Errors"))
    .withPanel(factory.errorsPerMinute)
    .withPanel(factory.failureRatio)
    .withRow(row(FACTORY_PANELS.latencyRow, "Latency"))
    .withPanel(factory.latency.span(18))
    .withPanel(factory.currentLatency.span(6))
    .withRow(row(FACTORY_PANELS.chaosRow, "Failure messages and chaos"))
    .withPanel(factory.failureMessages.span(12))
    .withPanel(factory.supportLinks.span(4))
    .withPanel(factory.supportLinksPerMinute.span(8));
}
