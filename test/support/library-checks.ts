import { beforeAll, expect, it } from "vitest";
import { verdict, type FixtureVerdict } from "../../src/replay/expectations";
import { SCENARIOS, scenarioOf } from "../../src/replay/fixtures";
import type { FixtureReplay } from "../../src/replay/run";
import { ON_CALL_RECEIVER } from "../../contact-points/receivers";

/**
 * The guarantees the scenario library holds at every phase it is replayed at: `npm test` checks
 * them at each scenario's first phase (test/replay/replay.test.ts), `npm run e2e` at all six
 * (test/e2e/scenario-library.e2e.ts), from one definition here.
 */

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export interface ReplayedLibrary {
  results: FixtureReplay[];
  verdicts: FixtureVerdict[];
}

/** Registers the phase guarantees over the library `load` gives, replayed at `phases`. */
export function phaseGuarantees(load: () => Promise<FixtureReplay[]>, phases: number[]): () => ReplayedLibrary {
  const lib: ReplayedLibrary = { results: [], verdicts: [] };
  const at = phases.length === 1 ? `at phase +${phases[0]}s` : `at each of its ${phases.length} phases`;
  beforeAll(async () => {
    lib.results = await load();
    lib.verdicts = lib.results.map((r) => verdict(r, ON_CALL_RECEIVER));
  }, 600_000);

  it(`meets every scenario's expectations (page, detect, no page, quiet, episodes) ${at}`, () => {
    expect(lib.verdicts.map((x) => [x.name, x.failures])).toEqual(lib.verdicts.map((x) => [x.name, []]));
    // Every scenario of the library, at least once.
    expect(new Set(lib.results.map((r) => scenarioOf(r.fixture.name))).size).toBe(SCENARIOS.length);
  });

  it(`pages on-call for factory 5xx at normal traffic within 60 s median and 90 s worst ${at}`, () => {
    const factory = lib.verdicts.filter((x) => /^factory-5xx(@\+\d+s)?$/.test(x.name));
    expect(factory).toHaveLength(phases.length);
    const times = factory.map((x) => x.pageSeconds!);
    expect(median(times)).toBeLessThanOrEqual(60);
    expect(Math.max(...times)).toBeLessThanOrEqual(90);
  });

  it(`never pages for a 45 s deploy restart, logged or not, ${at}`, () => {
    const restarts = lib.verdicts.filter((x) => x.name.startsWith("deploy-restart"));
    expect(restarts).toHaveLength(2 * phases.length);
    for (const r of restarts) expect(r.pages, r.name).toBe(0);
  });

  it(`one incident, one page: every page-worthy scenario opens one on-call incident ${at}, and restarts none`, () => {
    const pageWorthy = lib.verdicts.filter((x) => lib.results.find((r) => r.fixture.name === x.name)!.fixture.incident?.pageWorthy);
    expect(pageWorthy.length).toBeGreaterThanOrEqual(8);
    expect(pageWorthy.map((x) => [x.name, x.pageIncidents])).toEqual(pageWorthy.map((x) => [x.name, 1]));
    for (const r of lib.verdicts.filter((x) => x.name.startsWith("deploy-restart"))) expect(r.pageIncidents, r.name).toBe(0);
  });
  return () => lib;
}
