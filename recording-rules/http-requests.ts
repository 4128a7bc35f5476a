import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { recordingRule } from "../src/alerting";
import type { Config } from "../src/config";
import { httpRequestsPerMinute, recordedSeriesLabels } from "../src/telemetry";

/** Every HTTP request line per minute: proof that the service is serving and logging. */
export default function httpRequests(cfg: Config): RuleBuilder {
  return recordingRule(cfg, {
    uid: "pizza-record-http-requests",
    metric: cfg.telemetry.recorded.httpRequests,
    expr: httpRequestsPerMinute(cfg.telemetry),
    labels: recordedSeriesLabels(cfg.telemetry),
  });
}
