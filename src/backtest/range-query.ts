import { redact } from "../config/secret";
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
export function chunkRange(
  start: number,
  end: number,
  step: number,
  maxPoints = MAX_POINTS_PER_SERIES,
  maxLengthSeconds = Infinity,
): Chunk[] {
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

/** A server's text shown in a message: bounded and redacted. */
function serverText(v: unknown): string {
  return redact(String(v ?? "")).slice(0, 300);
}

/**
 * A `matrix` answer (Prometheus' and Loki's query_range and range-vector query JSON), checked
 * shape by shape: a `null`, an object of the wrong shape or a sample that is not a number is a
 * BacktestHttpError naming the datasource, never a TypeError or a silently empty result.
 */
export function checkedMatrix(ds: Datasource, what: string, body: unknown): Array<{ metric: Labels; values: Array<[number, number]> }> {
  const fail = (why: string): never => {
    throw new BacktestHttpError(`${describeDatasource(ds)}: ${what}: ${why}`);
  };
  if (body === null || typeof body !== "object" || Array.isArray(body)) return fail("the answer is not a JSON object");
  const r = body as MatrixResponse;
  if (r.status !== "success") return fail(`query failed: ${r.error !== undefined ? serverText(r.error) : "no status"}`);
  if (r.data === null || typeof r.data !== "object") return fail("the answer has no data");
  if (r.data.resultType !== "matrix") return fail(`expected a matrix (a metric query), got ${serverText(r.data.resultType ?? "nothing")}`);
  const result = r.data.result ?? [];
  if (!Array.isArray(result)) return fail("data.result is not a list");
  return result.map((s, i) => {
    if (s === null || typeof s !== "object") return fail(`data.result[${i}] is not a series`);
    const metric = s.metric ?? {};
    if (typeof metric !== "object" || metric === null || Object.values(metric).some((v) => typeof v !== "string"))
      return fail(`data.result[${i}].metric is not a set of labels`);
    const values = s.values ?? [];
    if (!Array.isArray(values)) return fail(`data.result[${i}].values is not a list`);
    return {
      metric,
      values: values.map((pair, j): [number, number] => {
        const [t, v] = Array.isArray(pair) ? pair : [];
        const tn = Number(t);
        const vn = typeof v === "string" ? Number(v) : Number.NaN;
        // Prometheus writes NaN and infinities as strings; anything else that is not a number is garbage.
        if (!Number.isFinite(tn) || (Number.isNaN(vn) && v !== "NaN"))
          return fail(`data.result[${i}].values[${j}] is not a [time, "value"] sample`);
        return [tn, vn];
      }),
    };
  });
}

/** Reads a `matrix` answer into `into`. */
function readMatrix(ds: Datasource, expr: string, body: unknown, into: Map<string, RangeSeries>): void {
  for (const s of checkedMatrix(ds, `query ${expr}`, body)) {
    const labels = s.metric;
    const key = labelSetKey(labels);
    const series = into.get(key) ?? { labels, values: new Map<number, number>() };
    into.set(key, series);
    for (const [t, v] of s.values) series.values.set(Math.round(t), v);
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
