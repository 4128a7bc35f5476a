import { describe, expect, it } from "vitest";
import { formatFinding } from "../../src/checks/findings";
import { parseConfig } from "../../src/config/schema";
import { defineStack } from "../../src/build/stack";
import { checkedStack } from "../../src/checks";
import { LOGQL_READ_BUDGET, logqlCostProblems, logqlReadFactor, logqlRuleCosts } from "../../src/checks/logql-cost";
import { exampleConfig } from "../support/stack";

describe("LogQL cost budget", () => {
  it("the example's LogQL rules read 9x the service's log volume: five 1m recordings every minute, the 2m 5xx and factory warnings", () => {
    const cfg = parseConfig(exampleConfig());
    const stack = checkedStack(cfg);
    expect(logqlRuleCosts(stack, cfg).map((c) => [c.uid, c.factor])).toEqual([
      ["pizza-order-5xx", 2],
      ["pizza-factory-failing", 2],
      ["pizza-record-order-requests", 1],
      ["pizza-record-order-failures", 1],
      ["pizza-record-http-requests", 1],
      ["pizza-record-metric-send-failures", 1],
      ["pizza-record-order-server-errors", 1],
    ]);
    expect(logqlReadFactor(stack, cfg)).toBe(9);
    expect(logqlReadFactor(stack, cfg)).toBeLessThan(LOGQL_READ_BUDGET);
  });

  it("a rule re-reading a long window often breaks the budget and the stack is refused", () => {
    const cfg = parseConfig(exampleConfig({ "pizza-observability:thresholds": { order5xx: { window: "10m" } } }));
    expect(logqlCostProblems(defineStack(cfg), cfg).map(formatFinding)).toEqual([
      expect.stringMatching(
        /^\[stack\/logql-cost\] LogQL rules: together they read 17x the service's log volume, over the 10x budget \(pizza-order-5xx 10x/,
      ),
    ]);
    expect(() => checkedStack(cfg)).toThrow(/over the 10x budget/);
  });
});
