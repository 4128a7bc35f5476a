import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { parseQuery } from "../checks/grammar";
import type { Fixture, Series } from "../replay/fixtures";
import type { Labels } from "../replay/logql";
import { inParallel, PROMTOOL_CONCURRENCY } from "../emit/promtool";
import { observeFiringsAsync, reportedValues, valueRule } from "../replay/promtool-tests";
import { type Datasource, type DatasourceClient } from "./http";
import { checkedMatrix } from "./range-query";

/**
 * PromQL alerts that read a recorded series Prometheus does not hold yet (a new recording rule)
 * run through promtool, as in the replay: its input is the raw samples Prometheus holds for the
 * alert's other selectors plus the series the recording rule would have written (computed by
 * Loki). promtool needs every input series on one sample grid; samples off a whole-second grid
 * common to all series are refused by name rather than moved.
 */

export interface RawSeries {
  metric: string;
  labels: Labels;
  /** Unix seconds (milliseconds as fractions), ascending. */
  samples: Array<{ t: number; v: number }>;
}

/** Raw samples are read in chunks of this many seconds (`/api/v1/query` of `selector[2h]`). */
export const RAW_CHUNK_SECONDS = 2 * 3600;
/** promtool holds every step of every input series in memory: the bound on series x steps. */
export const MAX_PROMTOOL_POINTS = 20_000_000;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The vector selectors of an expression, as written (`name{matchers}`). */
export function selectorsOf(expr: string): Array<{ text: string; metric: string }> {
  const q = parseQuery("promql", expr);
  return q.nodes("VectorSelector").map((n) => {
    const text = q.textOf(n).trim();
    return { text, metric: /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(text)?.[0] ?? "" };
  });
}

interface MatrixBody {
  status?: string;
  error?: string;
  data?: { resultType?: string; result?: Array<{ metric?: Labels; values?: Array<[number, string]> }> };
}

async function rawSeries(client: DatasourceClient, ds: Datasource, selector: string, from: number, to: number): Promise<RawSeries[]> {
  if (/\b(offset)\b|@/.test(selector)) throw new Error(`selector ${selector}: offset and @ modifiers are not backtested through promtool`);
  const ends: number[] = [];
  for (let end = to; end > from; end -= RAW_CHUNK_SECONDS) ends.push(end);
  const bodies = await Promise.all(
    ends.map((end) => {
      const range = Math.min(RAW_CHUNK_SECONDS, end - from);
      return client.get(ds, "/api/v1/query", { query: `${selector}[${range}s]`, time: String(end) }) as Promise<MatrixBody>;
    }),
  );
  const out = new Map<string, RawSeries>();
  for (const body of bodies) {
    for (const s of checkedMatrix(ds, `raw samples of ${selector}`, body)) {
      const { __name__: name = "", ...labels } = s.metric;
      const key = JSON.stringify([name, Object.entries(labels).sort()]);
      const series = out.get(key) ?? { metric: name, labels, samples: [] };
      out.set(key, series);
      for (const [t, v] of s.values) series.samples.push({ t, v });
    }
  }
  for (const s of out.values()) s.samples.sort((a, b) => a.t - b.t);
  return [...out.values()];
}

export interface PromtoolAlert {
  uid: string;
  expr: string;
  intervalSeconds: number;
  /** How far back its expression reads (`lookbackSeconds`): promtool evaluates it from that far before the window, no further. */
  lookbackSeconds: number;
}

export interface PromtoolPathInput {
  client: DatasourceClient;
  datasources: { prometheus: string };
  window: { from: number; to: number };
  dir: string;
  alerts: PromtoolAlert[];
  /** Computed recorded series (Loki), already at the times they would have been written. */
  recorded: RawSeries[];
  /** Metrics not read from Prometheus (the computed recorded ones). */
  skipMetrics: Set<string>;
  /** The longest of the alerts' lookbacks: raw samples are read from that far before the window. */
  lookbackSeconds: number;
}

/** Per alert uid, per evaluation time (Unix seconds): every series its expression returned, with its value. */
export async function promtoolConditionSeries(
  input: PromtoolPathInput,
): Promise<Map<string, Map<number, Array<{ labels: Labels; value: number }>>>> {
  const ds: Datasource = { kind: "Prometheus", uid: input.datasources.prometheus };
  const start = input.window.from - input.lookbackSeconds;
  const selectors = [
    ...new Map(
      input.alerts
        .flatMap((a) => selectorsOf(a.expr))
        .filter((s) => !input.skipMetrics.has(s.metric))
        .map((s) => [s.text, s]),
    ).values(),
  ];
  const fetched = (await Promise.all(selectors.map((s) => rawSeries(input.client, ds, s.text, start, input.window.to)))).flat();
  const unique = new Map<string, RawSeries>();
  for (const s of [...fetched, ...input.recorded]) unique.set(JSON.stringify([s.metric, Object.entries(s.labels).sort()]), s);
  const all = [...unique.values()];

  const out = new Map<string, Map<number, Array<{ labels: Labels; value: number }>>>();
  // One promtool run per interval and lookback: each alert is evaluated from its own lookback before
  // the window (a subquery's cost grows with every step promtool evaluates), not the longest one's.
  const groups = new Map<string, { interval: number; lookback: number; alerts: PromtoolAlert[] }>();
  for (const a of input.alerts) {
    const key = `${a.intervalSeconds}s-${a.lookbackSeconds}s`;
    const g = groups.get(key) ?? { interval: a.intervalSeconds, lookback: a.lookbackSeconds, alerts: [] };
    groups.set(key, g);
    g.alerts.push(a);
  }
  mkdirSync(input.dir, { recursive: true });
  const runs = [...groups].map(([key, { interval, lookback, alerts }]) => {
    const base = Math.floor((input.window.from - lookback) / interval) * interval;
    let gridMs = interval * 1000;
    for (const s of all) for (const { t } of s.samples) if (t >= base) gridMs = gcd(gridMs, Math.round((t - base) * 1000));
    if (gridMs % 1000 !== 0) {
      const off = all.find((s) => s.samples.some(({ t }) => t >= base && Math.round((t - base) * 1000) % 1000 !== 0));
      throw new Error(
        `series ${off?.metric}${JSON.stringify(off?.labels ?? {})} has samples off whole seconds: promtool needs one sample grid for all input series. Deploy the recording rules first (their series are then read from Prometheus), or backtest before --ref without them.`,
      );
    }
    const grid = gridMs / 1000;
    const steps = Math.ceil((input.window.to - base) / grid);
    if (steps * all.length > MAX_PROMTOOL_POINTS) {
      throw new Error(
        `promtool input would hold ${steps * all.length} points (${all.length} series x ${steps} steps of ${grid}s), above ${MAX_PROMTOOL_POINTS}: backtest a shorter window`,
      );
    }
    const series: Series[] = all.map((s) => {
      const values: Array<number | undefined> = new Array(steps + 1).fill(undefined);
      for (const { t, v } of s.samples) if (t >= base && t <= input.window.to) values[Math.round((t - base) / grid)] = v;
      return { metric: s.metric, labels: s.labels, values };
    });
    const name = `backtest-${key}`;
    const ruleFile = join(input.dir, `${name}.rules.yml`);
    // No threshold and no `for`: every series the expression returns is an alert, its value in an annotation.
    const group = {
      name,
      interval: `${interval}s`,
      rules: alerts.map((a) => valueRule(a.uid, a.expr)),
    };
    writeFileSync(ruleFile, stringify({ groups: [group] }, { lineWidth: 0 }));
    const fixture: Fixture = {
      name,
      title: name,
      durationSeconds: input.window.to - base,
      sampleIntervalSeconds: grid,
      logs: [],
      series: [],
    };
    // Checked from the window's first evaluation on: the steps before it are history, evaluated but not read.
    const firstCheckSeconds = Math.ceil((input.window.from - base) / interval) * interval;
    return {
      base,
      input: {
        ruleFiles: [ruleFile],
        evaluationIntervalSeconds: interval,
        fixture,
        series,
        alertnames: alerts.map((a) => a.uid),
        firstCheckSeconds,
      },
    };
  });
  const observed = await inParallel(runs, PROMTOOL_CONCURRENCY, (r) => observeFiringsAsync(r.input, input.dir));
  for (const [i, { base }] of runs.entries()) {
    for (const m of observed[i]) {
      const byTime = out.get(m.alertname) ?? new Map<number, Array<{ labels: Labels; value: number }>>();
      out.set(m.alertname, byTime);
      byTime.set(base + m.evalSeconds, reportedValues(m));
    }
  }
  return out;
}
