import type { Config } from "../config/schema";
import { recordedSeries } from "./telemetry";

/** SLO math on the order success SLI: error budget, failure ratio and burn rate over a window. */

/** Allowed failure ratio: 99.9% -> 0.001 (rounded so 100 - 99.9 does not print as 0.09999...). */
export function errorBudget(objectivePercent: number): number {
  return Number(((100 - objectivePercent) / 100).toPrecision(10));
}

export function failuresOver(cfg: Config, window: string): string {
  return `sum(sum_over_time(${recordedSeries(cfg.telemetry, "orderFailures")}[${window}]))`;
}

/** Failed / all POST /api/order requests over `window`, from the recorded per-minute counts. */
export function failureRatio(cfg: Config, window: string): string {
  return `${failuresOver(cfg, window)} / sum(sum_over_time(${recordedSeries(cfg.telemetry, "orderRequests")}[${window}]))`;
}

export function burnRateExpr(cfg: Config, window: string): string {
  return `(${failureRatio(cfg, window)}) / ${errorBudget(cfg.slo.objectivePercent)}`;
}
