import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { policyRoutes } from "../../src/review/route-timing";

/**
 * Cases ported from prometheus/alertmanager dispatch/route_test.go (TestRouteMatch,
 * TestRouteMatchers, TestRouteMatchersAndMatch, TestInheritParentGroupByAll): the same route trees
 * (Alertmanager YAML), the same label sets, the receivers and RouteOpts (group_by, group_wait,
 * group_interval, repeat_interval) Alertmanager's tree.Match returns, in order. DefaultRouteOpts:
 * group_by none, group_wait 30s, group_interval 5m, repeat_interval 4h (Grafana's defaults too).
 */

const D = { groupWaitSeconds: 30, groupIntervalSeconds: 300, repeatIntervalSeconds: 4 * 3600 };
type Want = [receiver: string, groupBy: string[], groupWaitSeconds: number, groupIntervalSeconds?: number, repeatIntervalSeconds?: number];
const opts = (policy: alerting.NotificationPolicy, labels: Record<string, string>): Want[] =>
  policyRoutes(policy, labels).map((r) => [
    r.receiver,
    r.groupBy,
    r.timing.groupWaitSeconds,
    r.timing.groupIntervalSeconds,
    r.timing.repeatIntervalSeconds,
  ]);
const w = (
  receiver: string,
  groupBy: string[],
  gw = D.groupWaitSeconds,
  gi = D.groupIntervalSeconds,
  ri = D.repeatIntervalSeconds,
): Want => [receiver, groupBy, gw, gi, ri];

/** The trees of the three tests differ only in how matchers are written. */
const TREES: Record<string, string> = {
  // route_test.go TestRouteMatch: match / match_re.
  TestRouteMatch: `
receiver: 'notify-def'
routes:
- match: { owner: 'team-A' }
  receiver: 'notify-A'
  routes:
  - match: { env: 'testing' }
    receiver: 'notify-testing'
    group_by: ['...']
  - match: { env: "production" }
    receiver: 'notify-productionA'
    group_wait: 1m
    continue: true
  - match_re: { env: "produ.*", job: ".*" }
    receiver: 'notify-productionB'
    group_wait: 30s
    group_interval: 5m
    repeat_interval: 1h
    group_by: ['job']
- match_re: { owner: 'team-(B|C)' }
  group_by: ['foo', 'bar']
  group_wait: 2m
  receiver: 'notify-BC'
- match: { group_by: 'role' }
  group_by: ['role']
  routes:
  - match: { env: 'testing' }
    receiver: 'notify-testing'
    routes:
    - match: { wait: 'long' }
      group_wait: 2m
`,
  // route_test.go TestRouteMatchers: matcher strings, brace form and bare.
  TestRouteMatchers: `
receiver: 'notify-def'
routes:
- matchers: ['{owner="team-A"}', '{level!="critical"}']
  receiver: 'notify-A'
  routes:
  - matchers: ['{env="testing"}', '{baz!~".*quux"}']
    receiver: 'notify-testing'
    group_by: ['...']
  - matchers: ['{env="production"}']
    receiver: 'notify-productionA'
    group_wait: 1m
    continue: true
  - matchers: [ 'env=~"produ.*"', 'job=~".*"']
    receiver: 'notify-productionB'
    group_wait: 30s
    group_interval: 5m
    repeat_interval: 1h
    group_by: ['job']
- matchers: ['owner=~"team-(B|C)"']
  group_by: ['foo', 'bar']
  group_wait: 2m
  receiver: 'notify-BC'
- matchers: ['group_by="role"']
  group_by: ['role']
  routes:
  - matchers: ['{env="testing"}']
    receiver: 'notify-testing'
    routes:
    - matchers: ['wait="long"']
      group_wait: 2m
`,
  // route_test.go TestRouteMatchersAndMatch: both forms in one tree.
  TestRouteMatchersAndMatch: `
receiver: 'notify-def'
routes:
- matchers: ['{owner="team-A"}', '{level!="critical"}']
  receiver: 'notify-A'
  routes:
  - matchers: ['{env="testing"}', '{baz!~".*quux"}']
    receiver: 'notify-testing'
    group_by: ['...']
  - match: { env: "production" }
    receiver: 'notify-productionA'
    group_wait: 1m
    continue: true
  - matchers: [ 'env=~"produ.*"', 'job=~".*"']
    receiver: 'notify-productionB'
    group_wait: 30s
    group_interval: 5m
    repeat_interval: 1h
    group_by: ['job']
- match_re: { owner: 'team-(B|C)' }
  group_by: ['foo', 'bar']
  group_wait: 2m
  receiver: 'notify-BC'
- matchers: ['group_by="role"']
  group_by: ['role']
  routes:
  - matchers: ['{env="testing"}']
    receiver: 'notify-testing'
    routes:
    - matchers: ['wait="long"']
      group_wait: 2m
`,
};

/** The eight label sets of each test and what tree.Match returns for them (the same in all three tests). */
const CASES: Array<[labels: Record<string, string>, want: Want[]]> = [
  [{ owner: "team-A" }, [w("notify-A", [])]],
  [{ owner: "team-A", env: "unset" }, [w("notify-A", [])]],
  [{ owner: "team-C" }, [w("notify-BC", ["foo", "bar"], 120)]],
  [{ owner: "team-A", env: "testing" }, [w("notify-testing", ["..."])]],
  [{ owner: "team-A", env: "production" }, [w("notify-productionA", [], 60), w("notify-productionB", ["job"], 30, 300, 3600)]],
  [{ group_by: "role" }, [w("notify-def", ["role"])]],
  [{ env: "testing", group_by: "role" }, [w("notify-testing", ["role"])]],
  [{ env: "testing", group_by: "role", wait: "long" }, [w("notify-testing", ["role"], 120)]],
];

describe("Alertmanager dispatch/route_test.go", () => {
  for (const [test, yaml] of Object.entries(TREES)) {
    const tree = parse(yaml) as alerting.NotificationPolicy;
    CASES.forEach(([labels, want], i) => {
      it(`${test} case ${i + 1}: ${JSON.stringify(labels)} -> ${want.map((x) => x[0]).join(", ")}`, () => {
        expect(opts(tree, labels)).toEqual(want);
      });
    });
  }

  it("TestInheritParentGroupByAll: a child without group_by inherits the parent's '...'; one with its own keeps it", () => {
    const tree = parse(`
routes:
- match: { env: 'parent' }
  group_by: ['...']
  routes:
  - match: { env: 'child1' }
  - match: { env: 'child2' }
    group_by: ['foo']
`) as alerting.NotificationPolicy;
    // The parent's own delivery (no child matches), child1 and child2.
    expect(policyRoutes(tree, { env: "parent" })[0].groupBy).toEqual(["..."]);
    const child1: alerting.NotificationPolicy = { routes: [{ ...tree.routes![0], match: {}, routes: [{ match: { env: "child1" } }] }] };
    expect(policyRoutes(child1, { env: "child1" })[0].groupBy).toEqual(["..."]);
    const child2: alerting.NotificationPolicy = {
      routes: [{ ...tree.routes![0], match: {}, routes: [{ match: { env: "child2" }, group_by: ["foo"] }] }],
    };
    expect(policyRoutes(child2, { env: "child2" })[0].groupBy).toEqual(["foo"]);
  });

  it("an empty group_by: [] inherits the parent's, as an unset one does (dispatch/route.go NewRoute: only a non-empty group_by replaces the parent's)", () => {
    const tree: alerting.NotificationPolicy = {
      receiver: "r",
      group_by: ["grafana_folder", "severity"],
      routes: [{ receiver: "c", object_matchers: [["a", "=", "1"]], group_by: [] }],
    };
    expect(policyRoutes(tree, { a: "1" }).map((r) => [r.receiver, r.groupBy])).toEqual([["c", ["grafana_folder", "severity"]]]);
  });

  it("brace-form matcher strings: several matchers in one string, quoted commas, trailing comma (pkg/labels/parse.go ParseMatchers)", () => {
    const tree: alerting.NotificationPolicy = {
      receiver: "def",
      routes: [{ receiver: "x", matchers: ['{owner="team-A", msg=~"a,b", }'] as unknown as alerting.Matchers }],
    };
    expect(policyRoutes(tree, { owner: "team-A", msg: "a,b" }).map((r) => r.receiver)).toEqual(["x"]);
    expect(policyRoutes(tree, { owner: "team-A", msg: "a" }).map((r) => r.receiver)).toEqual(["def"]);
    const unbalanced: alerting.NotificationPolicy = {
      receiver: "def",
      routes: [{ receiver: "x", matchers: ['{owner="team-A"'] as unknown as alerting.Matchers }],
    };
    expect(() => policyRoutes(unbalanced, { owner: "team-A" })).toThrow(/unbalanced braces/);
  });
});
