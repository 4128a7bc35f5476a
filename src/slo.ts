import type { Config } from "./config";
import { recordedSeries } from "./telemetry";

/**
 * Multi-window, multi-burn-rate alerting on the order success SLO (Google SRE workbook, ch. 5):
 * an alert fires while the error budget burns `factor` times faster than sustainable over both a
 * long window (enough budget is really gone) and a short one (it is still burning now).
 */

/** Allowed failure ratio: 99.9% -> 0.001 (rounded so 100 - 99.9 does not print as 0.09999...). */
export function errorBudget(objectivePercent: number): number {
  return Number(((100 - objectivePercent) / 100).toPrecision(10));
}

function failuresOver(cfg: Config, window: string): string {
  return `sum(sum_over_time(${recordedSeries(cfg.telemetry, "orderFailures")}[${window}]))`;
}

/** Failed / all POST /api/order requests over `window`, from the recorded per-minute counts. */
export function failureRatio(cfg: Config, window: string): string {
  return `${failuresOver(cfg, window)} / sum(sum_over_time(${recordedSeries(cfg.telemetry, "orderRequests")}[${window}]))`;
}

export function burnRateExpr(cfg: Config, window: string): string {
  return `(${failureRatio(cfg, window)}) / ${errorBudget(cfg.slo.objectivePercent)}`;
}

export interface BurnWindows {
  factor: number;
  longWindow: string;
  shortWindow: string;
}

/**
 * Query A of a burn-rate alert: the long window's burn rate, kept only while the short window burns
 * at least as fast and at least `slo.minFailures` orders failed in it (so one failed order at low
 * traffic is not a burn). The rule's threshold B is `A > factor`.
 */
export function burnRateAlertExpr(cfg: Config, w: BurnWindows): string {
  return (
    `(${burnRateExpr(cfg, w.longWindow)})` +
    ` and on() (${burnRateExpr(cfg, w.shortWindow)} > ${w.factor})` +
    ` and on() (${failuresOver(cfg, w.shortWindow)} >= ${cfg.slo.minFailures})`
  );
}
