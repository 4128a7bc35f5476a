import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/schema";
import { defineStack } from "../../src/build/stack";
import { checkedStack, definitionProblems } from "../../src/checks";
import order5xxRule from "../../alerts/order-5xx";
import type { AlertDefinition } from "../../alerts";
import { exampleConfig } from "../support/stack";

/**
 * A definition turns a named check off for itself with a reason (`disabledChecks`, as pint's
 * `# pint disable` comment): the finding goes; a suppression without a reason, of an unknown check,
 * of one that may not be turned off, or that turns nothing off is itself a finding, named.
 */

const cfg = parseConfig(exampleConfig());
/** The definition itself, as the stack reads it (the tests set and remove its disabledChecks). */
const order5xx: AlertDefinition = order5xxRule;

/** The example stack with pizza-order-5xx paging at once (severity=page, for: 0s): one lint finding. */
function withImmediatePage(disabledChecks?: Record<string, string>) {
  const stack = defineStack(cfg);
  const ruleGroups = stack.ruleGroups.map((g) => ({
    ...g,
    rules: (g.rules ?? []).map((r) => (r.uid === "pizza-order-5xx" ? { ...r, for: "0s", labels: { ...r.labels, severity: "page" } } : r)),
  }));
  const suppressions = Object.entries(disabledChecks ?? {}).map(([check, reason]) => ({
    kind: "alert" as const,
    subject: "pizza-order-5xx",
    check,
    reason,
  }));
  return { ...stack, ruleGroups, suppressions };
}

const IMMEDIATE_PAGE =
  '[rule/page-without-pending-period] alert pizza-order-5xx: severity=page with for: "0s" pages on a single evaluation; set a pending period';

describe("a definition's disabled checks", () => {
  afterEach(() => {
    delete order5xx.disabledChecks;
  });

  it.each([
    ["no suppression: the finding names its check", undefined, [IMMEDIATE_PAGE]],
    [
      "a suppression with its reason turns that one check off for that one rule",
      { "rule/page-without-pending-period": "one 5xx line is already a customer-facing failure; the factory pages within a minute" },
      [],
    ],
    [
      "a suppression without a reason is refused, and turns nothing off",
      { "rule/page-without-pending-period": "  " },
      [
        IMMEDIATE_PAGE,
        "[suppression/reason] alert pizza-order-5xx disables rule/page-without-pending-period: give the reason the check does not apply here",
      ],
    ],
    [
      "a suppression of an unknown check is refused",
      { "rule/page-without-pending": "typo" },
      [
        IMMEDIATE_PAGE,
        '[suppression/unknown-check] alert pizza-order-5xx disables rule/page-without-pending: no check is named "rule/page-without-pending"',
      ],
    ],
    [
      "a check that may not be turned off stays on",
      { "query/body-exposure": "we trust the logs" },
      [
        IMMEDIATE_PAGE,
        "[suppression/not-suppressible] alert pizza-order-5xx disables query/body-exposure: this check may not be turned off",
      ],
    ],
    [
      "a suppression that finds nothing to turn off is refused, so it cannot hide a later finding unseen",
      { "rule/page-without-pending-period": "pages at once on purpose", "rule/missing-runbook": "has one" },
      ["[suppression/unused] alert pizza-order-5xx disables rule/missing-runbook: it finds nothing to turn off: remove it"],
    ],
  ])("%s", (_name, disabled, expected) => {
    expect(definitionProblems(withImmediatePage(disabled), cfg)).toEqual(expected);
  });

  it("are read from the definition itself (alerts/order-5xx.ts's disabledChecks), and a bad one stops the stack naming it", () => {
    order5xx.disabledChecks = { "query/unbounded-regex": "" };
    expect(defineStack(cfg).suppressions).toEqual([
      { kind: "alert", subject: "pizza-order-5xx", check: "query/unbounded-regex", reason: "" },
    ]);
    expect(() => checkedStack(cfg)).toThrow(
      "[suppression/reason] alert pizza-order-5xx disables query/unbounded-regex: give the reason the check does not apply here",
    );
  });
});
