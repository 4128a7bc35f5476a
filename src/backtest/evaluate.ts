import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type { SyntaxNode } from "@lezer/common";
import { parseQuery } from "../checks/grammar";
import { exprOf } from "../model/rules";
import { singleThreshold, thresholdHolds } from "../model/thresholds";
import { durationSeconds } from "../config/durations";
import type { Labels } from "../replay/logql";
import { RECORDING_VISIBILITY_LAG_SECONDS } from "../replay/grafana-eval";
import { queryKinds, type Catalogue, type CatalogueRule, type QueryKind } from "./catalogue";
import type { DatasourceClient, Datasource } from "./http";
import { queryRange, type RangeSeries } from "./range-query";
import { promtoolConditionSeries, type RawSeries } from "./evaluate-with-promtool";

/**
 * What each alert rule's query answered at each of its evaluations over the window, from the real
 * engines: LogQL by Loki and PromQL by Prometheus through Grafana's datasource proxy (query_range
 * at the group's interval, which evaluates the expression at exactly those instants, as Grafana's
 * instant queries do), or — when the alert reads a recorded series Prometheus does not have yet
 * (a new recording rule) — by promtool on the raw series Prometheus holds plus the series the
 * recording rule would have written, computed by Loki. The threshold of the rule is applied here.
 */

export interface SeriesResult {
  labels: Labels;
  value: number;
  /** Whether the rule's condition holds for this series. */
  holds: boolean;
}

export interface Evaluation {
  /** Unix seconds. */
  at: number;
  /** Every series query A returned; empty: NoData. */
  series: SeriesResult[];
}

export type EvaluatedBy = "Loki" | "Prometheus" | "promtool (recorded series from Loki)" | "paused (not evaluated)";

export interface RuleEvaluations {
  entry: CatalogueRule;
  evaluatedBy: EvaluatedBy;
  evaluations: Evaluation[];
}

export interface BacktestWindow {
  /** Unix seconds. */
  from: number;
  to: number;
}

/** The shapes the backtest evaluates: [A: query, B: threshold on A], condition B. Anything else is refused by name. */
export function conditionOf(rule: alerting.Rule): { expr: string; holds: (v: number) => boolean } {
  const [a, b] = rule.data;
  const threshold = singleThreshold(b?.model);
  const expr = a ? exprOf(a.model) : undefined;
  if (rule.data.length !== 2 || rule.condition !== "B" || a.refId !== "A" || threshold?.input !== "A" || expr === undefined) {
    throw new Error(
      `alert ${rule.uid}: the backtest evaluates rules of the shape [A: query, B: threshold (gt, lt, gte, lte) on A], condition B, only`,
    );
  }
  return { expr, holds: (v) => thresholdHolds(threshold.op, v, threshold.value) };
}

/** Evaluation instants of a group over the window: multiples of its interval since the epoch. */
export function evaluationTimes(w: BacktestWindow, intervalSeconds: number): number[] {
  const times: number[] = [];
  for (let t = Math.ceil(w.from / intervalSeconds) * intervalSeconds; t <= w.to; t += intervalSeconds) times.push(t);
  return times;
}

function toEvaluations(times: number[], series: RangeSeries[], holds: (v: number) => boolean): Evaluation[] {
  return times.map((at) => ({
    at,
    series: series.flatMap((s) => {
      const value = s.values.get(at);
      return value === undefined ? [] : [{ labels: s.labels, value, holds: holds(value) }];
    }),
  }));
}

export interface Datasources {
  loki: string;
  prometheus: string;
}

/** Recorded metrics (of the catalogue's recording rules) an expression selects. */
function recordedMetricsIn(expr: string, recordings: Map<string, CatalogueRule>): string[] {
  const q = parseQuery("promql", expr);
  const names = q.nodes("VectorSelector").map((n) => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(q.textOf(n))?.[0] ?? "");
  return [...new Set(names.filter((n) => recordings.has(n)))];
}

/**
 * How far back from an evaluation an expression reads: its longest chain of ranges (a matrix selector
 * or subquery, plus the ranges of the subqueries it sits in: `max_over_time(rate(x[5m])[1h:])` reads
 * 1h5m back), plus Prometheus' 5 m lookback.
 */
export function lookbackSeconds(expr: string): number {
  const q = parseQuery("promql", expr);
  const range = (n: SyntaxNode) => {
    const m = /\[([0-9a-z]+)(?::[0-9a-z]*)?\]\s*$/.exec(q.textOf(n));
    return m ? durationSeconds(m[1]) : 0;
  };
  const reach = [...q.nodes("MatrixSelector"), ...q.nodes("SubqueryExpr")].map((n) => {
    let total = range(n);
    for (let p = n.parent; p; p = p.parent) if (p.name === "SubqueryExpr") total += range(p);
    return total;
  });
  return Math.max(0, ...reach) + 300;
}

export interface EvaluateOptions {
  client: DatasourceClient;
  datasources: Datasources;
  window: BacktestWindow;
  /** Recorded metrics whose series must be computed from Loki (new or changed recording rules). */
  computeRecorded: Set<string>;
  /** Where promtool's files go. */
  dir: string;
}

/** The recording rules of a catalogue, by the metric they write. */
export function recordingRules(c: Catalogue): Map<string, CatalogueRule> {
  return new Map(c.rules.filter((r) => r.rule.record).map((r) => [r.rule.record!.metric, r]));
}

/** The series a Loki recording rule would have written over [from, to]: Loki evaluates it at the group's ticks; written `lag` later. */
async function computedRecordedSeries(o: EvaluateOptions, rec: CatalogueRule, from: number): Promise<RawSeries[]> {
  const rule = rec.rule;
  const record = rule.record!;
  const query = rule.data.find((d) => d.refId === record.from);
  const expr = query ? exprOf(query.model) : undefined;
  if (!query || expr === undefined || query.datasourceUid !== o.datasources.loki) {
    throw new Error(`recording rule ${rule.uid}: the backtest computes recorded series from a Loki query only (${record.from} is not one)`);
  }
  const times = evaluationTimes({ from, to: o.window.to }, rec.intervalSeconds);
  if (times.length === 0) return [];
  const series = await queryRange(o.client, {
    ds: { kind: "Loki", uid: o.datasources.loki },
    expr,
    start: times[0],
    end: times[times.length - 1],
    step: rec.intervalSeconds,
  });
  return series.map((s) => ({
    metric: record.metric,
    labels: { ...s.labels, ...(rule.labels ?? {}) },
    samples: [...s.values].map(([t, v]) => ({ t: t + RECORDING_VISIBILITY_LAG_SECONDS, v })).filter((x) => x.t <= o.window.to),
  }));
}

/** Evaluates every alert rule of a catalogue over the window. Recording rules are not reported themselves. */
export async function evaluateCatalogue(c: Catalogue, o: EvaluateOptions): Promise<RuleEvaluations[]> {
  const recordings = recordingRules(c);
  const alerts = c.rules.filter((r) => !r.rule.record);
  const viaPromtool: Array<{ entry: CatalogueRule; expr: string; holds: (v: number) => boolean }> = [];
  const direct = alerts.map(async (entry): Promise<RuleEvaluations | undefined> => {
    if (entry.rule.isPaused) return { entry, evaluatedBy: "paused (not evaluated)", evaluations: [] };
    const { expr, holds } = conditionOf(entry.rule);
    const kind = queryKinds(entry.rule, o.datasources).get("A") as QueryKind;
    const times = evaluationTimes(o.window, entry.intervalSeconds);
    if (times.length === 0) return { entry, evaluatedBy: kind, evaluations: [] };
    if (kind === "Prometheus" && recordedMetricsIn(expr, recordings).some((m) => o.computeRecorded.has(m))) {
      viaPromtool.push({ entry, expr, holds });
      return undefined;
    }
    const ds: Datasource = { kind, uid: kind === "Loki" ? o.datasources.loki : o.datasources.prometheus };
    const series = await queryRange(o.client, { ds, expr, start: times[0], end: times[times.length - 1], step: entry.intervalSeconds });
    return { entry, evaluatedBy: kind, evaluations: toEvaluations(times, series, holds) };
  });
  const results = (await Promise.all(direct)).filter((r): r is RuleEvaluations => r !== undefined);
  if (viaPromtool.length > 0) {
    const lookback = Math.max(...viaPromtool.map((p) => lookbackSeconds(p.expr)));
    const needed = new Set(viaPromtool.flatMap((p) => recordedMetricsIn(p.expr, recordings)).filter((m) => o.computeRecorded.has(m)));
    const recorded = (
      await Promise.all([...needed].map((m) => computedRecordedSeries(o, recordings.get(m)!, o.window.from - lookback)))
    ).flat();
    const conditions = await promtoolConditionSeries({
      ...o,
      alerts: viaPromtool.map((p) => ({
        uid: p.entry.rule.uid ?? "",
        expr: p.expr,
        intervalSeconds: p.entry.intervalSeconds,
        lookbackSeconds: lookbackSeconds(p.expr),
      })),
      recorded,
      skipMetrics: needed,
      lookbackSeconds: lookback,
    });
    for (const p of viaPromtool) {
      const times = evaluationTimes(o.window, p.entry.intervalSeconds);
      const got = conditions.get(p.entry.rule.uid ?? "") ?? new Map<number, Array<{ labels: Labels; value: number }>>();
      results.push({
        entry: p.entry,
        evaluatedBy: "promtool (recorded series from Loki)",
        evaluations: times.map((at) => ({ at, series: (got.get(at) ?? []).map((s) => ({ ...s, holds: p.holds(s.value) })) })),
      });
    }
  }
  return results.sort((a, b) => (a.entry.rule.uid ?? "").localeCompare(b.entry.rule.uid ?? ""));
}
