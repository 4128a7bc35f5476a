import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { recordingRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { ordersOver } from "../src/model/sli";
import { recordedSeriesLabels } from "../src/model/telemetry";

/** Orders per minute (the order SLI's denominator, src/model/sli.ts), from the request logs. */
export default function orderRequests(cfg: Config): RuleBuilder {
  return recordingRule(cfg, {
    uid: "pizza-record-order-requests",
    metric: cfg.telemetry.recorded.orderRequests,
    expr: ordersOver(cfg.telemetry, "1m", "all"),
    labels: recordedSeriesLabels(cfg.telemetry),
  });
}
