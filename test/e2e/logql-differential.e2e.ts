import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { engines, LOKI_VERSION } from "../../src/cli/engines/pins";
import { versionAnswer } from "../../src/cli/engines/locate";
import { startLoki, type Loki } from "../../src/cli/local-stack/loki";
import {
  LOKI_RECORDING_FILE,
  logsHash,
  recordingBytes,
  storeAnswer,
  type LokiAnswer,
  type RecordedSection,
  type SectionName,
} from "../../src/replay/loki-recording";
import { mapLimit, shifted, verdict, type DifferentialCase, type Verdict } from "../support/loki-differential";
import { lokiSections, versionDifferences } from "../support/loki-sections";
import { engineCheck } from "./support/engine-check";

/**
 * The replay's LogQL evaluator against the real Loki, on the same pushed lines, instant by
 * instant: Loki's own engine-test cases, every LogQL query the stack renders over the scenario
 * library's logs, and generated pipelines over hostile lines. Each case runs in its own tenant
 * (a group's cases share one). With `npm run e2e -- --record` (PIZZA_E2E_RECORD=1) every answer
 * Loki gave is written to recorded/loki-answers.json.gz, which `npm test` checks the replay against
 * on every machine (test/replay/loki-recording.test.ts).
 */

const ROOT = resolve(__dirname, "../..");
const RECORD = process.env.PIZZA_E2E_RECORD === "1";
const check = engineCheck(__filename);
let loki: Loki;
const recorded: RecordedSection[] = [];

function baseFor(cases: DifferentialCase[]): number {
  let latest = 0;
  for (const c of cases) for (const t of [...c.times, ...c.lines.map((l) => l.ts)]) latest = Math.max(latest, t);
  // Whole seconds, ten minutes before now at the latest: Loki keeps recent lines in its ingester.
  return Math.floor((Date.now() - latest - 10 * 60_000) / 1000) * 1000;
}

/** Pushes each group's (or case's) lines into its tenant, asks Loki every instant, and keeps its answers. */
async function run(name: SectionName, cases: DifferentialCase[]): Promise<Array<{ c: DifferentialCase; v: Verdict }>> {
  const base = baseFor(cases);
  const moved = cases.map((c) => shifted(c, base));
  const tenant = (c: DifferentialCase, i: number) => `${name}-${c.group ?? i}`;
  const groups = new Map<string, DifferentialCase>();
  moved.forEach((c, i) => {
    if (!groups.has(tenant(c, i))) groups.set(tenant(c, i), c);
  });
  await mapLimit([...groups], 2, ([t, c]) => loki.push(t, c.lines));
  const answers: LokiAnswer[][] = await mapLimit(moved, 4, (c, i) =>
    Promise.all(c.times.map((t) => loki.instant(tenant(c, i), c.query, t))),
  );
  const results = moved.map((c, i) => ({ c: cases[i], v: verdict(c, answers[i]) }));
  const logs: Record<string, string> = {};
  for (const c of cases) logs[c.group ?? c.name] ??= logsHash(c.lines);
  recorded.push({
    name,
    baseMs: base,
    logs,
    cases: cases.map((c, i) => ({
      name: c.name,
      logs: c.group ?? c.name,
      query: c.query,
      times: c.times,
      answers: answers[i].map(storeAnswer),
    })),
  });
  const count = (s: Verdict["status"]) => results.filter((r) => r.v.status === s).length;
  const instants = results.filter((r) => r.v.status !== "refused").reduce((n, r) => n + r.c.times.length, 0);
  console.log(
    `${name}: ${cases.length} queries, ${instants} instants compared: ${count("agree")} agree, ${count("refused")} refused by name, ${count("disagree")} disagree`,
  );
  return results;
}

const disagreements = (results: Array<{ c: DifferentialCase; v: Verdict }>) =>
  results.filter((r) => r.v.status === "disagree").map((r) => `${r.c.name}: ${r.c.query}: ${(r.v as { detail: string }).detail}`);

beforeAll(async () => {
  if (!check.skip) loki = await startLoki(check.binaries.loki);
}, 120_000);

afterAll(async () => {
  await loki?.stop();
  if (!RECORD || check.skip) return;
  if (recorded.length !== 3) throw new Error(`--record: only ${recorded.length} of 3 sections ran; the recording is unchanged`);
  const revision = /revision: ([0-9a-f]{7,40})/.exec(
    versionAnswer(
      check.binaries.loki,
      engines(ROOT).find((e) => e.name === "loki")!,
    ),
  );
  mkdirSync(dirname(LOKI_RECORDING_FILE), { recursive: true });
  const bytes = recordingBytes({
    engine: "loki",
    version: LOKI_VERSION,
    commit: revision?.[1] ?? "unknown",
    recordedAt: new Date().toISOString(),
    built: `cmd/loki of grafana/loki at tag ${LOKI_VERSION}, built by hand (go build -mod=vendor -tags netgo; docs/engines.md)`,
    sections: recorded,
  });
  writeFileSync(LOKI_RECORDING_FILE, bytes);
  console.log(`recorded Loki's answers: ${LOKI_RECORDING_FILE} (${(bytes.length / 1024).toFixed(0)} KiB)`);
});

describe.skipIf(check.skip)("LogQL: the replay's evaluator and the real Loki agree", () => {
  const sections = lokiSections();

  it("on Loki's own engine-test cases, except where Loki 3.7.6 differs from its own later test file", async () => {
    const cases = sections["loki-cases"]();
    const results = await run("loki-cases", cases);
    expect(results.filter((r) => r.v.status === "agree").length).toBeGreaterThan(cases.length / 2);
    // Where the pinned release answers otherwise and the replay answers what Loki's main-branch test
    // file expects, the difference is Loki's, between versions, not the replay's.
    const versionDiffs = versionDifferences(results);
    console.log(
      `loki-cases: ${versionDiffs.length} cases where Loki 3.7.6 differs from its main-branch test file and the replay follows the test file`,
    );
    expect(disagreements(results.filter((r) => !versionDiffs.includes(r)))).toEqual([]);
  }, 900_000);

  it("on every LogQL query the stack renders, over the scenario library's logs", async () => {
    const results = await run("stack", sections.stack());
    expect(results.filter((r) => r.v.status === "agree").length).toBeGreaterThan(0);
    expect(disagreements(results)).toEqual([]);
  }, 900_000);

  it("on generated pipelines over hostile lines", async () => {
    const cases = sections.generated();
    const results = await run("generated", cases);
    expect(results.filter((r) => r.v.status === "agree").length).toBeGreaterThan(cases.length / 2);
    expect(disagreements(results)).toEqual([]);
  }, 900_000);
});
