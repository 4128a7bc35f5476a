import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCase, type Outcome } from "./run";
import { loadAllCases } from "./loki-cases";

/**
 * Every `eval` of Loki's declarative engine tests (grafana/loki@65e30f84
 * pkg/logql/internal/logqltest/testdata/*.logqltest, transcribed case by case in ./cases) runs
 * through the replay evaluator, as a test named `<file>:<line> <query>` after the Loki line it
 * cites. A case passes when the replay gives Loki's expected series (or fails where Loki fails);
 * otherwise the evaluator must refuse it by name, for one of the reasons below. A wrong answer
 * fails the suite.
 */
export const REFUSALS: Array<{ reason: RegExp; why: string; row: string }> = [
  {
    reason: /grammar \(@grafana\/lezer-logql\) does not parse/,
    row: "grammar gaps",
    why: "@grafana/lezer-logql 0.4.2 does not parse hex-float literals, space-separated label filters, ip() before a string in an or chain, offset after unwrap and parenthesised log ranges",
  },
  { reason: /aggregation approx_topk/, why: "approx_topk, approximate by design (a count-min sketch)", row: "`approx_topk`" },
];

const cases = loadAllCases();
const outcomes = new Map<(typeof cases)[number], Outcome>();
const outcomeOf = (c: (typeof cases)[number]) => {
  if (!outcomes.has(c)) outcomes.set(c, runCase(c));
  return outcomes.get(c)!;
};

describe("Loki's own LogQL engine tests on the replay evaluator", () => {
  for (const c of cases) {
    it(`${c.file}:${c.line} ${c.query}`, () => {
      const o = outcomeOf(c);
      if (o.status === "fail") expect.fail(o.detail);
      if (o.status === "refused")
        expect(
          REFUSALS.some((r) => r.reason.test(o.reason)),
          `refused for an unlisted reason: ${o.reason}`,
        ).toBe(true);
    });
  }

  it("docs/replay.md states the figures: cases passed, and refused by each reason", () => {
    const passed = cases.filter((c) => outcomeOf(c).status === "pass").length;
    const refusals = cases.flatMap((c) => {
      const o = outcomeOf(c);
      return o.status === "refused" ? [o.reason] : [];
    });
    const docs = readFileSync(join(__dirname, "../../../docs/replay.md"), "utf8").replace(/\s+/g, " ");
    expect(docs).toContain(`${passed} of ${cases.length} Loki cases pass`);
    expect(docs).toContain(`the other ${refusals.length} are refused by name`);
    for (const r of REFUSALS) expect(docs).toContain(`| ${r.row} | ${refusals.filter((x) => r.reason.test(x)).length} |`);
  });
});
