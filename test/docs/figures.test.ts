import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/config/paths";
import type { PageFigures } from "./figures";
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
 * docs/replay-scenarios.md by the replay), stated from its source (test/docs/pages/), or listed
 * there as no figure of this project, with why.
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

  describe.each(PAGES)("$page", ({ page, stated, notFigures, checks = [] }) => {
    const prose = proseOf(page);

    it.each(stated)("says “$text” ($from)", ({ text, holds }) => {
      // Not toContain: its failure would print the whole page.
      expect(prose.text.includes(text), `${page} should say “${text}”, from its source`).toBe(true);
      holds?.();
    });

    it.runIf(checks.length > 0).each(checks)("$name", ({ holds }) => holds());

    it("holds every phrase it lists as no figure", () => {
      const missing = notFigures.filter((n) => (typeof n.text === "string" ? !prose.text.includes(n.text) : !n.text.test(prose.text)));
      expect(missing.map((n) => String(n.text))).toEqual([]);
    });

    it("has no other figure: each is generated, stated from its source, or no figure with a reason", () => {
      const left = figuresIn(prose.text, [...stated.map((s) => s.text), ...notFigures.map((n) => n.text)]).map(({ at, figure }) => {
        const context = prose.text.slice(Math.max(0, at - 50), at + figure.length + 30).replace(/\n/g, " ");
        return `${page}:${prose.lineOf(at)}: ${figure} in “…${context}…”`;
      });
      expect(left, "generate it (npm run docs), state it from its source in test/docs/pages/, or name the config key instead").toEqual([]);
    });
  });
});
