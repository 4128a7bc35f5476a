import { describe, expect, it } from "vitest";
import { checkedStack, definitionProblems } from "../../src/checks";
import { parseConfig } from "../../src/config/schema";
import { exampleConfig } from "../support/stack";

/** deployment.routingMode rule-settings: what a rule's notification settings name must be declared, or Grafana rejects the rule. */
describe("rules' notification settings", () => {
  const cfg = parseConfig(exampleConfig());
  const stack = checkedStack(cfg);

  it("name only declared contact points and mute timings in the example stack", () => {
    const settings = stack.ruleGroups.flatMap((g) => g.rules ?? []).filter((r) => r.notification_settings);
    expect(settings.length).toBeGreaterThan(5);
    expect(definitionProblems(stack, cfg)).toEqual([]);
  });

  it("fail the definitions when they name an undeclared contact point or mute timing", () => {
    const [group] = stack.ruleGroups.filter((g) => (g.rules ?? []).some((r) => r.notification_settings));
    const rule = (group.rules ?? []).find((r) => r.notification_settings)!;
    const broken = {
      ...stack,
      ruleGroups: [{ ...group, rules: [{ ...rule, notification_settings: { receiver: "pizza-pager", mute_time_intervals: ["lunch"] } }] }],
    };
    expect(definitionProblems(broken, cfg)).toEqual([
      `[rule/undeclared-receiver] alert ${rule.uid}: notification settings name contact point pizza-pager, which is not declared`,
      `[rule/undeclared-mute-timing] alert ${rule.uid}: notification settings name mute timing lunch, which is not declared`,
    ]);
  });
});
