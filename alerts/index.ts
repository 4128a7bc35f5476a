import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import type { Config } from "../src/config/schema";
import type { Suppressing } from "../src/model/suppressions";
import apiAvailability from "./api-availability";
import apiTrafficAbsent from "./api-traffic-absent";
import cpuSaturation from "./cpu-saturation";
import factoryFailing from "./factory-failing";
import factoryLatency from "./factory-latency";
import memorySaturation from "./memory-saturation";
import metricIngestionFailure from "./metric-ingestion-failure";
import metricsAbsent from "./metrics-absent";
import logsAbsent from "./logs-absent";
import order5xx from "./order-5xx";
import orderFailures from "./order-failures";
import sloFastBurn from "./slo-fast-burn";
import sloSlowBurn from "./slo-slow-burn";
import watchdog from "./watchdog";

/** An alert: its rule for one config, and the checks it turns off for itself, each with a reason. */
export type AlertDefinition = ((cfg: Config) => RuleBuilder) & Suppressing;

/** Every alert of the catalogue, one definition per file. */
export const alertDefinitions: AlertDefinition[] = [
  orderFailures,
  order5xx,
  sloFastBurn,
  sloSlowBurn,
  apiAvailability,
  apiTrafficAbsent,
  metricIngestionFailure,
  metricsAbsent,
  logsAbsent,
  cpuSaturation,
  memorySaturation,
  factoryFailing,
  factoryLatency,
  watchdog,
];

/** The alerts a stack deploys: the health check's availability alert, or its log-traffic fallback without one. */
export function enabledAlertDefinitions(cfg: Config): AlertDefinition[] {
  const unused = cfg.syntheticMonitoring.enabled ? apiTrafficAbsent : apiAvailability;
  return alertDefinitions.filter((define) => define !== unused);
}
