/**
 * Grafana threshold expressions, read in one place: the operators the stack's builders emit, what
 * each means as a comparison, and the one shape the exporter, the replay and the diff rely on.
 */

/** Evaluator types the stack's own builders emit. */
export type ThresholdOp = "gt" | "lt" | "gte" | "lte";

/** A threshold evaluator type as the PromQL comparison it means. */
export const THRESHOLD_OPERATORS: Record<ThresholdOp, string> = { gt: ">", lt: "<", gte: ">=", lte: "<=" };

/** Grafana's single-value evaluators also include eq/ne, which the builders never emit; reviewers may still meet them. */
const DESCRIBED_OPERATORS: Record<string, string> = { ...THRESHOLD_OPERATORS, eq: "==", ne: "!=" };

const HOLDS: Record<ThresholdOp, (v: number, x: number) => boolean> = {
  gt: (v, x) => v > x,
  lt: (v, x) => v < x,
  gte: (v, x) => v >= x,
  lte: (v, x) => v <= x,
};

export interface Evaluator {
  type?: string;
  params?: number[];
}

/** The model of a Grafana threshold expression (server-side expression type `threshold`). */
export interface ThresholdModel {
  type?: string;
  expression?: string;
  conditions?: Array<{ evaluator?: Evaluator; unloadEvaluator?: unknown }>;
}

/** `input <op> value`: a threshold expression with one condition, one of THRESHOLD_OPERATORS and no recovery threshold. */
export interface SingleThreshold {
  input: string;
  op: ThresholdOp;
  value: number;
}

function isThresholdOp(type: string | undefined): type is ThresholdOp {
  return type !== undefined && Object.hasOwn(THRESHOLD_OPERATORS, type);
}

/** The threshold as `input <op> value`, or undefined when the model has any other shape. */
export function singleThreshold(model: unknown): SingleThreshold | undefined {
  const t = model as ThresholdModel | undefined;
  const condition = t?.conditions?.[0];
  const evaluator = condition?.evaluator;
  if (t?.type !== "threshold" || !t.expression || t.conditions?.length !== 1 || condition?.unloadEvaluator) return undefined;
  if (!isThresholdOp(evaluator?.type) || evaluator.params?.length !== 1) return undefined;
  return { input: t.expression, op: evaluator.type, value: evaluator.params[0] };
}

/** Whether `value <op> bound` holds, as Grafana's threshold evaluator decides it. */
export function thresholdHolds(op: ThresholdOp, value: number, bound: number): boolean {
  return HOLDS[op](value, bound);
}

/** `> 2`, `within_range 1, 5`: a threshold expression's evaluator as a reviewer reads it. */
export function describeEvaluator(evaluator: Evaluator): string {
  const params = evaluator.params ?? [];
  const op = DESCRIBED_OPERATORS[evaluator.type ?? ""];
  return op && params.length === 1 ? `${op} ${params[0]}` : `${evaluator.type} ${params.join(", ")}`;
}
