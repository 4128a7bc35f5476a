import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config";
import { burnRateAlert } from "../src/slo";

/** Orders failing fast enough to burn a real share of the month's error budget within the hour: page. */
export default function sloFastBurn(cfg: Config): RuleBuilder {
  return burnRateAlert(cfg, {
    uid: "pizza-order-slo-fast-burn",
    title: "JWT Pizza orders burning the error budget fast",
    burn: "fastBurn",
    severity: "page",
    consequence: "Customers cannot order; the usual cause is the pizza factory failing.",
  });
}
