import { labelSetKey, type Labels } from "../model/labels";
import { BacktestHttpError, describeDatasource, type Datasource, type DatasourceClient } from "./http";

/**
 * Range queries chunked to the servers' limits. Both Prometheus and Loki refuse a query_range of
 * more than 11,000 points per series ("exceeded maximum resolution of 11,000 points per
 * timeseries"); Loki also refuses a range longer than `max_query_length` (721h by default, the same
 * in Grafana Cloud). A chunk covers whole steps, so every evaluation time is queried exactly once.
 */

export const MAX_POINTS_PER_SERIES = 11_000;
export const LOKI_MAX_QUERY_LENGTH_SECONDS = 721 * 3600;

export interface Chunk {
  /** Unix seconds, both included; multiples of the step when the range starts on one. */
  start: number;
  end: number;
}

/** [start, end] (Unix seconds, both evaluated) cut into chunks of at most `maxPoints` steps and `maxLengthSeconds`. */
export function chunkRange(start: number, end: number, step: number, maxPoints = MAX_POINTS_PER_SERIES, maxLengthSeconds = Infinity): Chunk[] {
  if (!(step > 0)) throw new Error(`step must be positive (got ${step})`);
  const perChunk = Math.max(1, Math.min(maxPoints, Math.floor(maxLengthSeconds / step) + 1));
  const chunks: Chunk[] = [];
  for (let s = start; s <= end; s += perChunk * step) chunks.push({ start: s, end: Math.min(end, s + (perChunk - 1) * step) });
  return chunks;
}

export interface RangeSeries {
  labels: Labels;
  /** Value by evaluation time (Unix seconds). */
  values: Map<number, number>;
}

interface MatrixResponse {
  status?: string;
  error?: string;
  data?: { resultType?: string; result?: Array<{ metric?: Labels; stream?: Labels; values?: Array<[number, string]> }> };
}


/** Reads a `matrix` answer (Prometheus' and Loki's query_range JSON) into `into`. */
function readMatrix(ds: Datasource, expr: string, body: unknown, into: Map<string, RangeSeries>): void {
  const r = body as MatrixResponse;
  if (r.status !== "success") throw new BacktestHttpError(`${describeDatasource(ds)}: query failed: ${r.error ?? "no status"}\n  query: ${expr}`);
  if (r.data?.resultType !== "matrix") {
    throw new BacktestHttpError(`${describeDatasource(ds)}: expected a matrix (a metric query), got ${r.data?.resultType ?? "nothing"}\n  query: ${expr}`);
  }
  for (const s of r.data.result ?? []) {
    const labels = s.metric ?? {};
    const key = labelSetKey(labels);
    const series = into.get(key) ?? { labels, values: new Map<number, number>() };
    into.set(key, series);
    for (const [t, v] of s.values ?? []) series.values.set(Math.round(Number(t)), Number(v));
  }
}

export interface RangeQuery {
  ds: Datasource;
  expr: string;
  /** Unix seconds; evaluated at start, start + step, ... <= end. */
  start: number;
  end: number;
  step: number;
}

const PATHS: Record<Datasource["kind"], string> = {
  Prometheus: "/api/v1/query_range",
  Loki: "/loki/api/v1/query_range",
};

/** Chunks of one range query, as the requests the backtest will send (for counting and tests). */
export function rangeChunks(q: RangeQuery): Chunk[] {
  return chunkRange(q.start, q.end, q.step, MAX_POINTS_PER_SERIES, q.ds.kind === "Loki" ? LOKI_MAX_QUERY_LENGTH_SECONDS : Infinity);
}

/** Every series a metric query returns over the range, chunks fetched concurrently (bounded by the client). */
export async function queryRange(client: DatasourceClient, q: RangeQuery): Promise<RangeSeries[]> {
  const out = new Map<string, RangeSeries>();
  const bodies = await Promise.all(
    rangeChunks(q).map((c) => {
      // RFC 3339 for Loki: recent versions read a bare 10-digit number as nanoseconds, older ones as seconds.
      const time = (t: number) => (q.ds.kind === "Loki" ? new Date(t * 1000).toISOString() : String(t));
      return client.get(q.ds, PATHS[q.ds.kind], { query: q.expr, start: time(c.start), end: time(c.end), step: String(q.step) });
    }),
  );
  for (const body of bodies) readMatrix(q.ds, q.expr, body, out);
  return [...out.values()];
}
