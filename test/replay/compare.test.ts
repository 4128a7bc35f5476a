import { beforeAll, describe, expect, it } from "vitest";
import { dirname } from "node:path";
import { answerTestRulesWith, promtoolAsync } from "../../src/emit/promtool";
import { installKeptAnswers } from "../support/promtool-answers";
import { parseConfig } from "../../src/config/schema";
import { renderArtifacts } from "../../src/emit/files/artifacts";
import { compareReplays, formatReplayComparison, type ReplaySide } from "../../src/replay/compare";
import { stackOfRenderedFiles, type ReplayedStack } from "../../src/replay/rendered-stack";
import { keptFixtures } from "../support/fixtures";
import { routingTargets } from "../../contact-points/receivers";
import { launchChromium } from "../../src/preview/browser";
import { drawTimelines } from "../../src/preview/timeline-picture";
import { ganttParser, mermaidBlocks } from "../support/mermaid";
import { decodePng } from "../support/pixels";
import { exampleConfig } from "../support/stack";
import { expectTimelineGeometry } from "../support/timeline-geometry";

const cfg = parseConfig(exampleConfig());
const stack = () => stackOfRenderedFiles(renderArtifacts(exampleConfig()), "example");
const side = (label: string, s: ReplayedStack): ReplaySide => ({ label, stack: s, cfg, pager: routingTargets(cfg).pager });
// Two scenarios keep it quick: the seed incident at its first phase, and an hour that must stay quiet.
const fixtures = keptFixtures(cfg, [0]).filter((f) => f.name === "factory-5xx" || f.name === "normal-hour");

/** The stack with one rule changed. */
function changed(uid: string, change: (rule: NonNullable<ReplayedStack["ruleGroups"][number]["rules"]>[number]) => void): ReplayedStack {
  const s = stack();
  const rule = s.ruleGroups.flatMap((g) => g.rules ?? []).find((r) => r.uid === uid);
  expect(rule, uid).toBeDefined();
  change(rule!);
  return s;
}

let parse: Awaited<ReturnType<typeof ganttParser>>;
beforeAll(async () => {
  parse = await ganttParser();
});

/** The review diff of a page that waits 3 minutes longer (computed once, read by two tests). */
let delayedComparison: ReturnType<typeof compareReplays> | undefined;
function delayed() {
  delayedComparison ??= compareReplays(
    side("origin/main", stack()),
    side(
      "working tree",
      changed("pizza-order-failures", (r) => void (r.for = "3m")),
    ),
    fixtures,
  );
  return delayedComparison;
}

describe("the incident replay of both sides of a change", () => {
  it("a page that waits 3 minutes longer: the seed incident's row changes, with both timelines, which mermaid parses", async () => {
    const c = await delayed();
    expect(c.identical).toBe(false);
    expect(c.changed.map((x) => x.scenario)).toEqual(["factory-5xx"]);
    const [x] = c.changed;
    const seconds = (notify: string) => Number(notify.match(/^page \+(\d+)s$/)?.[1]);
    expect(seconds(x.after.notify)).toBeGreaterThan(seconds(x.before.notify));
    const md = formatReplayComparison(c, "markdown");
    expect(md).toContain(`| factory-5xx | 1 | ${x.before.notify} → ${x.after.notify} |`);
    expect(md).toContain("\n1 scenario unchanged.\n");
    const blocks = mermaidBlocks(md);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) expect(parse(b).filter(([k]) => k === "addTask").length).toBeGreaterThan(3);
    const title = (b: string) => parse(b).find(([k]) => k === "setDiagramTitle")?.[1][0];
    expect(blocks.map(title)).toEqual([
      "factory-5xx before (origin/main) - alerts and notifications",
      "factory-5xx after (working tree) - alerts and notifications",
    ]);
    expect(formatReplayComparison(c, "text")).toMatch(/^ {2}factory-5xx +1 +page \+\d+s → page \+\d+s /m);
  }, 300_000);

  it("its timelines, drawn by mermaid in Chromium: every bar starts and ends where its span does on the chart's own axis (within 2 px), the incident bar first, milestones at the notification times", async () => {
    const c = await delayed();
    const charts = c.changed.flatMap((x) => [
      { text: x.timelines.before, replay: x.replays.before },
      { text: x.timelines.after, replay: x.replays.after },
    ]);
    expect(charts).toHaveLength(2);
    const browser = await launchChromium();
    try {
      const pictures = await drawTimelines(
        browser,
        charts.map((x) => x.text),
      );
      for (const [i, p] of pictures.entries()) expectTimelineGeometry(p, charts[i].replay, await decodePng(browser, p.png));
    } finally {
      await browser.close();
    }
  }, 300_000);

  it("says nothing changed, without replaying, when both sides have the same rules and routes", async () => {
    const build = () => {
      throw new Error("the library was built although nothing is replayed");
    };
    const c = await compareReplays(side("HEAD", stack()), side("working tree", stack()), { scenarios: 2, fixtures: 2, build });
    expect(c).toMatchObject({ identical: true, changed: [], scenarios: 2, fixtures: 2 });
    expect(formatReplayComparison(c, "text")).toBe(
      "Incident replay: No alert rule or route differs: the outcome of all 2 scenarios (2 fixtures with phases and seeds) is unchanged (not replayed).\n",
    );
  });

  it("replays and finds no scenario changed when only an annotation differs, asking promtool nothing twice across the sides", async () => {
    const reworded = changed("pizza-order-failures", (r) => void (r.annotations = { ...r.annotations, summary: "reworded" }));
    // Every promtool question counted (the run's answer cache set aside): the after side's are the before side's.
    const asked: string[] = [];
    answerTestRulesWith((file, binary) => {
      asked.push(file);
      return promtoolAsync(["test", "rules", file], binary);
    });
    let c;
    try {
      // The seed incident alone: the reworded rule pages in it.
      c = await compareReplays(side("HEAD", stack()), side("working tree", reworded), fixtures.slice(0, 1));
    } finally {
      installKeptAnswers();
    }
    const intervals = new Set(stack().ruleGroups.map((g) => g.interval)).size;
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThanOrEqual(intervals);
    expect(new Set(asked.map((f) => dirname(f))).size, "only the before side's folder").toBe(1);
    expect(c.identical).toBe(false);
    expect(c.changed).toEqual([]);
    expect(formatReplayComparison(c, "markdown")).toMatch(
      /^### Incident replay\n\nThe scenario library replayed against both sides \(\d+ s\): 0 of 1 scenario \(1 fixture with phases and seeds\) change\.\n\n1 scenario unchanged\.\n$/,
    );
  }, 300_000);
});
