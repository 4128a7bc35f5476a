import { describe, expect, it } from "vitest";
import { describeEvaluator, singleThreshold, thresholdHolds } from "../../src/model/thresholds";

const model = (evaluator: unknown, extra: Record<string, unknown> = {}) => ({
  type: "threshold",
  expression: "A",
  conditions: [{ evaluator, ...extra }],
  ...extra,
});

describe("threshold reading (one home for the exporter, the replay and the diff)", () => {
  it("reads `input <op> value` from a single threshold", () => {
    expect(singleThreshold(model({ type: "gt", params: [2] }))).toEqual({ input: "A", op: "gt", value: 2 });
    expect(singleThreshold(model({ type: "lte", params: [0.9] }))).toEqual({ input: "A", op: "lte", value: 0.9 });
  });

  it("refuses every other shape", () => {
    expect(singleThreshold(model({ type: "eq", params: [2] }))).toBeUndefined();
    expect(singleThreshold(model({ type: "within_range", params: [1, 5] }))).toBeUndefined();
    expect(singleThreshold(model({ type: "gt", params: [1, 2] }))).toBeUndefined();
    expect(singleThreshold({ type: "math", expression: "$A > 2" })).toBeUndefined();
    expect(
      singleThreshold({
        type: "threshold",
        expression: "A",
        conditions: [{ evaluator: { type: "gt", params: [2] }, unloadEvaluator: { type: "lt", params: [1] } }],
      }),
    ).toBeUndefined();
    expect(singleThreshold({ type: "threshold", expression: "A", conditions: [] })).toBeUndefined();
    expect(singleThreshold(undefined)).toBeUndefined();
  });

  it("compares as Grafana's evaluator does, boundaries included", () => {
    expect([thresholdHolds("gt", 2, 2), thresholdHolds("gte", 2, 2), thresholdHolds("lt", 2, 2), thresholdHolds("lte", 2, 2)]).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect([thresholdHolds("gt", 3, 2), thresholdHolds("lt", 1, 2)]).toEqual([true, true]);
  });

  it("describes evaluators as a reviewer reads them", () => {
    expect(describeEvaluator({ type: "lt", params: [0.99] })).toBe("< 0.99");
    expect(describeEvaluator({ type: "ne", params: [0] })).toBe("!= 0");
    expect(describeEvaluator({ type: "within_range", params: [1, 5] })).toBe("within_range 1, 5");
  });
});
