import { dateTime, rangeUtil } from "@grafana/data";
import { parseDuration } from "../config/durations";

/**
 * How Grafana turns a panel's query into a datasource request: the interval its frontend computes
 * from the time range, the panel's width and its min interval (`rangeUtil.calculateInterval`, run
 * here from @grafana/data itself), then each datasource backend's step and macros:
 * - Prometheus (pkg/promlib/models/query.go `calculatePrometheusInterval`, `interpolateVariables`;
 *   pkg/promlib/intervalv2 `Calculate`): the step is the larger of the interval (at least the
 *   frontend's) and range / 11000, range aligned down to the step; `$__rate_interval` is
 *   max(interval + scrape interval, 4 x scrape interval).
 * - Loki (pkg/tsdb/loki/step.go `calculateStep`, parse_query.go `interpolateVariables`): the step is
 *   max(interval, range / 11000) rounded up to the millisecond.
 * - Legends (pkg/promlib/querydata/response.go `getName`, the same in Loki): `{{label}}` becomes the
 *   label's value (empty when absent); no legend format names a series by its labels; `{}` by its expression.
 */

/** The datasources' scrape interval setting is not set: Grafana's default. */
export const DEFAULT_SCRAPE_INTERVAL_MS = 15_000;
/** Grafana's "safe resolution": no query asks for more points than this. */
const SAFE_RESOLUTION = 11_000;
/** intervalv2's resolution when a request names no max data points. */
const DEFAULT_RESOLUTION = 1500;

export interface QueryWindow {
  /** Milliseconds since the epoch. */
  from: number;
  to: number;
  /** The panel's visualisation width: Grafana's max data points. */
  maxDataPoints: number;
  /** The panel's min interval (`interval`, e.g. "1m"), if set. */
  minInterval?: string;
}

/** The frontend's interval for the panel's queries, in milliseconds. */
export function panelIntervalMs(w: QueryWindow): number {
  const range = { from: dateTime(w.from), to: dateTime(w.to), raw: { from: dateTime(w.from), to: dateTime(w.to) } };
  return rangeUtil.calculateInterval(range, w.maxDataPoints, w.minInterval).intervalMs;
}

/** Go's time.Duration.String() of whole milliseconds, as Prometheus' backend writes `$__rate_interval`. */
function goDuration(ms: number): string {
  if (ms === 0) return "0s";
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h ? `${h}h` : ""}${h || m ? `${m}m` : ""}${s}s`;
}

/** gtime.FormatInterval: the largest whole unit (`1m`, `15s`, `500ms`). */
function formatInterval(ms: number): string {
  const units: Array<[string, number]> = [
    ["y", 31_536_000_000],
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["m", 60_000],
    ["s", 1000],
  ];
  for (const [u, size] of units) if (ms >= size) return `${Math.floor(ms / size)}${u}`;
  return `${Math.max(1, ms)}ms`;
}

function replaceMacros(expr: string, values: Record<string, string>): string {
  // Longest names first: $__interval_ms before $__interval, $__range_s before $__range.
  const names = Object.keys(values).sort((a, b) => b.length - a.length);
  let out = expr;
  for (const n of names) out = out.split(`$${n}`).join(values[n]).split(`\${${n}}`).join(values[n]);
  return out;
}

/** A Grafana interval (`150s`, `2m0s`, `1m`; a bare number is seconds) in milliseconds. */
function intervalMs(text: string): number {
  const parsed = parseDuration(/^\d+$/.test(text) ? `${text}s` : text);
  if (!parsed.ok) throw new Error(`not an interval: ${text} (${parsed.problem})`);
  return parsed.milliseconds;
}

const isVariable = (t: string) => /^\$(\{__(rate_)?interval(_ms)?\}|__(rate_)?interval(_ms)?)$/.test(t);
const isRateVariable = (t: string) => t === "$__rate_interval" || t === "${__rate_interval}";
const isIntervalVariable = (t: string) => t === "$__interval" || t === "${__interval}";

/** calculateRateInterval: max(interval + scrape interval, 4 x scrape interval), the scrape interval 15s when unset. */
function rateIntervalMs(queryIntervalMs: number, minStep: string): number {
  const scrape = minStep ? intervalMs(minStep) : DEFAULT_SCRAPE_INTERVAL_MS;
  return Math.max(queryIntervalMs + scrape, 4 * scrape);
}

export interface PrometheusQuery {
  expr: string;
  rangeMs: number;
  /** The frontend's interval (the request's intervalMs). */
  intervalMs: number;
  maxDataPoints: number;
  /** The target's own min step (`interval` of the query), if set. */
  queryInterval?: string;
  /** The datasource's scrape interval setting, if set. */
  scrapeInterval?: string;
}

/** The Prometheus backend's step and expression (Parse in pkg/promlib/models/query.go). */
export function prometheusStep(q: PrometheusQuery): { expr: string; stepMs: number } {
  const original = q.queryInterval ?? "";
  const scrape = q.scrapeInterval ?? "";
  const queryInterval = isVariable(original) ? "" : original;
  // gtime.GetIntervalFrom: the query's min step, else the request's interval, else the datasource's, else 15s.
  const minInterval = queryInterval
    ? intervalMs(queryInterval)
    : q.intervalMs || (scrape ? intervalMs(scrape) : DEFAULT_SCRAPE_INTERVAL_MS);
  const resolution = q.maxDataPoints || DEFAULT_RESOLUTION;
  const calculated = q.rangeMs / resolution < minInterval ? minInterval : rangeUtil.roundInterval(q.rangeMs / resolution);
  const safe = rangeUtil.roundInterval(q.rangeMs / SAFE_RESOLUTION);
  const adjusted = calculated > safe ? calculated : safe;
  const stepMs = isRateVariable(original) ? rateIntervalMs(adjusted, scrape) : adjusted;
  const minStep = isIntervalVariable(original) ? goDuration(stepMs) : original || scrape;
  const rate = isRateVariable(original) ? stepMs : rateIntervalMs(q.intervalMs, minStep);
  const rangeS = Math.round(q.rangeMs / 1000);
  return {
    expr: replaceMacros(q.expr, {
      __interval_ms: String(stepMs),
      __interval_s: String(Math.floor(stepMs / 1000)),
      __interval: formatInterval(stepMs),
      __range_ms: String(q.rangeMs),
      __range_s: String(rangeS),
      __range: `${rangeS}s`,
      __rate_interval_ms: String(rate),
      __rate_interval_s: String(Math.floor(rate / 1000)),
      __rate_interval: goDuration(rate),
    }),
    stepMs,
  };
}

export interface PrometheusRequest {
  expr: string;
  /** Seconds since the epoch, aligned down to the step. */
  start: number;
  end: number;
  stepSeconds: number;
}

/** A panel target's query_range request over the window. */
export function prometheusRequest(expr: string, w: QueryWindow): PrometheusRequest {
  const q = prometheusStep({ expr, rangeMs: w.to - w.from, intervalMs: panelIntervalMs(w), maxDataPoints: w.maxDataPoints });
  const stepSeconds = q.stepMs / 1000;
  return {
    expr: q.expr,
    start: Math.floor(w.from / 1000 / stepSeconds) * stepSeconds,
    end: Math.floor(w.to / 1000 / stepSeconds) * stepSeconds,
    stepSeconds,
  };
}

/** The Loki backend's step (calculateStep in pkg/tsdb/loki/step.go, no step set on the query). */
export function lokiStepMs(intervalMs: number, rangeMs: number, resolution = 1): number {
  return Math.ceil(Math.max(intervalMs * resolution, rangeMs / SAFE_RESOLUTION));
}

export interface LokiRequest {
  expr: string;
  stepSeconds: number;
}

export function lokiRequest(expr: string, w: QueryWindow, queryType: "range" | "instant"): LokiRequest {
  const rangeMs = w.to - w.from;
  const intervalMs = panelIntervalMs(w);
  const stepMs = lokiStepMs(intervalMs, rangeMs);
  const rangeS = Math.round(rangeMs / 1000);
  return {
    expr: replaceMacros(expr, {
      __interval_ms: String(intervalMs),
      __interval: formatInterval(intervalMs),
      __range_ms: String(rangeMs),
      __range_s: String(rangeS),
      __range: `${rangeS}s`,
      __auto: queryType === "instant" ? `${rangeS}s` : formatInterval(stepMs),
    }),
    stepSeconds: stepMs / 1000,
  };
}

/** A series' display name from its query's legend format and labels. */
export function legendName(legendFormat: string | undefined, labels: Record<string, string>, expr: string): string {
  const { __name__: metric, ...rest } = labels;
  const pairs = Object.entries(rest)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .sort();
  let name = pairs.length ? `${metric ?? ""}{${pairs.join(", ")}}` : (metric ?? "{}");
  if (legendFormat === "__auto") {
    if (Object.keys(labels).length > 0) name = "";
  } else if (legendFormat) {
    name = legendFormat.replace(/\{\{\s*(.+?)\s*\}\}/g, (_, label: string) => labels[label] ?? "");
  }
  return name === "{}" ? expr : name;
}
