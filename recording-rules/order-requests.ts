import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { recordingRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { orderRequestsPerMinute, recordedSeriesLabels } from "../src/model/telemetry";

/** POST /api/order requests per minute, from the request logs: the SLO's denominator. */
export default function orderRequests(cfg: Config): RuleBuilder {
  return recordingRule(cfg, {
    uid: "pizza-record-order-requests",
    metric: cfg.telemetry.recorded.orderRequests,
    expr: orderRequestsPerMinute(cfg.telemetry),
    labels: recordedSeriesLabels(cfg.telemetry),
  });
}
