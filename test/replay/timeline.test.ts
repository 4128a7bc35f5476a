import { beforeAll, describe, expect, it } from "vitest";
import { mermaidTimeline } from "../../src/replay/timeline";
import type { FixtureReplay } from "../../src/replay/run";
import { ganttParser } from "../support/mermaid";

/** The Mermaid text is checked with mermaid's own gantt parser (test/support/mermaid.ts). */
let parse: Awaited<ReturnType<typeof ganttParser>>;

beforeAll(async () => {
  parse = await ganttParser();
});

const replay = {
  fixture: {
    name: "factory-5xx",
    title: "t",
    durationSeconds: 2700,
    sampleIntervalSeconds: 10,
    incident: { startSeconds: 1220, endSeconds: 1400, what: "500 Failed: to fulfill # order; 100%", pageWorthy: true },
    logs: [],
    series: [],
  },
  alerts: [
    {
      uid: "pizza-order-failures",
      title: "JWT Pizza orders failing",
      severity: "page",
      category: "errors",
      evaluatedBy: "promtool",
      firingSeconds: [1250],
      receivers: ["pizza-on-call"],
      episodes: [
        { alertname: "JWT Pizza orders failing", labels: {}, startSeconds: 1250, endSeconds: 1520 },
        { alertname: "DatasourceError", labels: {}, startSeconds: 2000 },
      ],
      pendingSpans: [{ startSeconds: 1240, endSeconds: 1250 }],
      notified: [],
    },
    {
      uid: "pizza-watchdog",
      title: "w",
      severity: "none",
      category: "watchdog",
      evaluatedBy: "promtool",
      firingSeconds: [600],
      receivers: [],
      episodes: [{ alertname: "w", labels: {}, startSeconds: 600 }],
      pendingSpans: [],
      notified: [],
    },
  ],
  groups: [
    {
      key: "k",
      receiver: "pizza-on-call",
      timing: { groupWaitSeconds: 10, groupIntervalSeconds: 300, repeatIntervalSeconds: 3600 },
      groupLabels: {},
      members: [{ uid: "pizza-order-failures", alertname: "JWT Pizza orders failing" }],
      notifications: [
        { atSeconds: 1260, kind: "new", alertnames: ["JWT Pizza orders failing"], resolved: [], opensIncident: true },
        { atSeconds: 1560, kind: "resolved", alertnames: [], resolved: ["JWT Pizza orders failing"] },
        { atSeconds: 1860, kind: "muted", alertnames: ["JWT Pizza orders failing"], resolved: [] },
      ],
    },
  ],
  falsePages: [],
  promtoolInputs: [],
} as unknown as FixtureReplay;

describe("incident timeline as Mermaid (gantt)", () => {
  it("parses with mermaid's gantt grammar: incident window, pending and firing spans, every notification kind, each task with its id and times in milliseconds", () => {
    const text = mermaidTimeline(replay);
    const tasks = parse(text)
      .filter(([k]) => k === "addTask")
      .map(([, a]) => `${String(a[0]).trim()} |${String(a[1]).replace(/^:/, "").trim()}`);
    expect(tasks).toEqual([
      "500 Failed to fulfill order 100 |crit, incident, 1220000, 1400000",
      "pending |a0p0, 1240000, 1250000",
      "firing |active, a0e0, 1250000, 1520000",
      "DatasourceError |active, a0e1, 2000000, 2700000",
      "new JWT Pizza orders failing |crit, milestone, n0, 1260000, 0ms",
      "resolved JWT Pizza orders failing |milestone, n1, 1560000, 0ms",
      "muted JWT Pizza orders failing |done, milestone, n2, 1860000, 0ms",
    ]);
    expect(
      parse(text)
        .filter(([k]) => k === "addSection")
        .map(([, a]) => a[0]),
    ).toEqual(["incident", "pizza-order-failures", "to pizza-on-call"]);
  });

  it("names the side of a change in its title (the review diff draws before and after)", () => {
    const titles = (text: string) =>
      parse(text)
        .filter(([k]) => k === "setDiagramTitle")
        .map(([, a]) => String(a[0]).trim());
    expect(titles(mermaidTimeline(replay, "before (origin/main)"))).toEqual([
      "factory-5xx before (origin/main) - alerts and notifications",
    ]);
    expect(titles(mermaidTimeline(replay))).toEqual(["factory-5xx - alerts and notifications"]);
  });

  it("times are milliseconds (dateFormat x, which Mermaid reads alike for starts and ends); past an hour the axis shows hours, minutes would wrap", () => {
    const calls = (text: string) => parse(text).map(([k, a]) => `${k} ${String(a[0]).trim()}`);
    expect(calls(mermaidTimeline(replay))).toEqual(
      expect.arrayContaining(["setDateFormat x", "setAxisFormat %M.%S", "setTodayMarker off"]),
    );
    const long = { ...replay, fixture: { ...replay.fixture, durationSeconds: 4500 } } as FixtureReplay;
    expect(calls(mermaidTimeline(long))).toContain("setAxisFormat %H:%M:%S");
  });

  it("the parser is real: text the grammar does not accept fails", () => {
    expect(() => parse("gantt\n    a task without its data")).toThrow(/Parse error/);
    expect(() => parse(mermaidTimeline(replay).replace("gantt", "ganttt"))).toThrow();
  });
});
