import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import notificationPolicy from "../../contact-points/notification-policy";
import { OBSERVABILITY_TICKETS_RECEIVER, ON_CALL_RECEIVER, TEAM_EMAIL_RECEIVER, TEAM_SLACK_RECEIVER } from "../../contact-points/receivers";
import { parseConfig } from "../../src/config/schema";
import { receiversFor } from "../../src/model/routing-match";
import { exampleConfig } from "../support/stack";

const tree: alerting.NotificationPolicy = {
  receiver: "root",
  routes: [
    { receiver: "pager", object_matchers: [["severity", "=", "page"]], continue: true },
    {
      object_matchers: [["team", "=~", "pi.*"]],
      routes: [
        { receiver: "team-x", object_matchers: [["x", "!~", "y|z"]] },
        { receiver: "never", object_matchers: [["x", "=", "impossible"]] },
      ],
    },
    { receiver: "not-team", object_matchers: [["team", "!=", "pizza"]] },
  ],
};

describe("receiversFor", () => {
  it("delivers to the root when no child matches", () => {
    expect(receiversFor({ receiver: "root", routes: [{ receiver: "a", object_matchers: [["a", "=", "1"]] }] }, { b: "1" })).toEqual([
      "root",
    ]);
    expect(receiversFor({ receiver: "root" }, {})).toEqual(["root"]);
  });

  it("stops at the first matching child", () => {
    const policy: alerting.NotificationPolicy = {
      receiver: "root",
      routes: [
        { receiver: "first", object_matchers: [["a", "=", "1"]] },
        { receiver: "second", object_matchers: [["a", "=", "1"]] },
      ],
    };
    expect(receiversFor(policy, { a: "1" })).toEqual(["first"]);
  });

  it("goes on to later siblings after a matching child with continue: true", () => {
    expect(receiversFor(tree, { severity: "page", team: "pizza" })).toEqual(["pager", "team-x"]);
    expect(receiversFor(tree, { severity: "page", team: "other" })).toEqual(["pager", "not-team"]);
  });

  it("descends depth-first, and a matching node whose children do not match delivers itself with the inherited receiver", () => {
    expect(receiversFor(tree, { team: "pizza", x: "y" })).toEqual(["root"]);
    expect(receiversFor(tree, { team: "pizza", x: "w" })).toEqual(["team-x"]);
  });

  it("inherits the receiver through several levels", () => {
    const policy: alerting.NotificationPolicy = {
      receiver: "root",
      routes: [{ receiver: "mid", routes: [{ object_matchers: [["a", "=", "1"]], routes: [{ object_matchers: [["b", "=", "2"]] }] }] }],
    };
    expect(receiversFor(policy, { a: "1", b: "2" })).toEqual(["mid"]);
    expect(receiversFor(policy, {})).toEqual(["mid"]);
  });

  it("anchors regexes at both ends, like Alertmanager", () => {
    const policy: alerting.NotificationPolicy = {
      receiver: "root",
      routes: [{ receiver: "hit", object_matchers: [["alertname", "=~", "DatasourceError|DatasourceNoData"]] }],
    };
    expect(receiversFor(policy, { alertname: "DatasourceError" })).toEqual(["hit"]);
    expect(receiversFor(policy, { alertname: "DatasourceNoData" })).toEqual(["hit"]);
    expect(receiversFor(policy, { alertname: "MyDatasourceError" })).toEqual(["root"]);
    expect(receiversFor(policy, { alertname: "DatasourceErrorX" })).toEqual(["root"]);
    expect(receiversFor(tree, { team: "apizza" })).toEqual(["not-team"]);
  });

  it("treats a missing label as the empty string", () => {
    const policy: alerting.NotificationPolicy = {
      receiver: "root",
      routes: [
        { receiver: "empty", object_matchers: [["a", "=", ""]] },
        { receiver: "set", object_matchers: [["a", "!=", ""]] },
      ],
    };
    expect(receiversFor(policy, {})).toEqual(["empty"]);
    expect(receiversFor(policy, { a: "x" })).toEqual(["set"]);
  });

  it("requires every matcher of a route", () => {
    const policy: alerting.NotificationPolicy = {
      receiver: "root",
      routes: [
        {
          receiver: "both",
          object_matchers: [
            ["a", "=", "1"],
            ["b", "=~", "2|3"],
          ],
        },
      ],
    };
    expect(receiversFor(policy, { a: "1", b: "3" })).toEqual(["both"]);
    expect(receiversFor(policy, { a: "1", b: "4" })).toEqual(["root"]);
  });

  it("reads the legacy matchers, match and match_re fields", () => {
    const legacy = {
      receiver: "root",
      routes: [
        { receiver: "strings", matchers: ['severity="page"', "team=~pi.*"] },
        { receiver: "objects", matchers: [{ Name: "severity", Type: "!=", Value: "page" }], match: { team: "pizza" } },
        { receiver: "re", match_re: { team: "a|b" } },
      ],
    } as unknown as alerting.NotificationPolicy;
    expect(receiversFor(legacy, { severity: "page", team: "pizza" })).toEqual(["strings"]);
    expect(receiversFor(legacy, { severity: "ticket", team: "pizza" })).toEqual(["objects"]);
    expect(receiversFor(legacy, { team: "b" })).toEqual(["re"]);
    expect(receiversFor(legacy, { team: "ab" })).toEqual(["root"]);
  });

  it("rejects an operator Alertmanager does not know", () => {
    expect(() => receiversFor({ receiver: "r", routes: [{ object_matchers: [["a", "==", "1"]] }] }, {})).toThrow(
      /unknown matcher operator "=="/,
    );
  });

  describe("on the stack's policy tree", () => {
    const policy = notificationPolicy(parseConfig(exampleConfig())).build();

    it("pages on severity=page, but sends a page alert's DatasourceError to the observability tickets", () => {
      expect(receiversFor(policy, { alertname: "JWT Pizza API answering 5xx", severity: "page" })).toEqual([ON_CALL_RECEIVER]);
      expect(receiversFor(policy, { alertname: "DatasourceError", severity: "page" })).toEqual([OBSERVABILITY_TICKETS_RECEIVER]);
      expect(receiversFor(policy, { alertname: "DatasourceNoData", severity: "page" })).toEqual([OBSERVABILITY_TICKETS_RECEIVER]);
    });

    it("sends tickets to the team channel and anything else to the root's receiver", () => {
      expect(receiversFor(policy, { alertname: "x", severity: "ticket" })).toEqual([TEAM_SLACK_RECEIVER]);
      expect(receiversFor(policy, { alertname: "x", severity: "info" })).toEqual([TEAM_EMAIL_RECEIVER]);
      expect(receiversFor(policy, {})).toEqual([TEAM_EMAIL_RECEIVER]);
    });
  });
});

/** The same tree as Alertmanager configuration, for amtool. */
function alertmanagerConfig(policy: alerting.NotificationPolicy): string {
  const names = new Set<string>();
  const route = (p: alerting.NotificationPolicy): Record<string, unknown> => {
    if (p.receiver) names.add(p.receiver);
    return {
      ...(p.receiver ? { receiver: p.receiver } : {}),
      ...(p.object_matchers ? { matchers: p.object_matchers.map(([n, op, v]) => `${n}${op}${JSON.stringify(v)}`) } : {}),
      ...(p.continue ? { continue: true } : {}),
      ...(p.routes ? { routes: p.routes.map(route) } : {}),
    };
  };
  const root = route(policy);
  return stringify({ route: root, receivers: [...names].map((name) => ({ name })) });
}

describe("receiversFor agrees with amtool (Alertmanager's own router)", () => {
  const dir = mkdtempSync(join(tmpdir(), "routing-"));
  const cases: Array<[string, alerting.NotificationPolicy, Record<string, string>]> = [
    ["page + pizza", tree, { severity: "page", team: "pizza" }],
    ["page + other team", tree, { severity: "page", team: "other" }],
    ["pizza, x=y", tree, { team: "pizza", x: "y" }],
    ["pizza, x=w", tree, { team: "pizza", x: "w" }],
    ["apizza", tree, { team: "apizza" }],
    ["no labels", tree, { a: "b" }],
    [
      "stack: page",
      notificationPolicy(parseConfig(exampleConfig())).build(),
      { alertname: "JWT Pizza API answering 5xx", severity: "page" },
    ],
    [
      "stack: DatasourceError",
      notificationPolicy(parseConfig(exampleConfig())).build(),
      { alertname: "DatasourceError", severity: "page" },
    ],
  ];

  it.each(cases)("%s", (name, policy, labels) => {
    const file = join(dir, `${name.replace(/\W+/g, "-")}.yml`);
    writeFileSync(file, alertmanagerConfig(policy));
    const out = execFileSync(
      "amtool",
      ["config", "routes", "test", `--config.file=${file}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    expect(receiversFor(policy, labels)).toEqual(out.trim().split(","));
  });
});
