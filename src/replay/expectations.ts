import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AlertCheck, TestFileInput } from "./promtool";
import { testFile } from "./promtool";
import type { FixtureReplay } from "./run";

/** How fast each incident must be detected, in seconds of incident time (issue 6). */
export const DETECTION_DEADLINE_SECONDS: Record<string, number> = {
  "factory-5xx": 90,
  "telemetry-outage": 180,
};

/**
 * promtool tests pinning what the replay saw for the PromQL alerts of one promtool input: an alert
 * that never fires is checked silent at every evaluation; one that fires is checked silent at the
 * evaluation before it first fires and firing (labels and annotations as promtool reported them)
 * when it first fires; and a page must be silent at every evaluation where no page is wanted.
 */
export function expectationChecks(r: FixtureReplay, input: TestFileInput): AlertCheck[] {
  const interval = input.evaluationIntervalSeconds;
  const times: number[] = [];
  for (let t = interval; t <= r.fixture.durationSeconds; t += interval) times.push(t);
  const incident = r.fixture.incident;
  const pageWanted = (t: number) => incident?.pageWorthy === true && t >= incident.startSeconds;
  const checks: AlertCheck[] = [];
  for (const a of r.alerts.filter((x) => x.evaluatedBy === "promtool" && input.alertnames.includes(x.uid))) {
    const first = a.firingSeconds[0];
    const silentAt = new Set<number>(first === undefined ? times : times.filter((t) => t === first - interval));
    if (a.severity === "page") for (const t of times.filter((x) => !pageWanted(x) && !a.firingSeconds.includes(x))) silentAt.add(t);
    for (const t of [...silentAt].sort((x, y) => x - y)) checks.push({ evalSeconds: t, alertname: a.uid, expAlerts: [] });
    if (first !== undefined) {
      const got = r.observations.find((m) => m.alertname === a.uid && m.evalSeconds === first)?.got ?? [];
      checks.push({
        evalSeconds: first,
        alertname: a.uid,
        expAlerts: got.map((g) => ({ labels: Object.fromEntries(Object.entries(g.labels).filter(([k]) => k !== "alertname")), annotations: g.annotations })),
      });
    }
  }
  return checks;
}

/** Writes the `promtool test rules` files of every fixture (one per evaluation interval) into `dir`. */
export function writeExpectationTests(results: FixtureReplay[], dir: string): string[] {
  return results.flatMap((r) =>
    r.promtoolInputs.map((input) => {
      const file = join(dir, `${r.fixture.name}-${input.evaluationIntervalSeconds}s.test.yml`);
      writeFileSync(file, testFile(input, expectationChecks(r, input)));
      return file;
    }),
  );
}
