import type { Telemetry } from "./config";

/** Every query names the service's telemetry through these, never through literals. */

function quote(value: string): string {
  return JSON.stringify(value);
}

function matchers(pairs: Array<[string, string, string?]>): string {
  return pairs.map(([name, value, op = "="]) => `${name}${op}${quote(value)}`).join(", ");
}

/** The service's Loki stream: `{component="jwt-pizza-service"}`, optionally narrowed by more stream labels. */
export function logStream(t: Telemetry, extra: Array<[string, string, string?]> = []): string {
  return `{${matchers([[t.logs.sourceLabel, t.source], ...extra])}}`;
}

/** The service's HTTP request log lines. */
export function httpLogStream(t: Telemetry): string {
  return logStream(t, [[t.logs.typeLabel, t.logs.httpType]]);
}

/** A metric series selector of the service: `requests_total{source="jwt-pizza-service"}`. */
export function metricSeries(t: Telemetry, metric: keyof Telemetry["metrics"], extra: Array<[string, string, string?]> = []): string {
  return `${t.metrics[metric]}{${matchers([[t.metricSourceLabel, t.source], ...extra])}}`;
}

/**
 * Line filter that keeps only HTTP lines with a 5xx status before `| json` parses them:
 * Node's JSON.stringify writes `"statusCode":500` with no space.
 */
export const STATUS_5XX_LINE_FILTER = `|= ${quote('"statusCode":5')}`;

/**
 * 5xx responses per endpoint counted from the request logs over `window`. Improves the factory
 * incident's `|= "" | json | statusCode >= 500`: a line filter drops non-5xx lines before `| json`
 * parses them, and only the labels needed are extracted (never reqBody/resBody, which hold JWTs).
 */
export function http5xxByEndpoint(t: Telemetry, window: string): string {
  return (
    `sum by (method, path) (count_over_time(${httpLogStream(t)} ${STATUS_5XX_LINE_FILTER}` +
    ` | json statusCode="statusCode", method="method", path="path" | __error__="" | statusCode >= 500 [${window}]))`
  );
}
