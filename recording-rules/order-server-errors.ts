import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { recordingRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { ordersOver } from "../src/model/sli";
import { recordedSeriesLabels } from "../src/model/telemetry";

/** Orders the service itself answered 500 per minute, from the request logs (read by the order-failure page). */
export default function orderServerErrors(cfg: Config): RuleBuilder {
  return recordingRule(cfg, {
    uid: "pizza-record-order-server-errors",
    metric: cfg.telemetry.recorded.orderServerErrors,
    expr: ordersOver(cfg.telemetry, "1m", "serviceError"),
    labels: recordedSeriesLabels(cfg.telemetry),
  });
}
