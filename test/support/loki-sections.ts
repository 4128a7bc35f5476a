import type { SectionName } from "../../src/replay/loki-recording";
import { loadAllCases, type EvalCase } from "../replay/loki-conformance/loki-cases";
import { runCase } from "../replay/loki-conformance/run";
import { generatedCases } from "./generated-logql";
import type { DifferentialCase, Verdict } from "./loki-differential";
import { stackQueryCases } from "./stack-logql";

/**
 * The three sets of LogQL cases asked of Loki (live in `npm run e2e`, recorded in
 * recorded/loki-answers.json.gz and checked by `npm test`), built the same way on both sides: times
 * count from 0, lines as the case gives them.
 */

/** The generated section's seed and size: the recording holds answers for exactly these cases. */
const GENERATED = { seed: 20261204, count: 300 };

const caseName = (c: EvalCase) => `${c.file}:${c.line}`;

export function lokiSections(): Record<SectionName, () => DifferentialCase[]> {
  return {
    "loki-cases": () => loadAllCases().map((c) => ({ name: caseName(c), query: c.query, lines: c.logs, times: c.times })),
    stack: stackQueryCases,
    generated: () => generatedCases(GENERATED.seed, GENERATED.count),
  };
}

/**
 * The Loki cases where Loki 3.7.6 answers otherwise than its own main-branch test file (65e30f84,
 * which the cases come from and Grafana Cloud runs) and the replay answers what that file expects:
 * the difference is between Loki's versions, not the replay's.
 */
export function versionDifferences<R extends { c: DifferentialCase; v: Verdict }>(results: R[]): R[] {
  const byName = new Map(loadAllCases().map((c) => [caseName(c), c]));
  return results.filter((r) => {
    const c = byName.get(r.c.name);
    return r.v.status === "disagree" && c !== undefined && runCase(c).status === "pass";
  });
}
