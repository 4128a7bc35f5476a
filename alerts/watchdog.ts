import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { promAlertRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";

/**
 * Always firing: the heartbeat receiver expects it every repeat interval, so silence means the
 * alerting pipeline (rule evaluation, the Prometheus datasource, notification delivery) is broken.
 */
export default function watchdog(cfg: Config): RuleBuilder {
  return promAlertRule(cfg, {
    uid: "pizza-watchdog",
    title: "JWT Pizza alerting watchdog",
    group: "meta",
    severity: "none",
    category: "watchdog",
    summary: "Alerting pipeline heartbeat: this alert always fires",
    description:
      "Always firing by design. If the heartbeat receiver stops getting it, alerts of this stack are not being evaluated or delivered.",
    expr: "vector(1)",
    op: "gt",
    value: 0,
    lookbackSeconds: 60,
    pendingPeriod: "0s",
    // vector(1) always has a sample; should it ever return none, silence is the right signal.
    noDataState: "OK",
    // A failing evaluation must stop the heartbeat rather than keep it alive ("Alerting" would).
    execErrState: "Error",
  });
}
