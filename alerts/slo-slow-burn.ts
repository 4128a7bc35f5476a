import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import { burnRateAlert } from "./kinds/burn-rate";

/** Orders failing steadily enough to exhaust the error budget before the month ends: ticket. */
export default function sloSlowBurn(cfg: Config): RuleBuilder {
  return burnRateAlert(cfg, {
    uid: "pizza-order-slo-slow-burn",
    title: "JWT Pizza orders burning the error budget steadily",
    burn: "slowBurn",
    severity: "ticket",
    consequence: "Some orders keep failing; at this rate the month's error budget runs out early.",
  });
}
