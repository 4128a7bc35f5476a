import type { RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { recordingRule } from "../src/model/rules";
import type { Config } from "../src/config/schema";
import { httpRequestsPerMinute, recordedSeriesLabels } from "../src/model/telemetry";

/** Every HTTP request line per minute: proof that the service is serving and logging. */
export default function httpRequests(cfg: Config): RuleBuilder {
  return recordingRule(cfg, {
    uid: "pizza-record-http-requests",
    metric: cfg.telemetry.recorded.httpRequests,
    expr: httpRequestsPerMinute(cfg.telemetry),
    labels: recordedSeriesLabels(cfg.telemetry),
  });
}
