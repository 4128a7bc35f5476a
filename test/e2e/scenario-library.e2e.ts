import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { SCENARIO_TABLE_FILE, scenarioTableDoc } from "../../src/cli/replay";
import { DEFAULT_PHASES } from "../../src/replay/fixtures";
import { formatScenarioTable, scenarioRows } from "../../src/replay/report";
import { phaseGuarantees } from "../support/library-checks";
import { libraryPhases, scenarioReplay } from "../support/scenario-replay";

/**
 * The scenario library at every phase (`npm test` replays each scenario's first phase): the phase
 * guarantees, and docs/replay-scenarios.md, whose medians and worst cases are over every phase, as
 * this replay writes it. About 50 s of promtool on 2 cores, shared with the other e2e files that
 * replay the library (exported-rules, backtest-agreement).
 */

describe("the scenario library at every phase", () => {
  it("is replayed at every phase here (PIZZA_LIBRARY_PHASES=all in vitest.e2e.config.mts)", () => {
    expect(libraryPhases()).toBeUndefined();
  });

  const library = phaseGuarantees(async () => (await scenarioReplay()).results, DEFAULT_PHASES);

  it("writes the docs' scenario table exactly as this replay produces it (`npm run replay -- --write-docs` regenerates it)", () => {
    const { results, verdicts } = library();
    expect(readFileSync(SCENARIO_TABLE_FILE, "utf8")).toBe(
      scenarioTableDoc(formatScenarioTable(scenarioRows(results, verdicts), "markdown")),
    );
  });
});
