import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { crossCheckExported } from "../../src/replay/expectations";
import { promtool } from "../../src/emit/promtool";
import { scenarioReplay } from "../support/scenario-replay";

/**
 * The replay's state machine cross-checked by promtool on the exported rules (their own `for`) over
 * the whole scenario library, every phase and seed, as `npm run replay -- --cross-check` does: three promtool runs per fixture, so
 * here rather than in `npm test` (which checks the cross-check names a disagreement: test/replay/replay.test.ts).
 */

const dir = mkdtempSync(join(tmpdir(), "pizza-cross-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the exported PromQL rules, run by promtool over every fixture", () => {
  it("first fire and stay silent where the replay says, at every phase and seed; every kept file passes `promtool test rules`", async () => {
    const { results } = await scenarioReplay();
    expect(results.length).toBeGreaterThanOrEqual(40);
    const checks = await crossCheckExported(results, dir);
    expect(checks.length).toBe(3 * results.length);
    expect(checks.filter((c) => c.problems.length > 0)).toEqual([]);
    // The files as kept: one per evaluation interval of the seed incident, run as a user would.
    for (const c of checks.filter((x) => x.fixture === "factory-5xx")) expect(promtool(["test", "rules", c.file]).status, c.file).toBe(0);
  }, 600_000);
});
