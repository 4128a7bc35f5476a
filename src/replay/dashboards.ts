import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import type { Fixture } from "./fixtures";
import { expandGrafanaMacros } from "../checks/grammar";
import { compileLogQL, LogQLUnsupported, type Labels } from "./logql";
import { labelSetKey } from "../model/labels";

/** A LogQL range query as Grafana runs a panel target: an instant evaluation at every step. */
export interface RangeResult {
  /** Evaluation times, seconds from the fixture's start. */
  times: number[];
  series: Array<{ labels: Labels; values: Array<number | undefined> }>;
}

export function rangeQuery(expr: string, fixture: Fixture, stepSeconds: number, fromSeconds = stepSeconds): RangeResult {
  const query = compileLogQL(expandGrafanaMacros(expr));
  const times: number[] = [];
  for (let t = fromSeconds; t <= fixture.durationSeconds; t += stepSeconds) times.push(t);
  const byKey = new Map<string, { labels: Labels; values: Array<number | undefined> }>();
  times.forEach((t, i) => {
    for (const s of query(fixture.logs, t * 1000)) {
      const k = labelSetKey(s.labels);
      if (!byKey.has(k)) byKey.set(k, { labels: s.labels, values: new Array(times.length).fill(undefined) });
      byKey.get(k)!.values[i] = s.value;
    }
  });
  return { times, series: [...byKey.values()] };
}

/** A panel query with the dashboard's variables at their current (default) values, as Grafana sends it. */
export function interpolateVariables(expr: string, d: dashboard.Dashboard): string {
  const values = new Map<string, string>();
  for (const v of d.templating?.list ?? []) {
    const current = (v.current as { value?: unknown } | undefined)?.value;
    if (typeof current === "string") values.set(v.name, current);
  }
  return expr.replace(/\$\{(\w+)\}|\$(\w+)|\[\[(\w+)\]\]/g, (m, a?: string, b?: string, c?: string) => values.get((a ?? b ?? c)!) ?? m);
}

/** Whether the replay evaluates this query (a metric query it supports), or why not. */
export function replayable(expr: string): true | string {
  try {
    compileLogQL(expandGrafanaMacros(expr));
    return true;
  } catch (err) {
    if (err instanceof LogQLUnsupported) return err.message;
    throw err;
  }
}
