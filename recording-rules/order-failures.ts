import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { recordingRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { ordersOver } from "../src/model/sli";
import { recordedSeriesLabels } from "../src/model/telemetry";

/** Failed orders per minute (the order SLI's numerator, src/model/sli.ts), from the request logs. */
export default function orderFailures(cfg: Config): RuleBuilder {
  return recordingRule(cfg, {
    uid: "pizza-record-order-failures",
    metric: cfg.telemetry.recorded.orderFailures,
    expr: ordersOver(cfg.telemetry, "1m", "failed"),
    labels: recordedSeriesLabels(cfg.telemetry),
  });
}
