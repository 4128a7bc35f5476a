import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Config } from "../config/schema";
import { counted, renderTable, type TableFormat } from "../model/text";
import { verdict, type FixtureVerdict } from "./expectations";
import { scenarioOf, type Fixture } from "./fixtures";
import type { ReplayedStack } from "./rendered-stack";
import { scenarioRows, type ScenarioRow } from "./report";
import { replayStack, type FixtureReplay } from "./run";
import type { ObservedAnswers } from "./promtool-tests";
import { mermaidTimeline } from "./timeline";
import { formatPageText, pageTexts, type PageText, type PageTextEngines } from "./page-text";

/**
 * The incident replay of one scenario library against two versions of the alert rules and routes
 * (the review diff's base and head): which scenarios' outcomes change (pages per incident, time to
 * notify, episodes, notifications firing/resolved/muted, the expectations' result), each with the
 * timeline of one changed fixture on both sides (timeline.ts). The fixtures are the same on both
 * sides, so only the definitions differ.
 */

export interface ReplaySide {
  /** How the report names it: a ref, or the working tree. */
  label: string;
  stack: ReplayedStack;
  cfg: Config;
  /** Who is paged (routingTargets(cfg).pager). */
  pager: string;
}

/** What one scenario (its phases and seeds folded in) did on one side. */
export interface ScenarioOutcome extends Omit<ScenarioRow, "expected"> {
  /** Notifications of every alert but the watchdog, over the scenario's fixtures: new and repeats. */
  firing: number;
  resolved: number;
  muted: number;
}

export interface ChangedScenario {
  scenario: string;
  before: ScenarioOutcome;
  after: ScenarioOutcome;
  /** The first of the scenario's fixtures whose outcome changed, as a Mermaid gantt per side. */
  fixture: string;
  timelines: { before: string; after: string };
  /** That fixture's replay on each side: what the timelines draw. */
  replays: { before: FixtureReplay; after: FixtureReplay };
}

export interface ReplayComparison {
  scenarios: number;
  fixtures: number;
  changed: ChangedScenario[];
  /** Page-worthy scenarios whose first page (phase 0) reads differently: what on-call receives on each side. */
  pageWords: Array<{ fixture: string; before?: PageText; after?: PageText }>;
  /** Why page words were not compared (the page-text helper is missing), when they were not. */
  pageWordsSkipped?: string;
  /** True when both sides' rules and routes are the same: nothing was replayed, nothing can change. */
  identical: boolean;
  /** Wall time of the replays. */
  seconds: number;
}

function counts(r: FixtureReplay): { firing: number; resolved: number; muted: number } {
  const watchdogs = new Set(r.alerts.filter((a) => a.category === "watchdog").map((a) => a.uid));
  const sent = r.groups.filter((g) => !g.members.every((m) => watchdogs.has(m.uid))).flatMap((g) => g.notifications);
  return {
    firing: sent.filter((n) => n.kind === "new" || n.kind === "repeat").length,
    resolved: sent.filter((n) => n.kind === "resolved").length,
    muted: sent.filter((n) => n.kind === "muted").length,
  };
}

/** A fixture's outcome as compared: its verdict (name aside) and its notification counts. */
function signature(r: FixtureReplay, v: FixtureVerdict): string {
  const { name: _name, ...rest } = v;
  return JSON.stringify({ ...rest, ...counts(r) });
}

function outcomes(results: FixtureReplay[], verdicts: FixtureVerdict[]): Map<string, ScenarioOutcome> {
  const rows = scenarioRows(results, verdicts);
  return new Map(
    rows.map(({ expected: _expected, ...row }) => {
      const mine = results.filter((r) => scenarioOf(r.fixture.name) === row.scenario).map(counts);
      const sum = (k: "firing" | "resolved" | "muted") => mine.reduce((a, c) => a + c[k], 0);
      return [row.scenario, { ...row, firing: sum("firing"), resolved: sum("resolved"), muted: sum("muted") }];
    }),
  );
}

async function replaySide(
  side: ReplaySide,
  fixtures: Fixture[],
  answers: ObservedAnswers,
): Promise<{ results: FixtureReplay[]; verdicts: FixtureVerdict[] }> {
  const dir = mkdtempSync(join(tmpdir(), "pizza-replay-diff-"));
  try {
    const results = await replayStack({ stack: side.stack, cfg: side.cfg, dir }, fixtures, { answers });
    return { results, verdicts: results.map((r) => verdict(r, side.pager)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first page of each page-worthy scenario's first fixture (its plain name), in words. */
function firstPages(side: ReplaySide, results: FixtureReplay[], engines: PageTextEngines): Map<string, PageText> {
  const worthy = results.filter((r) => r.fixture.incident?.pageWorthy && scenarioOf(r.fixture.name) === r.fixture.name);
  return new Map(pageTexts(worthy, side.stack, side.pager, engines, side.cfg.grafanaUrl).map((p) => [p.fixture, p]));
}

/** Where the first pages of the two sides read differently (title or message). */
function changedPageWords(a: Map<string, PageText>, b: Map<string, PageText>): ReplayComparison["pageWords"] {
  const words = (p: PageText | undefined) => (p ? `${p.title}\n${p.message}` : "");
  return [...new Set([...a.keys(), ...b.keys()])]
    .sort()
    .filter((f) => words(a.get(f)) !== words(b.get(f)))
    .map((fixture) => ({ fixture, before: a.get(fixture), after: b.get(fixture) }));
}

/**
 * Replays `fixtures` against both sides (once when their rules, routes and pager are the same) and
 * compares the outcomes; with the page-text engines (or why they are missing), also the words of
 * each page-worthy scenario's first page.
 */
/** Fixtures built only when the sides differ (building the whole library takes a second or two), with what counting them needs. */
export interface LazyFixtures {
  scenarios: number;
  fixtures: number;
  build(): Fixture[];
}

export async function compareReplays(
  before: ReplaySide,
  after: ReplaySide,
  library: Fixture[] | LazyFixtures,
  pageWords?: { engines: PageTextEngines } | { missing: string },
): Promise<ReplayComparison> {
  const started = Date.now();
  const lazy: LazyFixtures = Array.isArray(library)
    ? { scenarios: new Set(library.map((f) => scenarioOf(f.name))).size, fixtures: library.length, build: () => library }
    : library;
  const scenarios = lazy.scenarios;
  const same = (s: ReplaySide) =>
    JSON.stringify([s.stack, s.pager, s.cfg.datasources, s.cfg.alerting.evaluationIntervalSeconds, s.cfg.grafanaUrl]);
  if (same(before) === same(after)) return { scenarios, fixtures: lazy.fixtures, changed: [], pageWords: [], identical: true, seconds: 0 };
  const fixtures = lazy.build();
  // One change rarely touches every query: the after side asks promtool only what the before side did not.
  const answers: ObservedAnswers = new Map();
  const a = await replaySide(before, fixtures, answers);
  const b = await replaySide(after, fixtures, answers);
  const [oa, ob] = [outcomes(a.results, a.verdicts), outcomes(b.results, b.verdicts)];
  const changed: ChangedScenario[] = [];
  for (const [scenario, x] of oa) {
    const y = ob.get(scenario);
    if (!y) continue;
    const i = a.results.findIndex(
      (r, k) => scenarioOf(r.fixture.name) === scenario && signature(r, a.verdicts[k]) !== signature(b.results[k], b.verdicts[k]),
    );
    if (i < 0 && JSON.stringify(x) === JSON.stringify(y)) continue;
    const k = i < 0 ? a.results.findIndex((r) => scenarioOf(r.fixture.name) === scenario) : i;
    changed.push({
      scenario,
      before: x,
      after: y,
      fixture: a.results[k].fixture.name,
      timelines: {
        before: mermaidTimeline(a.results[k], `before (${before.label})`),
        after: mermaidTimeline(b.results[k], `after (${after.label})`),
      },
      replays: { before: a.results[k], after: b.results[k] },
    });
  }
  const words =
    pageWords === undefined
      ? { pageWords: [] }
      : "engines" in pageWords
        ? { pageWords: changedPageWords(firstPages(before, a.results, pageWords.engines), firstPages(after, b.results, pageWords.engines)) }
        : { pageWords: [], pageWordsSkipped: pageWords.missing };
  return { scenarios, fixtures: fixtures.length, changed, ...words, identical: false, seconds: (Date.now() - started) / 1000 };
}

const cell = (x: string, y: string) => (x === y ? x : `${x} → ${y}`);
const notices = (o: ScenarioOutcome) => `${o.firing} / ${o.resolved} / ${o.muted}`;
const result = (o: ScenarioOutcome) => (o.pass ? "pass" : "FAIL");

/** The comparison as the review diff prints it: one row per changed scenario, its timelines (markdown), and the unchanged count. */
export function formatReplayComparison(c: ReplayComparison, format: TableFormat): string {
  const unchanged = c.scenarios - c.changed.length;
  const what = `${counted(c.scenarios, "scenario")} (${counted(c.fixtures, "fixture")} with phases and seeds)`;
  if (c.identical) {
    const line = `No alert rule or route differs: the outcome of all ${what} is unchanged (not replayed).`;
    return format === "markdown" ? `### Incident replay\n\n${line}\n` : `Incident replay: ${line}\n`;
  }
  const head = `The scenario library replayed against both sides (${Math.round(c.seconds)} s): ${c.changed.length} of ${what} change.`;
  const lines: string[] = format === "markdown" ? ["### Incident replay", "", head, ""] : [`Incident replay: ${head}`];
  if (c.changed.length > 0) {
    lines.push(
      ...renderTable(
        format,
        [
          "scenario",
          "pages per incident",
          "time to notify",
          "episodes (max per alert)",
          "notifications firing / resolved / muted",
          "result",
        ],
        c.changed.map(({ scenario, before: x, after: y }) => [
          scenario,
          cell(String(x.pages), String(y.pages)),
          cell(x.notify, y.notify),
          cell(String(x.episodes), String(y.episodes)),
          cell(notices(x), notices(y)),
          cell(result(x), result(y)),
        ]),
        "  ",
      ),
    );
    if (format === "markdown") {
      for (const ch of c.changed) {
        lines.push("", `#### ${ch.fixture}`, "", "```mermaid", ch.timelines.before, "```", "", "```mermaid", ch.timelines.after, "```");
      }
    }
  }
  lines.push(
    ...(format === "markdown" && c.changed.length > 0 ? [""] : []),
    `${unchanged === 0 ? "No scenarios" : counted(unchanged, "scenario")} unchanged.`,
  );
  lines.push(...pageWordLines(c, format));
  return `${lines.join("\n")}\n`;
}

/** The pages whose words change, before and after, as on-call would receive them. */
function pageWordLines(c: ReplayComparison, format: TableFormat): string[] {
  if (c.pageWordsSkipped !== undefined) return ["", `Page words not compared: ${c.pageWordsSkipped}.`];
  if (c.pageWords.length === 0) return [];
  const shown = (p: PageText | undefined) => (p ? formatPageText(p) : "(no page)");
  const lines = ["", format === "markdown" ? "#### What the page says" : "What the page says:"];
  for (const w of c.pageWords) {
    if (format === "markdown")
      lines.push("", `${w.fixture}, before:`, "```", shown(w.before), "```", "after:", "```", shown(w.after), "```");
    else lines.push(`  before: ${shown(w.before).replaceAll("\n", "\n  ")}`, `  after:  ${shown(w.after).replaceAll("\n", "\n  ")}`);
  }
  return lines;
}
