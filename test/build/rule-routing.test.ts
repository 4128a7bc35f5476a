import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { describe, expect, it } from "vitest";
import { ruleNotificationSettings } from "../../src/build/rule-routing";

const rule = (labels: Record<string, string>): alerting.Rule => ({ title: "PizzaDown", uid: "pizza-down", labels }) as alerting.Rule;

const tree: alerting.NotificationPolicy = {
  receiver: "team",
  group_by: ["grafana_folder", "alertname"],
  group_wait: "30s",
  group_interval: "5m",
  repeat_interval: "4h",
  routes: [
    { receiver: "tickets", object_matchers: [["alertname", "=~", "DatasourceError|DatasourceNoData"]] },
    {
      object_matchers: [["severity", "=~", "page|critical"]],
      repeat_interval: "1h",
      mute_time_intervals: ["chaos"],
      routes: [{ receiver: "pager", object_matchers: [["team", "!=", "other"]], group_by: ["team"] }],
    },
  ],
};

describe("a rule's route as notification settings", () => {
  it("follows the first matching route depth-first, inherits receiver, grouping and timings, not mute timings", () => {
    expect(ruleNotificationSettings(rule({ severity: "page", team: "pizza" }), tree, "JWT Pizza Service")).toEqual({
      receiver: "pager",
      group_by: ["grafana_folder", "alertname", "team"],
      group_wait: "30s",
      group_interval: "5m",
      repeat_interval: "1h",
    });
  });

  it("stops at the deepest matching node, with its mute timings, and anchors regexes", () => {
    expect(ruleNotificationSettings(rule({ severity: "page", team: "other" }), tree, "F")).toMatchObject({ receiver: "team", repeat_interval: "1h", mute_time_intervals: ["chaos"] });
    // "pages" does not match ^(?:page|critical)$: the root's receiver.
    expect(ruleNotificationSettings(rule({ severity: "pages", team: "pizza" }), tree, "F")).toMatchObject({ receiver: "team", repeat_interval: "4h" });
  });

  it("refuses by name what cannot be decided before a query runs", () => {
    expect(() => ruleNotificationSettings(rule({ severity: "page" }), tree, "F")).toThrow(
      "routing plan: cannot give rule pizza-down its route as notification settings: a route matches on team, a label the rule does not set",
    );
    expect(() => ruleNotificationSettings(rule({ severity: "{{ $labels.level }}", team: "x" }), tree, "F")).toThrow("whose value is templated");
    const withContinue: alerting.NotificationPolicy = { receiver: "team", routes: [{ receiver: "a", continue: true, object_matchers: [] }] };
    expect(() => ruleNotificationSettings(rule({}), withContinue, "F")).toThrow("continue: true");
  });
});
