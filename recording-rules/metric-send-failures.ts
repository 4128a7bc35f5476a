import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { recordingRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { metricSendFailuresPerMinute, recordedSeriesLabels } from "../src/model/telemetry";

/** Metric-shipping error lines per minute (Failed to send metric, ECONNRESET, ...): the telemetry outage's signature. */
export default function metricSendFailures(cfg: Config): RuleBuilder {
  return recordingRule(cfg, {
    uid: "pizza-record-metric-send-failures",
    metric: cfg.telemetry.recorded.metricSendFailures,
    expr: metricSendFailuresPerMinute(cfg.telemetry),
    labels: recordedSeriesLabels(cfg.telemetry),
  });
}
