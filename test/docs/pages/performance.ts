import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { REPO_ROOT } from "../../../src/config/paths";
import { keptFixtures } from "../../support/fixtures";
import { libraryFixtures, libraryIsWhole } from "../../support/scenario-replay";
import type { PageFigures } from "../figures";
import { cfg } from "../sources";

const maxWorkers = /maxWorkers: (\d+)/.exec(readFileSync(join(REPO_ROOT, "vitest.config.mts"), "utf8"))?.[1];

export const performancePage: PageFigures = {
  page: "docs/performance.md",
  stated: [
    { text: `Two workers (\`maxWorkers: ${maxWorkers}\`)`, from: "vitest.config.mts", holds: () => expect(maxWorkers).toBe("2") },
    {
      text: `The scenario library (${libraryFixtures(cfg).length} fixtures: each scenario once, at its first phase and seed; all ${keptFixtures(cfg).length}, every phase and seed, in \`npm run e2e\`)`,
      from: "the scenario library, built (test/support/scenario-replay.ts libraryFixtures)",
      holds: () => expect(libraryIsWhole()).toBe(false),
    },
  ],
};
