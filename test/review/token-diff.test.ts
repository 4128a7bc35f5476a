import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reviewSnapshot } from "../../src/cli/diff";
import { REPO_ROOT } from "../../src/config/paths";
import { parseConfig } from "../../src/config/schema";
import { renderArtifacts } from "../../src/emit/files/artifacts";
import { behaviourDiff } from "../../src/review/behaviour-diff";
import { formatMarkdown, formatText, type FieldChange } from "../../src/review/changes";
import { tokenDiff, tokens } from "../../src/review/token-diff";
import { exampleConfig, setConfig } from "../support/stack";

const cases: Array<[string, string, string, Array<[string, string]>]> = [
  ["a raised threshold is one number", "sum(x) >= 2 and y", "sum(x) >= 6 and y", [["2", "6"]]],
  ["a longer range is one duration, not its digits", "rate(x[5m])", "rate(x[10m])", [["5m", "10m"]]],
  ["an added condition is an insertion", "rate(x[5m])", "rate(x[5m]) > 1", [["", " > 1"]]],
  ["a removed label matcher is a deletion", 'x{a="b", c="d"}', 'x{a="b"}', [[', c="d"', ""]]],
  ["a changed LogQL line filter is its string", '{a="b"} |= "c"', '{a="b"} |= "d"', [['"c"', '"d"']]],
  ["a changed operator is its two characters", "x >= 1", "x > 1", [[">=", ">"]]],
  [
    "recorded metric names are single tokens",
    "pizza:order_failures:count1m",
    "pizza:order_requests:count1m",
    [["pizza:order_failures:count1m", "pizza:order_requests:count1m"]],
  ],
];

describe("what changed inside a query (token diff)", () => {
  it.each(cases)("%s", (_name, before, after, expected) => {
    const d = tokenDiff(before, after);
    expect(d.hunks.map((h) => [h.before, h.after])).toEqual(expected);
    // The marks are where the hunks are, on each side.
    expect(d.before.map(([s, e]) => before.slice(s, e))).toEqual(expected.map(([b]) => b).filter(Boolean));
    expect(d.after.map(([s, e]) => after.slice(s, e))).toEqual(expected.map(([, a]) => a).filter(Boolean));
  });

  it("identical texts have no change, and tokens put back together are the text", () => {
    const q = 'sum by (level) (count_over_time({component="x"} |~ "a|b" [1m])) / on() group_left 2';
    expect(tokenDiff(q, q)).toEqual({ before: [], after: [], hunks: [] });
    expect(tokens(q).join("")).toBe(q);
  });
});

describe("raising orderFailures.minFailures from 2 to 6 (the example of issue 29)", () => {
  const before = exampleConfig();
  const after = exampleConfig();
  setConfig("pizza-observability:thresholds", "orderFailures.minFailures", 6)(after);
  const review = (raw: Record<string, unknown>) =>
    reviewSnapshot(new Map([...renderArtifacts(raw)].filter(([p]) => p.startsWith("alerting/") || p.startsWith("dashboards/"))));
  const sections = behaviourDiff(review(before), review(after));
  const queryA = (uid: string): FieldChange =>
    sections
      .flatMap((s) => s.changes)
      .find((c) => c.subject.startsWith(`${uid} `))!
      .fields.find((f) => f.field === "query A")!;

  it.each(["pizza-order-failures", "pizza-order-slo-fast-burn"])(
    "%s: a query of over 1,000 characters whose every change is a 2 become 6, one per window and half of the condition",
    (uid) => {
      const f = queryA(uid);
      expect(f.before.length).toBeGreaterThan(1000);
      const d = tokenDiff(f.before, f.after);
      expect(d.hunks.map((h) => [h.before, h.after])).toEqual(Array(4).fill(["2", "6"]));
      const text = formatText(sections).split("\n");
      const marks = text.filter((l) => l.includes("[-2-]{+6+}"));
      expect(marks.length).toBeGreaterThanOrEqual(8);
      for (const l of marks) expect(l.length).toBeLessThan(80);
    },
  );

  it("is what docs/reviewing.md shows: its sentence and the text form's changed stretches", () => {
    const docs = readFileSync(join(REPO_ROOT, "docs", "reviewing.md"), "utf8");
    const from = parseConfig(before).thresholds.orderFailures.minFailures;
    expect(docs.replace(/\s+/g, " ")).toContain(
      `Raising \`thresholds.orderFailures.minFailures\` from ${from} to 6 changes two queries of over 1,000 characters each`,
    );
    const text = formatText(sections);
    const shown = docs.split("\n").filter((l) => /^ {6}~ …/.test(l));
    expect(shown.length).toBeGreaterThan(0);
    for (const l of shown) expect(text, l).toContain(l);
  });

  it("in the pull-request comment: the What cell lists 2 → 6, the query cells mark the digit struck before and inserted after", () => {
    const md = formatMarkdown(sections, "Behaviour diff");
    const row = md.split("\n").find((l) => l.includes("pizza-order-failures (JWT Pizza orders failing)"))!;
    expect(row).toContain(
      "query A<br><code>2</code> → <code>6</code>, <code>2</code> → <code>6</code>, <code>2</code> → <code>6</code>, 1 more",
    );
    expect(row.match(/<del><b>2<\/b><\/del>/g)).toHaveLength(4);
    expect(row.match(/<ins><b>6<\/b><\/ins>/g)).toHaveLength(4);
    // Markdown inside the HTML cell is inert: no `__error__`-like emphasis, no stray pipe ending the cell.
    expect(row.split(/(?<!\\)\|/).length).toBe(6);
  });
});
