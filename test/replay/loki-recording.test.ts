import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LOKI_VERSION } from "../../src/cli/engines/pins";
import { REPO_ROOT } from "../../src/config/paths";
import { storedByLoki, LogQLUnsupported, type LogEntry } from "../../src/replay/logql";
import { answerOf, logsHash, readLokiRecording, type RecordedSection, type SectionName } from "../../src/replay/loki-recording";
import { shifted, verdict, type DifferentialCase, type Verdict } from "../support/loki-differential";
import { lokiSections, versionDifferences } from "../support/loki-sections";

/**
 * The replay's LogQL evaluator against what the real Loki answered (recorded/loki-answers.json.gz,
 * written by `npm run e2e -- --record` where the hand-built Loki runs): the same lines, shifted as
 * they were pushed, the same instants, on every machine. A recorded case whose logs or query changed
 * since is not checked by its answers, and is counted as such.
 */

const recording = readLokiRecording();
const sections = lokiSections();

interface SectionResult {
  results: Array<{ c: DifferentialCase; v: Verdict }>;
  /** Recorded cases whose logs changed since the recording (or that no longer exist). */
  stale: string[];
  instants: number;
}

function check(section: RecordedSection): SectionResult {
  // By the lines they run over and the query: a stack case's name says where the query lives, which may move.
  const key = (logs: string, query: string) => `${logs}\u0000${query}`;
  const current = new Map(sections[section.name]().map((c) => [key(c.group ?? c.name, c.query), c]));
  const storedByGroup = new Map<string, LogEntry[] | "refused">();
  const hashes = new Map<string, string>();
  const hashOf = (logs: string, c: DifferentialCase) => hashes.get(logs) ?? hashes.set(logs, logsHash(c.lines)).get(logs)!;
  const results: SectionResult["results"] = [];
  const stale: string[] = [];
  let instants = 0;
  for (const rc of section.cases) {
    const c = current.get(key(rc.logs, rc.query));
    if (!c || hashOf(rc.logs, c) !== section.logs[rc.logs]) {
      stale.push(rc.name);
      continue;
    }
    const moved = shifted({ ...c, times: rc.times }, section.baseMs);
    let stored: LogEntry[] | "refused" | undefined = c.group === undefined ? undefined : storedByGroup.get(c.group);
    if (stored === undefined && c.group !== undefined) {
      try {
        stored = storedByLoki(moved.lines);
      } catch (e) {
        if (!(e instanceof LogQLUnsupported)) throw e;
        stored = "refused";
      }
      storedByGroup.set(c.group, stored);
    }
    const v = stored === "refused" ? { status: "refused" as const, reason: "ingestion" } : verdict(moved, rc.answers.map(answerOf), stored);
    if (v.status !== "refused") instants += rc.times.length;
    results.push({ c, v });
  }
  return { results, stale, instants };
}

const disagreements = (results: SectionResult["results"]) =>
  results.filter((r) => r.v.status === "disagree").map((r) => `${r.c.name}: ${r.c.query}: ${(r.v as { detail: string }).detail}`);

/** The row docs/engines.md gives a section: queries, instants compared, agree, refused by name, disagree. */
function docsRow(name: SectionName, r: SectionResult, versionDiffs = 0): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const count = (s: Verdict["status"]) => r.results.filter((x) => x.v.status === s).length;
  return `| ${name} | ${n(r.results.length)} | ${n(r.instants)} | ${n(count("agree"))} | ${n(count("refused"))} | ${n(count("disagree") - versionDiffs)}${versionDiffs ? ` (and ${n(versionDiffs)} where Loki ${LOKI_VERSION.slice(1)} differs from its own later test file)` : ""} |`;
}

const ENGINES_DOC = readFileSync(join(REPO_ROOT, "docs", "engines.md"), "utf8");

describe("the replay's LogQL against Loki's recorded answers", () => {
  it("holds answers from the pinned Loki, each section's cases and logs named", () => {
    expect(recording, "recorded/loki-answers.json.gz is missing: npm run e2e -- --record where Loki runs").toBeDefined();
    expect(recording!.engine).toBe("loki");
    expect(recording!.version).toBe(LOKI_VERSION);
    expect(recording!.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(recording!.sections.map((s) => s.name).sort()).toEqual(["generated", "loki-cases", "stack"]);
    for (const s of recording!.sections) for (const c of s.cases) expect(c.answers.length, c.name).toBe(c.times.length);
  });

  for (const name of ["loki-cases", "generated"] as const) {
    it(`agrees on every ${name} case Loki answered (their lines never change)`, () => {
      const r = check(recording!.sections.find((s) => s.name === name)!);
      expect(r.stale).toEqual([]);
      expect(r.results.filter((x) => x.v.status === "agree").length).toBeGreaterThan(r.results.length / 2);
      // Where Loki 3.7.6 answers otherwise than its own main-branch test file and the replay follows that file.
      const versionDiffs = name === "loki-cases" ? versionDifferences(r.results) : [];
      expect(disagreements(r.results.filter((x) => !versionDiffs.includes(x)))).toEqual([]);
      expect(ENGINES_DOC, "docs/engines.md states this section's figures").toContain(docsRow(name, r, versionDiffs.length));
    });
  }

  it("agrees on every stack query over every scenario whose logs are as recorded", () => {
    const r = check(recording!.sections.find((s) => s.name === "stack")!);
    if (r.stale.length)
      console.warn(
        `not yet checked against Loki: ${r.stale.length} recorded stack cases whose scenario logs or query changed since the recording (npm run e2e -- --record where Loki runs)`,
      );
    expect(r.results.length + r.stale.length).toBeGreaterThan(0);
    expect(disagreements(r.results)).toEqual([]);
    if (r.stale.length === 0) expect(ENGINES_DOC, "docs/engines.md states this section's figures").toContain(docsRow("stack", r));
  });
});
