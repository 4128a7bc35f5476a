import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { REPO_ROOT } from "../../../src/config/paths";
import { DEFAULT_PHASES } from "../../../src/replay/fixtures";
import { keptFixtures } from "../../support/fixtures";
import { libraryPhases } from "../../support/scenario-replay";
import type { PageFigures } from "../figures";
import { cfg } from "../sources";

const maxWorkers = /maxWorkers: (\d+)/.exec(readFileSync(join(REPO_ROOT, "vitest.config.mts"), "utf8"))?.[1];

export const performancePage: PageFigures = {
  page: "docs/performance.md",
  stated: [
    { text: `Two workers (\`maxWorkers: ${maxWorkers}\`)`, from: "vitest.config.mts", holds: () => expect(maxWorkers).toBe("2") },
    {
      text: `The scenario library (${keptFixtures(cfg, [DEFAULT_PHASES[0]]).length} fixtures: each scenario at its first phase, every seed; all ${keptFixtures(cfg).length}, every phase, in \`npm run e2e\`)`,
      from: "the scenario library, built (test/support/scenario-replay.ts libraryPhases)",
      holds: () => expect(libraryPhases()).toEqual([DEFAULT_PHASES[0]]),
    },
  ],
};
