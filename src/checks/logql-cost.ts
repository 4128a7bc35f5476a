import type { Config } from "../config/schema";
import type { StackDefinition } from "../build/stack";
import { durationSeconds } from "../config/durations";
import { EXPRESSION_DATASOURCE, exprOf } from "../model/rules";
import { finding, type Finding } from "./findings";

/**
 * What the stack's LogQL rules cost Loki. A rule re-reads its whole range at every evaluation, so
 * it reads `range / interval` times the stream it selects, whatever its line filters drop (Loki
 * reads the chunks before filtering). Every rule selects a part of the service's stream, so the
 * sum over rules of range / interval is an upper bound, in multiples of the service's log volume.
 */

/** The budget: all LogQL rules together read less than this many times the service's log volume. */
export const LOGQL_READ_BUDGET = 10;

export interface LogqlRuleCost {
  uid: string;
  rangeSeconds: number;
  intervalSeconds: number;
  /** range / interval: multiples of the (selected part of the) service's log volume read. */
  factor: number;
}

function longestRangeSeconds(expr: string): number {
  return Math.max(0, ...[...expr.matchAll(/\[((?:\d+(?:ms|s|m|h|d|w))+)\]/g)].map((m) => durationSeconds(m[1])));
}

export function logqlRuleCosts(stack: StackDefinition, cfg: Config): LogqlRuleCost[] {
  return stack.ruleGroups.flatMap((g) =>
    (g.rules ?? []).flatMap((rule) => {
      const intervalSeconds = g.interval ?? cfg.alerting.evaluationIntervalSeconds;
      return rule.data
        .filter((q) => q.datasourceUid === cfg.datasources.loki && q.datasourceUid !== EXPRESSION_DATASOURCE)
        .map((q) => {
          const rangeSeconds = longestRangeSeconds(exprOf(q.model) ?? "");
          return { uid: rule.uid ?? "", rangeSeconds, intervalSeconds, factor: rangeSeconds / intervalSeconds };
        });
    }),
  );
}

export function logqlReadFactor(stack: StackDefinition, cfg: Config): number {
  return Number(
    logqlRuleCosts(stack, cfg)
      .reduce((sum, c) => sum + c.factor, 0)
      .toFixed(2),
  );
}

export function logqlCostProblems(stack: StackDefinition, cfg: Config): Finding[] {
  const factor = logqlReadFactor(stack, cfg);
  if (factor < LOGQL_READ_BUDGET) return [];
  const rules = logqlRuleCosts(stack, cfg)
    .map((c) => `${c.uid} ${c.factor}x`)
    .join(", ");
  return [
    finding(
      "stack/logql-cost",
      "",
      "LogQL rules",
      `together they read ${factor}x the service's log volume, over the ${LOGQL_READ_BUDGET}x budget (${rules}); lengthen intervals or shorten ranges`,
    ),
  ];
}

/** One line for the render output. */
export function describeLogqlCost(stack: StackDefinition, cfg: Config): string {
  const costs = logqlRuleCosts(stack, cfg);
  return `LogQL rules read ${logqlReadFactor(stack, cfg)}x the service's log volume (budget ${LOGQL_READ_BUDGET}x): ${costs.map((c) => `${c.uid} ${c.rangeSeconds}s/${c.intervalSeconds}s`).join(", ")}`;
}

/** The cost as docs/alerts.md shows it (`npm run docs`): each LogQL rule's share, then the total against the budget. */
export function logqlCostTable(stack: StackDefinition, cfg: Config): string {
  const lines = ["| LogQL rule | range | every | reads |", "|---|---|---|---|"];
  for (const c of logqlRuleCosts(stack, cfg)) lines.push(`| \`${c.uid}\` | ${c.rangeSeconds}s | ${c.intervalSeconds}s | ${c.factor}x |`);
  lines.push(`| **all** | | | **${logqlReadFactor(stack, cfg)}x** of the service's log volume (budget: under ${LOGQL_READ_BUDGET}x) |`);
  return `${lines.join("\n")}\n`;
}
