import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { OVERVIEW_PANELS } from "../dashboards/panel-ids";
import type { Config } from "../src/config/schema";
import { saturationAlert } from "./kinds/saturation";

/** The service's host is running out of CPU: it will slow down or fall over. */
export default function cpuSaturation(cfg: Config): RuleBuilder {
  return saturationAlert(cfg, { uid: "pizza-cpu-saturation", resource: "cpu", name: "CPU", panelId: OVERVIEW_PANELS.cpu });
}
