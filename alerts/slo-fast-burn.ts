import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import { burnRateAlert } from "./kinds/burn-rate";

/**
 * Orders failing fast enough to burn 2% of the month's error budget within an hour (the SRE workbook's fast burn:
 * 14.4x the budget rate over the long window, still burning over the short one; windows and factor are
 * `slo.fastBurn` in src/config/schema.ts, 1h/5m by default): page.
 */
export default function sloFastBurn(cfg: Config): RuleBuilder {
  return burnRateAlert(cfg, {
    uid: "pizza-order-slo-fast-burn",
    title: "JWT Pizza orders burning the error budget fast",
    burn: "fastBurn",
    severity: "page",
    consequence: "Customers cannot order; the usual cause is the pizza factory failing.",
  });
}
