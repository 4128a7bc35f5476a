import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/paths";
import { covered, NOT_FIGURES, type PageFigures } from "./figures";
import { alertsPage } from "./pages/alerts";
import { backtestPage } from "./pages/backtest";
import { configurationPage } from "./pages/configuration";
import { contributingPage } from "./pages/contributing";
import { dashboardsPage } from "./pages/dashboards";
import { deployingPage } from "./pages/deploying";
import { enginesPage } from "./pages/engines";
import { performancePage } from "./pages/performance";
import { readmePage } from "./pages/readme";
import { replayPage } from "./pages/replay";
import { reviewingPage } from "./pages/reviewing";
import { routingPage } from "./pages/routing";
import { figuresIn, proseOf } from "./prose";

/**
 * No hand-typed figure in the docs: every number in a page's prose is generated (`npm run docs`;
 * docs/replay-scenarios.md by the replay), stated from its source (test/docs/pages/), or listed in
 * test/docs/not-figures.yaml as no figure of this project, with why; a measurement there states its
 * date, machine and load.
 */

const PAGES: PageFigures[] = [
  readmePage,
  alertsPage,
  backtestPage,
  configurationPage,
  contributingPage,
  dashboardsPage,
  deployingPage,
  enginesPage,
  performancePage,
  replayPage,
  reviewingPage,
  routingPage,
];

/** Pages whose figures are all generated: the replay writes docs/replay-scenarios.md whole, and a test fails when it is stale. */
const GENERATED_PAGES = ["docs/replay-scenarios.md"];

describe("the docs' figures", () => {
  it("covers README.md and every page of docs/", () => {
    const pages = [
      "README.md",
      ...readdirSync(join(REPO_ROOT, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`),
    ];
    expect([...PAGES.map((p) => p.page), ...GENERATED_PAGES].sort()).toEqual(pages.sort());
  });

  it("lists no figures of a page it does not hold, each entry a text or a pattern with why", () => {
    expect(Object.keys(NOT_FIGURES).filter((p) => !PAGES.some((x) => x.page === p))).toEqual([]);
    for (const n of Object.values(NOT_FIGURES).flat()) {
      expect((n.text === undefined) !== (n.pattern === undefined) && typeof n.why === "string" && n.why !== "", JSON.stringify(n)).toBe(
        true,
      );
    }
  });

  describe.each(PAGES)("$page", ({ page, stated }) => {
    const prose = proseOf(page);
    const notFigures = NOT_FIGURES[page] ?? [];

    it.each(stated)("says “$text” ($from)", ({ text, holds }) => {
      // Not toContain: its failure would print the whole page.
      expect(prose.text.includes(text), `${page} should say “${text}”, from its source`).toBe(true);
      holds?.();
    });

    it("says every phrase test/docs/not-figures.yaml lists for it", () => {
      const missing = notFigures.filter((n) => {
        const c = covered(n);
        return typeof c === "string" ? !prose.text.includes(c) : !c.test(prose.text);
      });
      expect(missing.map((n) => n.text ?? n.pattern)).toEqual([]);
    });

    it("states the date, machine and load of each measurement it records", () => {
      const records = notFigures.filter((n) => n.record).flatMap((n) => prose.text.match(new RegExp(covered(n), "g")) ?? []);
      for (const r of records)
        expect([r.slice(0, 60), /\d{4}-\d{2}-\d{2}/.test(r), /2-core/.test(r), /load/.test(r)]).toEqual([r.slice(0, 60), true, true, true]);
    });

    it("has no other figure: each is generated, stated from its source, or no figure with a reason", () => {
      const left = figuresIn(prose.text, [...stated.map((s) => s.text), ...notFigures.map(covered)]).map(({ at, figure }) => {
        const context = prose.text.slice(Math.max(0, at - 50), at + figure.length + 30).replace(/\n/g, " ");
        return `${page}:${prose.lineOf(at)}: ${figure} in “…${context}…”`;
      });
      expect(left, "generate it (npm run docs), state it from its source in test/docs/pages/, or name the config key instead").toEqual([]);
    });
  });
});
