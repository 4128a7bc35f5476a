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

/** Field of the HTTP log line holding the response body: a JSON *string*, which can hold JWTs. */
const RES_BODY = "resBody";

/**
 * Pipeline stages extracting `fields` from the service's JSON line and the response body's
 * `message`, never the body itself: the body becomes the line only to be parsed again, and its
 * label is dropped. `labelFilters` (` | path="/api/order"`) run on the fields before the body is
 * parsed. Lines that are not JSON are dropped; a body that is not JSON leaves message empty.
 */
export function withResponseMessage(fields: string[], labelFilters = ""): string {
  const extract = [...fields, RES_BODY].map((f) => `${f}=${quote(f)}`).join(", ");
  return (
    ` | json ${extract} | __error__=""${labelFilters}` +
    ` | line_format ${quote(`{{.${RES_BODY}}}`)} | json message="message" | drop __error__, __error_details__, ${RES_BODY}`
  );
}

/** Error-level lines of the service, of every type (HTTP, factory, unhandled errors). */
export function errorLogStream(t: Telemetry): string {
  return logStream(t, [[t.logs.levelLabel, t.logs.errorLevel]]);
}

/**
 * Log line patterns of the service's metrics sender failing to ship (the telemetry outage).
 * The one local list; the alert catalogue's config may take it over at merge.
 */
export const METRIC_SHIPPING_ERROR_PATTERNS = ["Failed to send metric", "ECONNRESET", "UND_ERR_CONNECT_TIMEOUT"] as const;

export function metricShippingErrorPatterns(_t: Telemetry): readonly string[] {
  return METRIC_SHIPPING_ERROR_PATTERNS;
}

/** Response fields carrying the factory's support link that ends chaos; only counted, never shown. */
export const SUPPORT_LINK_FIELDS = ["followLinkToEndChaos", "reportUrl"] as const;

/** Line filter keeping lines that contain any of `texts` (`|= "a" or "b"`). */
export function containsAny(texts: readonly string[]): string {
  return `|= ${texts.map(quote).join(" or ")}`;
}

/** Synthetic Monitoring's success series of one check (1 = the probe succeeded). */
export function probeSuccess(job: string): string {
  return `probe_success{job=${quote(job)}}`;
}
