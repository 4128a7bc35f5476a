import type * as alerting from "@grafana/grafana-foundation-sdk/alerting";
import { describe, expect, it } from "vitest";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { readStackFile } from "../../src/config/stack-file";
import { renderArtifacts } from "../../src/emit/files/artifacts";
import { behaviourDiff, changedDashboards, contactPointChanges, dashboardChanges, routingChanges } from "../../src/review/behaviour-diff";
import { formatMarkdown, formatText } from "../../src/review/changes";
import { readDashboardSnapshot } from "../../src/review/dashboard-snapshot";

const rendered = renderArtifacts(readStackFile(EXAMPLE_STACK_FILE));
const dashboardFiles = () => [...rendered].filter(([path]) => path.startsWith("dashboards/"));
const section = (title: string, changes: ReturnType<typeof routingChanges>) => [{ title, changes }];

describe("dashboards in the behaviour diff", () => {
  const before = readDashboardSnapshot(dashboardFiles());

  it("reads every panel of the rendered dashboards with its queries, thresholds and unit", () => {
    const orders = before.find((d) => d.uid === "pizza-orders");
    const ratio = orders?.panels.find((p) => p.id === 2);
    expect(ratio).toMatchObject({
      title: "Order failure ratio (5m)",
      type: "stat",
      unit: "percentunit",
      thresholds: "green; red from 0.001",
    });
    expect(ratio?.queries.A).toContain("count_over_time(");
    expect(dashboardChanges(before, readDashboardSnapshot(dashboardFiles()))).toEqual([]);
  });

  it("shows a changed panel query, a changed threshold and a removed panel", () => {
    const edited = dashboardFiles().map(([path, text]): [string, string] => {
      if (path !== "dashboards/pizza-orders.json") return [path, text];
      const d = JSON.parse(text);
      d.panels = d.panels.filter((p: { id: number }) => p.id !== 8);
      const ratio = d.panels.find((p: { id: number }) => p.id === 2);
      ratio.targets[0].expr = ratio.targets[0].expr.replaceAll("[5m]", "[10m]");
      ratio.fieldConfig.defaults.thresholds.steps[1].value = 0.01;
      return [path, JSON.stringify(d)];
    });
    const text = formatText(section("Dashboards", dashboardChanges(before, readDashboardSnapshot(edited))));
    const lines = text.split("\n");
    expect(lines[0]).toBe("~ dashboard pizza-orders panel 2 (Order failure ratio (5m))");
    expect(lines[1]).toBe("    query A:");
    expect(lines[2]).toMatch(/^ {6}- .*\[5m\]/);
    expect(lines[3]).toMatch(/^ {6}\+ .*\[10m\]/);
    // The query reads [5m] twice: two changed tokens, each in its context.
    expect(lines.slice(4, 6)).toEqual([expect.stringMatching(/^ {6}~ ….*\[\[-5m-\]\{\+10m\+\}\].*…$/), expect.stringMatching(/^ {6}~ …/)]);
    expect(lines.slice(6)).toEqual([
      "    thresholds: green; red from 0.001 -> green; red from 0.01",
      "- dashboard pizza-orders panel 8 (Recent failed orders)",
      "",
    ]);
  });

  it("names the dashboards whose panels change, above the changes (a changed title, a removed dashboard; not an unchanged one)", () => {
    const edited = readDashboardSnapshot(
      dashboardFiles().flatMap(([path, text]): Array<[string, string]> => {
        if (path === "dashboards/pizza-telemetry.json") return [];
        if (path !== "dashboards/pizza-factory.json") return [[path, text]];
        const d = JSON.parse(text);
        d.panels.find((p: { id: number }) => p.id === 3).title = "Pizza creation latency";
        return [[path, JSON.stringify(d)]];
      }),
    );
    expect(changedDashboards(before, edited).map((d) => d.uid)).toEqual(["pizza-factory", "pizza-telemetry"]);
    expect(changedDashboards(before, before)).toEqual([]);
    const sections = behaviourDiff({ alerts: [], dashboards: before }, { alerts: [], dashboards: edited });
    const note =
      "Panels change on 2 dashboards: pizza-factory (JWT Pizza: factory dependency), pizza-telemetry (JWT Pizza: telemetry pipeline)";
    expect(formatText(sections).split("\n")[0]).toBe(note);
    expect(formatMarkdown(sections, "Behaviour diff")).toContain(`### Dashboards\n\n${note}\n\n| | What | Before | After |`);
  });

  it("shows an added dashboard with its panel count", () => {
    const [first, ...rest] = before;
    expect(dashboardChanges(rest, before)).toEqual([
      { mark: "+", subject: `dashboard ${first.uid} (${first.title})`, summary: `${first.panels.length} panels`, fields: [] },
    ]);
  });
});

describe("routing tree in the behaviour diff", () => {
  const tree: alerting.NotificationPolicy = {
    receiver: "team",
    routes: [
      { receiver: "tickets", object_matchers: [["category", "=", "telemetry"]], group_wait: "1m" },
      { receiver: "pager", object_matchers: [["severity", "=", "page"]], group_wait: "10s" },
    ],
  };

  it("shows a route's new receiver and timing, recognised by its matchers", () => {
    const after: alerting.NotificationPolicy = {
      ...tree,
      routes: [tree.routes![0], { ...tree.routes![1], receiver: "team", group_wait: "30s" }],
    };
    expect(formatText(section("Routing", routingChanges({ alerts: [], policy: tree }, { alerts: [], policy: after })))).toBe(
      ['~ route root > severity="page"', "    receiver: pager -> team", "    group wait: 10s -> 30s", ""].join("\n"),
    );
  });

  it("shows a reordered route by its position: first match wins, so order is behaviour", () => {
    const swapped: alerting.NotificationPolicy = { ...tree, routes: [tree.routes![1], tree.routes![0]] };
    expect(formatText(section("Routing", routingChanges({ alerts: [], policy: tree }, { alerts: [], policy: swapped })))).toBe(
      [
        '~ route root > category="telemetry"',
        "    position: root.1 -> root.2",
        '~ route root > severity="page"',
        "    position: root.2 -> root.1",
        "",
      ].join("\n"),
    );
  });

  it("shows a removed route", () => {
    const after: alerting.NotificationPolicy = { ...tree, routes: [tree.routes![0]] };
    expect(routingChanges({ alerts: [], policy: tree }, { alerts: [], policy: after })).toEqual([
      { mark: "-", subject: 'route root > severity="page"', fields: [] },
    ]);
  });
});

describe("contact points in the behaviour diff", () => {
  const email = { name: "team", uid: "team", type: "email", settings: { addresses: "a@example.com" }, disableResolveMessage: false };
  const hook = {
    name: "pager",
    uid: "pager",
    type: "webhook",
    settings: { url: "[REDACTED]", httpMethod: "POST" },
    disableResolveMessage: false,
  };

  it("shows plain settings but never a credential, even one that is not redacted", () => {
    const after = [
      { ...email, settings: { addresses: "b@example.com" } },
      { ...hook, settings: { url: "https://hooks.example.com/s3cr3t", httpMethod: "PUT" } },
    ];
    const text = formatText(section("Contact points", contactPointChanges([email, hook], after)));
    expect(text).toBe(
      [
        "~ contact point pager",
        "    setting httpMethod: POST -> PUT",
        "    setting url: (set, not shown) -> changed (not shown)",
        "~ contact point team",
        "    setting addresses: a@example.com -> b@example.com",
        "",
      ].join("\n"),
    );
    expect(text).not.toContain("s3cr3t");
  });
});

describe("markdown form", () => {
  it("keeps a LogQL pipe inside its table cell and says when nothing changed", () => {
    const md = formatMarkdown(
      [
        {
          title: "Alerts",
          changes: [
            { mark: "~", subject: "x (X)", fields: [{ field: "query A", before: '{a="b"} |= "c"', after: '{a="b"} |= "d"', block: true }] },
          ],
        },
      ],
      "Behaviour diff",
    );
    expect(md).toBe(
      [
        "## Behaviour diff",
        "",
        "### Alerts",
        "",
        "| | What | Before | After |",
        "|---|---|---|---|",
        '| **changed** x (X) | query A<br><code>"c"</code> → <code>"d"</code> | <code>{a="b"} \\|= <del><b>"c"</b></del></code> | <code>{a="b"} \\|= <ins><b>"d"</b></ins></code> |',
        "",
      ].join("\n"),
    );
    expect(formatMarkdown([{ title: "Alerts", changes: [] }], "Behaviour diff")).toBe("## Behaviour diff\n\nNo behaviour changes.\n");
  });
});
