import type { Telemetry } from "../config/schema";
import { quote } from "./text";

/** Every query names the service's telemetry through these, never through literals. */

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

/**
 * Counts per minute, written by the recording rules. No `or vector(0)`: Grafana records nothing
 * when the query returns nothing, so a minute without lines is a missing sample, which the
 * logs-absent alert reads as "logs not arriving" instead of "0 failures".
 */
export function countPerMinute(pipeline: string): string {
  return `sum(count_over_time(${pipeline} [1m]))`;
}

/** Every HTTP request line of the service in the last minute (source of `telemetry.recorded.httpRequests`). */
export function httpRequestsPerMinute(t: Telemetry): string {
  return countPerMinute(httpLogStream(t));
}

/** Escapes regex metacharacters: each configured pattern matches only its literal text. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `|~ "a|b|c"`: a line filter matching any of the literal texts, never a wildcard. */
export function anyLiteralLineFilter(texts: readonly string[]): string {
  return `|~ ${quote(texts.map(escapeRegex).join("|"))}`;
}

/** Metric-shipping error lines of the service in the last minute (source of `telemetry.recorded.metricSendFailures`). */
export function metricSendFailuresPerMinute(t: Telemetry): string {
  return countPerMinute(`${logStream(t)} ${anyLiteralLineFilter(t.logs.metricSendErrors)}`);
}

/** A recorded series of the service: `pizza:order_failures:count1m{source="jwt-pizza-service"}`. */
export function recordedSeries(t: Telemetry, series: keyof Telemetry["recorded"]): string {
  return `${t.recorded[series]}{${matchers([[t.metricSourceLabel, t.source]])}}`;
}

/** The recording rules' label marking their series as the service's, like its own metrics. */
export function recordedSeriesLabels(t: Telemetry): Record<string, string> {
  return { [t.metricSourceLabel]: t.source };
}

/**
 * Synthetic Monitoring's own names (not the service's telemetry): every check writes
 * `probe_success` labelled with `job` = the check's job and `instance` = its target.
 */
export const SM_PROBE_SUCCESS = "probe_success";

export function probeSuccessSeries(job: string, instance: string): string {
  return `${SM_PROBE_SUCCESS}{${matchers([
    ["job", job],
    ["instance", instance],
  ])}}`;
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

/** Response fields carrying the factory's support link that ends chaos (the service's answer, the factory's own). */
export const SUPPORT_LINK_FIELDS = ["followLinkToEndChaos", "reportUrl"] as const;

/** Alert label (and message-template key) carrying the factory's support/report link. */
export const SUPPORT_URL_LABEL = "support_url";

/**
 * The factory's support/report link inside an answer, `https://<host>/api/support/<key>/report/<code>`,
 * each part bounded and restricted to URL-safe characters: only a text of that shape ever becomes a
 * label, never the body around it (which can hold the factory's order JWT).
 */
const SUPPORT_LINK_REGEX = `"(?:${SUPPORT_LINK_FIELDS.join("|")})":"(?P<${SUPPORT_URL_LABEL}>https://[A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?/api/support/[A-Za-z0-9_-]{1,128}/report/[A-Za-z0-9_-]{1,128})"`;

/** The service's lines logging each call to the pizza factory (its answer's status and body). */
export function factoryLogStream(t: Telemetry): string {
  return logStream(t, [[t.logs.typeLabel, t.logs.factoryType]]);
}

/**
 * Factory calls answered 5xx over `window`, per support link (\`${SUPPORT_URL_LABEL}\`, empty when the
 * answer carries none): the factory's own failures, apart from the service's. The body is parsed
 * only by the link's pattern and its label is dropped.
 */
export function factoryFailuresBySupportLink(t: Telemetry, window: string): string {
  return (
    `sum by (${SUPPORT_URL_LABEL}) (count_over_time(${factoryLogStream(t)} ${STATUS_5XX_LINE_FILTER}` +
    ` | json statusCode="statusCode", ${RES_BODY}="${RES_BODY}" | __error__="" | statusCode >= 500` +
    ` | line_format ${quote(`{{.${RES_BODY}}}`)} | regexp ${quote(SUPPORT_LINK_REGEX)} | drop ${RES_BODY} [${window}]))`
  );
}

/** Line filter keeping lines that contain any of `texts` (`|= "a" or "b"`). */
export function containsAny(texts: readonly string[]): string {
  return `|= ${texts.map(quote).join(" or ")}`;
}

/** Synthetic Monitoring's success series of one check, every probe and target (1 = the probe succeeded). */
export function probeSuccess(job: string): string {
  return `${SM_PROBE_SUCCESS}{${matchers([["job", job]])}}`;
}
