import { labelSetKey } from "../model/labels";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import type { Fixture, Series } from "./fixtures";
import { exprOf } from "../model/rules";
import { singleThreshold, thresholdHolds } from "../model/thresholds";
import { compileLogQL } from "./logql";
import type { Evaluation } from "./alert-state";

/**
 * Grafana's side of the replay, for rules Prometheus cannot run: Loki recording rules (their
 * output becomes promtool input series) and LogQL alerts (threshold + pending period, per series).
 */

/** Evaluation times of a rule group over a fixture: every interval, from the first full interval. */
export function evaluationTimes(fixture: Fixture, intervalSeconds: number): number[] {
  const times: number[] = [];
  for (let t = intervalSeconds; t <= fixture.durationSeconds; t += intervalSeconds) times.push(t);
  return times;
}

function queryOf(rule: alerting.Rule, refId: string) {
  const q = rule.data.find((d) => d.refId === refId);
  const expr = q ? exprOf(q.model) : undefined;
  if (!q || expr === undefined) throw new Error(`rule ${rule.uid}: ${refId} is not a LogQL query the replay can evaluate`);
  return compileLogQL(expr);
}

/**
 * A recorded sample written at evaluation time t is only queryable after remote write has
 * ingested it; an alert evaluated at the same tick is assumed not to see it yet (conservative).
 */
export const RECORDING_VISIBILITY_LAG_SECONDS = 10;

/** The series Grafana's Loki recording rules write to Prometheus during a fixture. */
export function replayRecordingRules(
  rules: alerting.Rule[],
  fixture: Fixture,
  intervalSeconds: number,
  queryFailsAt: (seconds: number) => boolean = () => false,
): Series[] {
  const steps = fixture.durationSeconds / fixture.sampleIntervalSeconds;
  const out = new Map<string, Series>();
  for (const rule of rules) {
    const record = rule.record!;
    const query = queryOf(rule, record.from);
    for (const t of evaluationTimes(fixture, intervalSeconds)) {
      const step = Math.ceil((t + RECORDING_VISIBILITY_LAG_SECONDS) / fixture.sampleIntervalSeconds);
      // A failed recording query writes nothing (Grafana records no sample for that evaluation).
      if (step > steps || queryFailsAt(t)) continue;
      for (const sample of query(fixture.logs, t * 1000)) {
        const labels = { ...sample.labels, ...(rule.labels ?? {}) };
        const key = `${record.metric}${labelSetKey(labels)}`;
        if (!out.has(key)) out.set(key, { metric: record.metric, labels, values: new Array(steps + 1).fill(undefined) });
        out.get(key)!.values[step] = sample.value;
      }
    }
  }
  return [...out.values()];
}

/** The [A: LogQL, B: threshold on A] shape's condition: A's samples and whether each holds B. */
function logqlCondition(rule: alerting.Rule) {
  const [a, b] = rule.data;
  const t = singleThreshold(b?.model);
  if (rule.data.length !== 2 || rule.condition !== "B" || a.refId !== "A" || t?.input !== "A") {
    throw new Error(`alert ${rule.uid}: the LogQL replay handles [A: LogQL, B: threshold on A] with condition B only`);
  }
  return { query: queryOf(rule, "A"), holds: (v: number) => thresholdHolds(t.op, v, t.value) };
}

/**
 * A LogQL alert's evaluations over a fixture, for the alert state machine (alert-state.ts): per
 * evaluation, each series of A and whether B holds for it (no series: NoData), or the query error.
 */
export function logqlEvaluations(
  rule: alerting.Rule,
  fixture: Fixture,
  intervalSeconds: number,
  queryFailsAt: (seconds: number) => boolean = () => false,
): Evaluation[] {
  const { query, holds } = logqlCondition(rule);
  return evaluationTimes(fixture, intervalSeconds).map((at) =>
    queryFailsAt(at)
      ? { atSeconds: at, error: "Loki query failed" }
      : {
          atSeconds: at,
          series: query(fixture.logs, at * 1000).map((s) => ({ labels: s.labels, condition: holds(s.value), value: s.value })),
        },
  );
}
