import { CASES as binaryOperations } from "./cases/binary_operations";
import { CASES as conversions } from "./cases/conversions";
import { CASES as formatters } from "./cases/formatters";
import { CASES as functions } from "./cases/functions";
import { CASES as labelFilters } from "./cases/label_filters";
import { CASES as lineFilters } from "./cases/line_filters";
import { CASES as parsers } from "./cases/parsers";
import { CASES as rangeAggregations } from "./cases/range_aggregations";
import { CASES as vectorAggregations } from "./cases/vector_aggregations";

/**
 * Loki's declarative LogQL engine tests (grafana/loki@65e30f8488e8a5ea2013c6881675f8103a8f6bc7
 * `pkg/logql/internal/logqltest/testdata/*.logqltest`), transcribed case by case into ./cases/:
 * one module per Loki file, one entry per `eval`, each citing its file and line in `source`.
 * Times are in ms from 0.
 */

/** Lines of one stream as loaded before an eval: `count` lines (default 1) from `at`, `every` ms apart. */
export interface Stream {
  /** Stream labels as stored (Loki drops empty values on write). */
  labels: Record<string, string>;
  /** The line; `{{.i}}` stands for the repeat index (0, 1, …). */
  line: string;
  at: number;
  every?: number;
  count?: number;
  /** Structured metadata: Loki promotes it into the label set. */
  metadata?: Record<string, string>;
}

export type Expected =
  | { kind: "series"; ordered: boolean; series: Array<{ labels: Record<string, string>; points: Array<number | undefined> }> }
  | { kind: "scalar"; value: number }
  | { kind: "empty" }
  /** Loki fails the query; `msg`/`regex` is Loki's error text (only an `…Err` name is compared). */
  | { kind: "fail"; msg?: string; regex?: string };

/** One transcribed case: an instant query `at` a time, or a range query over `range`. */
export interface LokiCase {
  /** `pkg/logql/internal/logqltest/testdata/<file>.logqltest:<line>` in grafana/loki. */
  source: string;
  query: string;
  at?: number;
  range?: { from: number; to: number; step: number };
  /** Everything loaded when the eval runs. */
  streams: Stream[];
  /** Expected points: `undefined` where Loki expects no sample at that step. */
  expected: Expected;
}

export interface LoadedLine {
  ts: number;
  labels: Record<string, string>;
  line: string;
  metadata?: Record<string, string>;
}

export interface EvalCase {
  source: string;
  /** The Loki file's name (`binary_operations.logqltest`) and the eval's line in it. */
  file: string;
  line: number;
  query: string;
  /** Evaluation times in ms: one for an instant query, every step of a range query. */
  times: number[];
  range: boolean;
  expected: Expected;
  /** Lines loaded when the eval runs. */
  logs: LoadedLine[];
}

export const TRANSCRIBED: Record<string, LokiCase[]> = {
  binary_operations: binaryOperations,
  conversions,
  formatters,
  functions,
  label_filters: labelFilters,
  line_filters: lineFilters,
  parsers,
  range_aggregations: rangeAggregations,
  vector_aggregations: vectorAggregations,
};

export function expandStreams(streams: Stream[]): LoadedLine[] {
  return streams.flatMap((s) =>
    Array.from({ length: s.count ?? 1 }, (_, i) => ({
      ts: s.at + i * (s.every ?? 0),
      labels: s.labels,
      line: s.line.replaceAll("{{.i}}", String(i)),
      ...(s.metadata ? { metadata: s.metadata } : {}),
    })),
  );
}

export function toEvalCase(c: LokiCase): EvalCase {
  const m = /^pkg\/logql\/internal\/logqltest\/testdata\/([a-z_]+\.logqltest):(\d+)$/.exec(c.source);
  if (!m) throw new Error(`bad source ${c.source}`);
  if ((c.at === undefined) === (c.range === undefined)) throw new Error(`${c.source}: give either at or range`);
  let times: number[];
  if (c.range) {
    const { from, to, step } = c.range;
    if (!(step > 0)) throw new Error(`${c.source}: bad step ${step}`);
    times = [];
    for (let t = from; t <= to; t += step) times.push(t);
  } else times = [c.at!];
  return {
    source: c.source,
    file: m[1],
    line: Number(m[2]),
    query: c.query,
    times,
    range: !!c.range,
    expected: c.expected,
    logs: expandStreams(c.streams),
  };
}

export function loadAllCases(): EvalCase[] {
  return Object.keys(TRANSCRIBED)
    .sort()
    .flatMap((name) =>
      TRANSCRIBED[name].map((c) => {
        const e = toEvalCase(c);
        if (e.file !== `${name}.logqltest`) throw new Error(`${c.source} is listed under ${name}`);
        return e;
      }),
    );
}
