import type { Config, Telemetry } from "../config/schema";
import { httpLogStream, metricSeries, recordedSeries, STATUS_5XX_LINE_FILTER } from "./telemetry";
import { quote } from "./text";
import { RECORDING_INTERVAL_SECONDS } from "./rules";

/**
 * The order success SLI, defined once: a POST /api/order request line of the service's HTTP log
 * is an order; one answered with a status of 500 or above is a failed order. The recording rules
 * count both per minute from the logs, the burn-rate alerts read those recorded counts, and the
 * orders dashboard's failure-ratio panels run the same LogQL pipeline over their own window.
 */

/** The order endpoint of the service's API (part of its interface, not of its telemetry naming). */
export const ORDER_ENDPOINT = { method: "POST", path: "/api/order" } as const;

/** Line filters keeping only POST /api/order lines; the closing quote excludes /api/order/menu. */
const ORDER_LINE_FILTERS = `|= ${quote(`"path":${quote(ORDER_ENDPOINT.path)}`)} |= ${quote(`"method":${quote(ORDER_ENDPOINT.method)}`)}`;

/**
 * Which order lines: every order, the failed ones (answered 5xx), or those the service itself
 * answered 500 (its error handler, a factory failure), which leaves out the 502/503/504 the proxy
 * in front of it answers while it restarts.
 */
export type OrderAnswers = "all" | "failed" | "serviceError";

const STATUS_CONDITION: Record<Exclude<OrderAnswers, "all">, string> = { failed: "statusCode >= 500", serviceError: "statusCode == 500" };

/** The LogQL pipeline selecting order lines with the given answers. Never extracts reqBody/resBody. */
export function orderLinePipeline(t: Telemetry, answers: OrderAnswers): string {
  const fields = answers === "all" ? `method="method", path="path"` : `statusCode="statusCode", method="method", path="path"`;
  return (
    `${httpLogStream(t)} ${ORDER_LINE_FILTERS}${answers === "all" ? "" : ` ${STATUS_5XX_LINE_FILTER}`}` +
    ` | json ${fields} | __error__=""` +
    ` | method=${quote(ORDER_ENDPOINT.method)} | path=${quote(ORDER_ENDPOINT.path)}${answers === "all" ? "" : ` | ${STATUS_CONDITION[answers]}`}`
  );
}

/** Orders with the given answers in `window`, from the logs. No line yields no series, never 0: "no logs" is not "no failures". */
export function ordersOver(t: Telemetry, window: string, answers: OrderAnswers): string {
  return `sum(count_over_time(${orderLinePipeline(t, answers)} [${window}]))`;
}

/**
 * Failed / all orders over `window` from the logs: what the orders dashboard shows. `or vector(0)`:
 * a window with orders but no failure is a 0 ratio, not "No data"; without orders it stays empty.
 */
export function logFailureRatio(t: Telemetry, window: string): string {
  return `(${ordersOver(t, window, "failed")} or vector(0)) / ${ordersOver(t, window, "all")}`;
}

/** Failed orders over `window`, from the recorded per-minute counts. */
export function recordedFailuresOver(cfg: Config, window: string): string {
  return `sum(sum_over_time(${recordedSeries(cfg.telemetry, "orderFailures")}[${window}]))`;
}

/** Failed / all orders over `window`, from the recorded per-minute counts: what the burn-rate alerts read. */
export function recordedFailureRatio(cfg: Config, window: string): string {
  return `${recordedFailuresOver(cfg, window)} / sum(sum_over_time(${recordedSeries(cfg.telemetry, "orderRequests")}[${window}]))`;
}

/**
 * The order-failure page's condition (alerts/order-failures.ts), from the service's own counters:
 * at least `minFailures` failed orders and `failureRatio` of the window's orders failing, over the
 * fast window or (low traffic) the slow one. A series while it holds, none otherwise.
 */
export function orderFailuresExpr(cfg: Config): string {
  return `${orderFailuresFromCounters(cfg)} or ${orderFailuresFromLogs(cfg)}`;
}

/**
 * At least `minFailures` failed orders and `failureRatio` of the window's orders failing, over the
 * fast window or (low traffic) the slow one, from a pair of counts over a window.
 */
function failingOrders(cfg: Config, failed: (w: string) => string, orders: (w: string) => string): string {
  const { minFailures, failureRatio, fastWindow, slowWindow } = cfg.thresholds.orderFailures;
  const failing = (w: string) => `(${failed(w)} >= ${minFailures} and on() (${failed(w)} / ${orders(w)}) >= ${failureRatio})`;
  return `${failing(fastWindow)} or ${failing(slowWindow)}`;
}

/** The condition from the service's own counters: pushed every 10 s, so it holds within a minute of a factory outage. */
function orderFailuresFromCounters(cfg: Config): string {
  const t = cfg.telemetry;
  const orderEndpoint = `[${ORDER_ENDPOINT.method}] ${ORDER_ENDPOINT.path}`;
  return failingOrders(
    cfg,
    (w) => `sum(increase(${metricSeries(t, "orderFailures")}[${w}]))`,
    (w) => `sum(increase(${metricSeries(t, "requests", [["endpoint", orderEndpoint]])}[${w}]))`,
  );
}

/**
 * The same from the logs' recorded counts of orders the service answered 500: failures before the
 * factory call (its database) that its failure counter never counts. A minute late (recorded once a
 * minute), and blind to the proxy's 502/503 while it restarts.
 */
function orderFailuresFromLogs(cfg: Config): string {
  const recorded = (series: "orderServerErrors" | "orderRequests") => (w: string) =>
    `sum(sum_over_time(${recordedSeries(cfg.telemetry, series)}[${w}]))`;
  return failingOrders(cfg, recorded("orderServerErrors"), recorded("orderRequests"));
}

/**
 * Whether the order-failure page's condition held at any time in the last `window` (a subquery at
 * the orders group's evaluation interval): a burn-rate page stands down for a burn that page
 * already announced (docs/routing.md "Grouping": one incident, one page).
 */
export function orderFailuresHeldWithin(cfg: Config, window: string): string {
  const step = cfg.alerting.groupEvaluationIntervalSeconds.orders ?? cfg.alerting.evaluationIntervalSeconds;
  // The logs' half changes only when a recorded per-minute sample (written on the minute) enters or
  // leaves its window, so a step of a minute sees every change: a sixth of the evaluations.
  return (
    `max_over_time((${orderFailuresFromCounters(cfg)})[${window}:${step}s])` +
    ` or max_over_time((${orderFailuresFromLogs(cfg)})[${window}:${RECORDING_INTERVAL_SECONDS}s])`
  );
}
