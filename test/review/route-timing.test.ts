import { describe, expect, it } from "vitest";
import { policyRoutes, ruleRoutes } from "../../src/review/route-timing";

const tree = {
  receiver: "root",
  group_by: ["alertname"],
  group_wait: "20s",
  routes: [
    {
      receiver: "pager",
      object_matchers: [["severity", "=", "page"]] as [string, string, string][],
      group_wait: "10s",
      repeat_interval: "1h",
      mute_time_intervals: ["chaos"],
    },
    {
      object_matchers: [["team", "=", "pizza"]] as [string, string, string][],
      group_by: ["team"],
      continue: true,
      routes: [{ receiver: "slack", object_matchers: [["severity", "=", "ticket"]] as [string, string, string][], group_interval: "10m" }],
    },
    { receiver: "email", object_matchers: [["team", "=", "pizza"]] as [string, string, string][] },
  ],
};

describe("policyRoutes", () => {
  it("inherits receiver, group_by and timings from the parents, Grafana's defaults at the root; mute timings are the route's own", () => {
    expect(policyRoutes(tree, { severity: "page" })).toEqual([
      {
        id: "root/0",
        receiver: "pager",
        groupBy: ["alertname"],
        timing: { groupWaitSeconds: 10, groupIntervalSeconds: 300, repeatIntervalSeconds: 3600 },
        muteTimeIntervals: ["chaos"],
      },
    ]);
    // The team route has continue: its child (group_by from the team route), then the next sibling.
    expect(
      policyRoutes(tree, { team: "pizza", severity: "ticket" }).map((r) => [
        r.id,
        r.receiver,
        r.groupBy,
        r.timing.groupWaitSeconds,
        r.timing.groupIntervalSeconds,
        r.muteTimeIntervals,
      ]),
    ).toEqual([
      ["root/1/0", "slack", ["team"], 20, 600, []],
      ["root/2", "email", ["alertname"], 20, 300, []],
    ]);
    expect(policyRoutes(tree, {}).map((r) => [r.id, r.receiver, r.timing.repeatIntervalSeconds])).toEqual([["root", "root", 14400]]);
  });
});

describe("ruleRoutes", () => {
  it("sends a rule with its own contact point there with its timings, alertname and grafana_folder forced into group_by, unset timings from the default policy", () => {
    const rule = {
      title: "x",
      labels: { severity: "page" },
      notification_settings: { receiver: "own", group_by: ["service"], group_interval: "2m", mute_time_intervals: ["chaos"] },
    };
    const [route] = ruleRoutes(rule, { severity: "page" }, tree);
    expect(route.receiver).toBe("own");
    expect(route.groupBy).toEqual(["alertname", "grafana_folder", "service"]);
    expect(route.timing).toEqual({ groupWaitSeconds: 20, groupIntervalSeconds: 120, repeatIntervalSeconds: 14400 });
    expect(route.muteTimeIntervals).toEqual(["chaos"]);
    expect(ruleRoutes(rule, {}, tree)).toHaveLength(1);
    // Without a deployed tree, Grafana's defaults.
    expect(ruleRoutes(rule, {}, undefined)[0].timing.groupWaitSeconds).toBe(30);
  });

  it("walks the policy tree for a rule without notification settings, and reaches nothing without a tree", () => {
    const rule = { title: "x", labels: { severity: "page" } };
    expect(ruleRoutes(rule, { severity: "page" }, tree).map((r) => r.receiver)).toEqual(["pager"]);
    expect(ruleRoutes(rule, { severity: "page" }, undefined)).toEqual([]);
  });
});
