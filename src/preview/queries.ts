import { dateTime, rangeUtil } from "@grafana/data";

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

export interface PrometheusRequest {
  expr: string;
  /** Seconds since the epoch, aligned down to the step. */
  start: number;
  end: number;
  stepSeconds: number;
}

export function prometheusRequest(expr: string, w: QueryWindow): PrometheusRequest {
  const rangeMs = w.to - w.from;
  const intervalMs = panelIntervalMs(w);
  const calculated = rangeMs / w.maxDataPoints < intervalMs ? intervalMs : rangeUtil.roundInterval(rangeMs / w.maxDataPoints);
  const safe = rangeUtil.roundInterval(rangeMs / SAFE_RESOLUTION);
  const stepMs = Math.max(calculated, safe);
  const rateIntervalMs = Math.max(intervalMs + DEFAULT_SCRAPE_INTERVAL_MS, 4 * DEFAULT_SCRAPE_INTERVAL_MS);
  const rangeS = Math.round(rangeMs / 1000);
  const stepSeconds = stepMs / 1000;
  return {
    expr: replaceMacros(expr, {
      __interval_ms: String(stepMs),
      __interval: formatInterval(stepMs),
      __range_ms: String(rangeMs),
      __range_s: String(rangeS),
      __range: `${rangeS}s`,
      __rate_interval_ms: String(rateIntervalMs),
      __rate_interval: goDuration(rateIntervalMs),
    }),
    start: Math.floor(w.from / 1000 / stepSeconds) * stepSeconds,
    end: Math.floor(w.to / 1000 / stepSeconds) * stepSeconds,
    stepSeconds,
  };
}

export interface LokiRequest {
  expr: string;
  stepSeconds: number;
}

export function lokiRequest(expr: string, w: QueryWindow, queryType: "range" | "instant"): LokiRequest {
  const rangeMs = w.to - w.from;
  const intervalMs = panelIntervalMs(w);
  const stepMs = Math.ceil(Math.max(intervalMs, rangeMs / SAFE_RESOLUTION));
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
