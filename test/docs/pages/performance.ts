import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { REPO_ROOT } from "../../../src/config/paths";
import { keptFixtures } from "../../support/fixtures";
import type { PageFigures } from "../figures";
import { proseOf } from "../prose";
import { cfg } from "../sources";

/** A measurement record: from its `### YYYY-MM-DD...` heading to the next heading. */
const RECORD = /### \d{4}-\d{2}-\d{2}[^#]*/g;
const maxWorkers = /maxWorkers: (\d+)/.exec(readFileSync(join(REPO_ROOT, "vitest.config.mts"), "utf8"))?.[1];

export const performancePage: PageFigures = {
  page: "docs/performance.md",
  stated: [
    { text: `Two workers (\`maxWorkers: ${maxWorkers}\`)`, from: "vitest.config.mts", holds: () => expect(maxWorkers).toBe("2") },
    {
      text: `The scenario library (${keptFixtures(cfg).length} fixtures: every scenario, phase and seed)`,
      from: "the scenario library, built",
    },
  ],
  notFigures: [
    { text: RECORD, why: "a measurement record, which states its date, machine and load (checked below)" },
    { text: "a shared 2-core machine", why: "the development machine, named" },
    { text: "for the integrator of issue 27", why: "the placeholder for the figures measured at that integration" },
    { text: "`npm run benchmark -- --only test,replay --runs 3`", why: "a command" },
  ],
  checks: [
    {
      name: "every measurement record states its machine and load under its dated heading",
      holds: () => {
        const records = proseOf("docs/performance.md").text.match(RECORD) ?? [];
        expect(records.length).toBeGreaterThan(0);
        for (const r of records) expect([r.slice(0, 40), /2-core/.test(r), /load/.test(r)]).toEqual([r.slice(0, 40), true, true]);
      },
    },
  ],
};
