import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { OVERVIEW_PANELS } from "../dashboards/panel-ids";
import type { Config } from "../src/config/schema";
import { saturationAlert } from "./kinds/saturation";

/** The service's host is running out of memory: it will slow down or fall over. */
export default function memorySaturation(cfg: Config): RuleBuilder {
  return saturationAlert(cfg, { uid: "pizza-memory-saturation", resource: "memory", name: "Memory", panelId: OVERVIEW_PANELS.memory });
}
