import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { SCENARIO_TABLE_FILE, scenarioTableDoc } from "../../src/cli/replay";
import { DEFAULT_PHASES } from "../../src/replay/fixtures";
import { formatScenarioTable, scenarioRows } from "../../src/replay/report";
import type { FixtureReplay } from "../../src/replay/run";
import { phaseGuarantees } from "../support/library-checks";
import { libraryIsWhole, scenarioReplay } from "../support/scenario-replay";

/**
 * The scenario library at every phase and seed (`npm test` replays each scenario once): the phase
 * guarantees, the seeds' one ticket each, and docs/replay-scenarios.md, whose medians and worst
 * cases are over every phase, as this replay writes it. About 50 s of promtool on 2 cores, shared
 * with the other e2e files that replay the library (exported-rules, backtest-agreement).
 */

describe("the scenario library at every phase and seed", () => {
  it("is replayed whole here (PIZZA_LIBRARY=all in vitest.e2e.config.mts)", () => {
    expect(libraryIsWhole()).toBe(true);
  });

  const library = phaseGuarantees(async () => (await scenarioReplay()).results, DEFAULT_PHASES);

  it("writes the docs' scenario table exactly as this replay produces it (`npm run replay -- --write-docs` regenerates it)", () => {
    const { results, verdicts } = library();
    expect(readFileSync(SCENARIO_TABLE_FILE, "utf8")).toBe(
      scenarioTableDoc(formatScenarioTable(scenarioRows(results, verdicts), "markdown")),
    );
  });

  it.each([
    { scenario: "partial-metric-send-failures", seeds: [31, 37, 41, 43, 47] },
    { scenario: "steady-metric-send-failures", seeds: [59, 61, 67, 71, 73, 79] },
  ])(
    "$scenario: one ticket episode and one firing ticket notification in each seed, the seeds differing only in which pushes fail",
    ({ scenario, seeds }) => {
      const { results, verdicts } = library();
      const v = (name: string) => verdicts[results.findIndex((r) => r.fixture.name === name)];
      const runs = results.filter((r) => r.fixture.name.replace(/\.seed\d+$/, "") === scenario);
      expect(runs.map((r) => r.fixture.name)).toEqual([scenario, ...seeds.slice(1).map((s) => `${scenario}.seed${s}`)]);
      // Same traffic: identical HTTP logs in every seed; only the metric pushes differ.
      const http = (r: FixtureReplay) => JSON.stringify(r.fixture.logs.filter((l) => l.labels.type === "http"));
      expect(new Set(runs.map(http)).size).toBe(1);
      expect(new Set(runs.map((r) => JSON.stringify(r.fixture.series))).size).toBe(seeds.length);
      for (const r of runs) {
        const ticket = r.alerts.find((a) => a.uid === "pizza-metric-ingestion-failure")!;
        expect(ticket.episodes, r.fixture.name).toHaveLength(1);
        const firing = ticket.notified.flatMap((n) => n.notifications).filter((n) => n.kind === "new");
        expect(firing, r.fixture.name).toHaveLength(1);
        expect(v(r.fixture.name).alerts.find((a) => a.alert === "pizza-metric-ingestion-failure")?.episodes, r.fixture.name).toBe(1);
        expect(v(r.fixture.name).failures, r.fixture.name).toEqual([]);
      }
    },
  );
});
