import { QueryBuilder, RecordRuleBuilder, RuleBuilder } from "@grafana/grafana-foundation-sdk/alerting";
import { TypeThresholdBuilder } from "@grafana/grafana-foundation-sdk/expr";
import * as loki from "@grafana/grafana-foundation-sdk/loki";
import * as prometheus from "@grafana/grafana-foundation-sdk/prometheus";
import { durationSeconds } from "../config/durations";
import type { Config } from "../config/schema";
import type { ThresholdOp } from "./thresholds";

/** Annotations linking a rule to the dashboard panel it watches (Grafana's own keys). */
export const DASHBOARD_UID_ANNOTATION = "__dashboardUid__";
export const PANEL_ID_ANNOTATION = "__panelId__";

/** Datasource uid Grafana uses for server-side expressions (math, reduce, threshold). */
export const EXPRESSION_DATASOURCE = "__expr__";

/**
 * Who gets woken: `page` reaches on-call, `ticket` and `warning` reach a channel during working hours,
 * `none` is the watchdog's heartbeat, which no person reads.
 */
export type Severity = "page" | "ticket" | "warning" | "none";

/** The LogQL/PromQL text of a Loki or Prometheus query model (a rule query's model or a panel target). */
export function exprOf(model: unknown): string | undefined {
  const expr = (model as { expr?: unknown } | undefined)?.expr;
  return typeof expr === "string" ? expr : undefined;
}

/** Instant LogQL metric query over the last `lookbackSeconds`. */
export function lokiQuery(refId: string, datasourceUid: string, expr: string, lookbackSeconds: number): QueryBuilder {
  return new QueryBuilder(refId)
    .datasourceUid(datasourceUid)
    .queryType(loki.LokiQueryType.Instant)
    .relativeTimeRange({ from: lookbackSeconds, to: 0 })
    .model(new loki.DataqueryBuilder().expr(expr).queryType(loki.LokiQueryType.Instant).instant(true).refId(refId));
}

/** Instant PromQL query over the last `lookbackSeconds`. */
export function promQuery(refId: string, datasourceUid: string, expr: string, lookbackSeconds: number): QueryBuilder {
  return new QueryBuilder(refId)
    .datasourceUid(datasourceUid)
    .relativeTimeRange({ from: lookbackSeconds, to: 0 })
    .model(new prometheus.DataqueryBuilder().expr(expr).instant().refId(refId));
}

/** Threshold expression `input <op> value`: the rule's condition. */
export function threshold(refId: string, input: string, op: ThresholdOp, value: number): QueryBuilder {
  return new QueryBuilder(refId).datasourceUid(EXPRESSION_DATASOURCE).model(
    new TypeThresholdBuilder()
      .datasource({ type: EXPRESSION_DATASOURCE, uid: EXPRESSION_DATASOURCE })
      .expression(input)
      .conditions([{ evaluator: { type: op, params: [value] } }])
      .refId(refId),
  );
}

export interface AlertSpec {
  /** Stable Grafana uid; also names the runbook `runbooks/<uid>.md`. */
  uid: string;
  title: string;
  /** Rule group: one per concern. */
  group: string;
  severity: Severity;
  category: string;
  summary: string;
  description: string;
  queries: QueryBuilder[];
  condition: string;
  pendingPeriod: string;
  /** Keeps an instance firing (Recovering) this long after its condition stops holding: one episode per incident. */
  keepFiringFor?: string;
  noDataState: "OK" | "Alerting" | "NoData" | "KeepLast";
  execErrState: "Alerting" | "Error" | "OK" | "KeepLast";
  /** The dashboard panel showing what the rule watches: Grafana links the alert to it and draws its state there. */
  panel?: { dashboardUid: string; panelId: number };
  /** Annotations beyond summary, description and runbook_url (Grafana expands their templates too). */
  annotations?: Record<string, string>;
}

/** A Grafana-managed alert rule carrying the labels and annotations every route and runbook relies on. */
export function alertRule(cfg: Config, spec: AlertSpec): RuleBuilder {
  const rule = new RuleBuilder(spec.title)
    .uid(spec.uid)
    .ruleGroup(spec.group)
    .folderUID(cfg.folder.uid)
    .queries(spec.queries)
    .condition(spec.condition)
    .forDuration(spec.pendingPeriod)
    .noDataState(spec.noDataState)
    .execErrState(spec.execErrState)
    .labels({
      severity: spec.severity,
      team: cfg.alerting.team,
      service: cfg.telemetry.source,
      category: spec.category,
    })
    .annotations({
      summary: spec.summary,
      description: spec.description,
      runbook_url: `${cfg.alerting.runbookBaseUrl.replace(/\/+$/, "")}/${spec.uid}.md`,
      ...spec.annotations,
      ...(spec.panel && {
        [DASHBOARD_UID_ANNOTATION]: spec.panel.dashboardUid,
        [PANEL_ID_ANNOTATION]: String(spec.panel.panelId),
      }),
    });
  return spec.keepFiringFor && durationSeconds(spec.keepFiringFor) > 0 ? rule.keepFiringFor(spec.keepFiringFor) : rule;
}

export interface ThresholdAlertSpec extends Omit<AlertSpec, "queries" | "condition"> {
  /** Instant query A (PromQL or LogQL); the rule fires on `A <op> value` (threshold B). */
  expr: string;
  op: ThresholdOp;
  value: number;
  /** How far back the query reads (its relative time range): its longest range selector. */
  lookbackSeconds: number;
}

/**
 * A PromQL alert in the catalogue's one shape, data = [A: instant PromQL, B: threshold on A],
 * condition B, so it exports mechanically to a Prometheus rule `A <op> value`.
 */
export function promAlertRule(cfg: Config, spec: ThresholdAlertSpec): RuleBuilder {
  return thresholdAlertRule(cfg, spec, promQuery("A", cfg.datasources.prometheus, spec.expr, spec.lookbackSeconds));
}

/** A LogQL alert in the one shape the replay's LogQL evaluator reads: [A: LogQL, B: threshold on A], condition B. */
export function lokiAlertRule(cfg: Config, spec: ThresholdAlertSpec): RuleBuilder {
  return thresholdAlertRule(cfg, spec, lokiQuery("A", cfg.datasources.loki, spec.expr, spec.lookbackSeconds));
}

function thresholdAlertRule(cfg: Config, spec: ThresholdAlertSpec, queryA: QueryBuilder): RuleBuilder {
  const { expr: _expr, op, value, lookbackSeconds: _lookback, ...rest } = spec;
  return alertRule(cfg, { ...rest, queries: [queryA, threshold("B", "A", op, value)], condition: "B" });
}

export const RECORDING_GROUP = "recording";
/** The recording group runs every minute, whatever `alerting.evaluationIntervalSeconds` says: its series are per-minute counts. */
export const RECORDING_INTERVAL_SECONDS = 60;

export interface RecordingSpec {
  uid: string;
  /** Name of the series written into the Prometheus datasource. */
  metric: string;
  /** Instant LogQL query counting log lines over the last minute. */
  expr: string;
  labels: Record<string, string>;
}

/**
 * A Grafana-managed recording rule: Loki query A, evaluated every minute, written as `metric` into
 * the stack's Prometheus datasource. Grafana adds the rule's labels to every series it writes.
 */
export function recordingRule(cfg: Config, spec: RecordingSpec): RuleBuilder {
  return new RuleBuilder(spec.metric)
    .uid(spec.uid)
    .ruleGroup(RECORDING_GROUP)
    .folderUID(cfg.folder.uid)
    .queries([lokiQuery("A", cfg.datasources.loki, spec.expr, 60)])
    .record(new RecordRuleBuilder().metric(spec.metric).from("A").targetDatasourceUid(cfg.datasources.prometheus))
    .labels(spec.labels);
}
