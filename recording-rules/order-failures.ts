import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { recordingRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { orderFailuresPerMinute, recordedSeriesLabels } from "../src/model/telemetry";

/** POST /api/order requests answered 5xx per minute, from the request logs: the SLO's numerator. */
export default function orderFailures(cfg: Config): RuleBuilder {
  return recordingRule(cfg, {
    uid: "pizza-record-order-failures",
    metric: cfg.telemetry.recorded.orderFailures,
    expr: orderFailuresPerMinute(cfg.telemetry),
    labels: recordedSeriesLabels(cfg.telemetry),
  });
}
