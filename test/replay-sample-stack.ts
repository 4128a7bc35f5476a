import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { RecordRuleBuilder, RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { alertRule, lokiQuery, promQuery, threshold, type Severity, type ThresholdOp } from "../src/alerting";
import type { Config } from "../src/config";
import type { StackDefinition } from "../src/stack";
import { httpLogStream, logStream, metricSeries, STATUS_5XX_LINE_FILTER } from "../src/telemetry";

/**
 * A small stand-in catalogue for testing the replay machinery itself (recording rules feeding
 * promtool, PromQL alerts, routing), independent of the real catalogue's thresholds.
 */

function recording(cfg: Config, metric: string, expr: string): alerting.Rule {
  return new RuleBuilder(metric)
    .uid(metric.replace(/:/g, "-"))
    .ruleGroup("recording")
    .folderUID(cfg.folder.uid)
    .queries([lokiQuery("A", cfg.datasources.loki, expr, 60)])
    .condition("A")
    .labels({ [cfg.telemetry.metricSourceLabel]: cfg.telemetry.source })
    .record(new RecordRuleBuilder().from("A").metric(metric).targetDatasourceUid(cfg.datasources.prometheus))
    .build();
}

function promAlert(cfg: Config, uid: string, group: string, severity: Severity, category: string, expr: string, op: ThresholdOp, value: number, pendingPeriod: string): alerting.Rule {
  return alertRule(cfg, {
    uid,
    title: uid,
    group,
    severity,
    category,
    summary: "{{ $values.A.Value }}",
    description: "test",
    queries: [promQuery("A", cfg.datasources.prometheus, expr, 600), threshold("B", "A", op, value)],
    condition: "B",
    pendingPeriod,
    noDataState: "OK",
    execErrState: "Error",
  }).build();
}

export function orderFailuresQuery(cfg: Config, lineFilter = STATUS_5XX_LINE_FILTER): string {
  return `sum(count_over_time(${httpLogStream(cfg.telemetry)} ${lineFilter} | json statusCode="statusCode", method="method", path="path" | __error__="" | statusCode >= 500 | method="POST" | path="/api/order" [1m]))`;
}

export function sampleStack(base: StackDefinition, cfg: Config, failuresLineFilter?: string): StackDefinition {
  const t = cfg.telemetry;
  const src = (metric: string) => `${metric}{${t.metricSourceLabel}="${t.source}"}`;
  const group = (title: string, rules: alerting.Rule[]): alerting.RuleGroup => ({ title, interval: 60, folderUid: cfg.folder.uid, rules });
  return {
    ...base,
    ruleGroups: [
      ...base.ruleGroups,
      group("recording", [
        recording(cfg, "pizza:order_requests:count1m", `sum(count_over_time(${httpLogStream(t)} | json method="method", path="path" | __error__="" | method="POST" | path="/api/order" [1m]))`),
        recording(cfg, "pizza:order_failures:count1m", orderFailuresQuery(cfg, failuresLineFilter)),
        recording(cfg, "pizza:metric_send_failures:count1m", `sum(count_over_time(${logStream(t)} |~ "Failed to send metric|ECONNRESET|UND_ERR_CONNECT_TIMEOUT" [1m]))`),
      ]),
      group("slo", [promAlert(cfg, "sample-fast-burn", "slo", "page", "slo", `sum(${src("pizza:order_failures:count1m")}) / sum(${src("pizza:order_requests:count1m")})`, "gt", 0.5, "0s")]),
      group("availability", [promAlert(cfg, "sample-availability", "availability", "page", "availability", "min(probe_success)", "lt", 1, "2m")]),
      group("telemetry", [
        promAlert(cfg, "sample-ingestion-failure", "telemetry", "ticket", "telemetry", `sum(${src("pizza:metric_send_failures:count1m")})`, "gt", 5, "1m"),
        promAlert(cfg, "sample-cpu", "saturation", "ticket", "saturation", `max(${metricSeries(t, "cpu")})`, "gt", 90, "5m"),
      ]),
    ],
  };
}
