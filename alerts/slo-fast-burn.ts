import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import { burnRateAlert } from "./kinds/burn-rate";

/** Orders failing fast enough to burn 1% of the month's error budget within half an hour (see README for why 30m, not the workbook's 1h): page. */
export default function sloFastBurn(cfg: Config): RuleBuilder {
  return burnRateAlert(cfg, {
    uid: "pizza-order-slo-fast-burn",
    title: "JWT Pizza orders burning the error budget fast",
    burn: "fastBurn",
    severity: "page",
    consequence: "Customers cannot order; the usual cause is the pizza factory failing.",
  });
}
