import { execFileSync } from "node:child_process";
import { expect } from "vitest";
import { PROMTOOL } from "../../../src/emit/promtool";
import { RESOLVED_RETENTION_SECONDS } from "../../../src/replay/alert-state";
import { DEFAULT_PHASES, FACTORY_THROTTLE_MS, RESTART_SECONDS, SCENARIOS, type Fixture } from "../../../src/replay/fixtures";
import { MAX_INCIDENT_DAYS, MAX_INCIDENT_FILE_BYTES, MAX_SAMPLE_STEPS } from "../../../src/replay/fixtures/file";
import { probeOffsetSeconds, STEP_SECONDS } from "../../../src/replay/fixtures/traffic";
import { RECORDING_VISIBILITY_LAG_SECONDS } from "../../../src/replay/grafana-eval";
import { WARM_UP_SECONDS } from "../../../src/replay/run";
import { keptFixtures } from "../../support/fixtures";
import type { PageFigures } from "../figures";
import { cfg, inTitle, scenario } from "../sources";

const sm = cfg.syntheticMonitoring;
const offsets = sm.probes
  .map((name, i) => `${name} at :${String(probeOffsetSeconds(i, sm.probes.length, sm.frequencySeconds)).padStart(2, "0")}`)
  .join(", ");
const phases = DEFAULT_PHASES;
const partial = scenario("partial-metric-send-failures");
const steady = scenario("steady-metric-send-failures");

/** `POST /api/order` lines per minute of a scenario's fixture, over its whole length. */
function ordersPerMinute(name: string): number {
  const f = keptFixtures(cfg).find((x: Fixture) => x.name === name)!;
  const orders = f.logs.filter((l) => l.line.includes('"path":"/api/order"') && l.line.includes('"method":"POST"')).length;
  return orders / (f.durationSeconds / 60);
}

export const replayPage: PageFigures = {
  page: "docs/replay.md",
  stated: [
    { text: `its ${STEP_SECONDS} s metric pushes`, from: "STEP_SECONDS (the simulator)" },
    { text: `(the example's ${offsets} of each minute)`, from: "probeOffsetSeconds; syntheticMonitoring.probes and frequencySeconds" },
    {
      text: "`normal` (~5 orders a minute plus menu, auth, franchise reads), `low` (one order every 2 minutes), `busy` (3x normal)",
      from: "the fixtures: orders per minute of normal-hour, factory-5xx-low-traffic (before its incident) and busy-day-rare-500s",
      holds: () => {
        const normal = ordersPerMinute("normal-hour");
        expect(Math.round(normal)).toBe(5);
        expect(Math.round(ordersPerMinute("busy-day-rare-500s") / normal)).toBe(3);
        expect(inTitle("factory-5xx-low-traffic", /one order every (\d+) minutes/)).toBe("2");
        expect(ordersPerMinute("factory-5xx-low-traffic")).toBeCloseTo(1 / 2, 1);
      },
    },
    { text: `(the factory's ${FACTORY_THROTTLE_MS / 1000} s throttle)`, from: "FACTORY_THROTTLE_MS" },
    { text: `(deploy restart: ${RESTART_SECONDS} s; crash: until the end)`, from: "RESTART_SECONDS" },
    {
      text: `are replayed at six phases, the incident starting ${phases[0]}, ${phases[1]}, ... ${phases.at(-1)} s later (\`name@+${phases[1]}s\`)`,
      from: "DEFAULT_PHASES",
      holds: () => expect(phases).toHaveLength(6),
    },
    {
      text: `\`partial-metric-send-failures\` (${inTitle(partial.name, /(\d+)% of pushes fail/)}% of pushes failing for ${partial.incident!.durationSeconds / 60} minutes) at five seeds of which pushes fail and \`steady-metric-send-failures\` (${inTitle(steady.name, /(\d+)% of pushes fail/)}% for ${steady.incident!.durationSeconds / 60} minutes) at six`,
      from: "the two scenarios' titles, incidents and variant seeds",
      holds: () => expect([partial.variantSeeds?.length, steady.variantSeeds?.length]).toEqual([5, 6]),
    },
    { text: `queryable ${RECORDING_VISIBILITY_LAG_SECONDS} s after the recording evaluation`, from: "RECORDING_VISIBILITY_LAG_SECONDS" },
    { text: `a resolved alert for ${RESOLVED_RETENTION_SECONDS / 60} minutes (\`ResolvedRetention\`)`, from: "RESOLVED_RETENTION_SECONDS" },
    { text: `evaluated from ${WARM_UP_SECONDS / 60} minutes into a fixture`, from: "WARM_UP_SECONDS" },
    {
      text: "at most N page groups open, 1 for every page-worthy built-in scenario",
      from: "the scenario library's expectations",
      holds: () => {
        const pageWorthy = SCENARIOS.filter((s) => s.incident?.pageWorthy);
        expect(pageWorthy.map((s) => [s.name, s.expect.maxPages])).toEqual(pageWorthy.map((s) => [s.name, 1]));
      },
    },
    {
      text: `\`durationSeconds\` over ${MAX_INCIDENT_DAYS} days or more than ${MAX_SAMPLE_STEPS.toLocaleString("en-US")} samples per series, a file over ${MAX_INCIDENT_FILE_BYTES / 1024 / 1024} MiB`,
      from: "MAX_INCIDENT_DAYS, MAX_SAMPLE_STEPS, MAX_INCIDENT_FILE_BYTES",
    },
    {
      text: "PromQL evaluation is promtool 2.42's",
      from: "the promtool the replay runs (src/emit/promtool.ts)",
      holds: () => expect(execFileSync(PROMTOOL, ["--version"], { encoding: "utf8" })).toMatch(/^promtool, version 2\.42\./),
    },
  ],
};
