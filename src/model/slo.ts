import type { Config } from "../config/schema";
import { recordedFailureRatio } from "./sli";

/** SLO math on the order success SLI: error budget, failure ratio and burn rate over a window. */

/** Allowed failure ratio: 99.9% -> 0.001 (rounded so 100 - 99.9 does not print as 0.09999...). */
export function errorBudget(objectivePercent: number): number {
  return Number(((100 - objectivePercent) / 100).toPrecision(10));
}

export function burnRateExpr(cfg: Config, window: string): string {
  return `(${recordedFailureRatio(cfg, window)}) / ${errorBudget(cfg.slo.objectivePercent)}`;
}
