import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidDefinitionError } from "../../src/config/errors";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { parseConfig } from "../../src/config/schema";
import { parseStack } from "../../src/config/stack-file";
import { MONTHS, WEEKDAYS } from "../../src/config/time-intervals";
import { exampleConfig } from "../support/stack";

/**
 * Properties of issue 30, each with a fixed seed and run count so a failure reproduces:
 * - YAML keys: a key written twice in one map, in any spelling Pulumi's reader compares equal
 *   (plain, quoted, escaped) or reads as the same text (`1` and `0x1`, `true` and `True`), is refused
 *   naming its full key and never quoting a value; distinct keys, whatever their text, are kept exactly.
 * - Mute timings: intervals that together mute every minute of a year on the paging route are
 *   refused whatever their spelling (split by times, weekdays, months or days, named or numbered,
 *   as ranges or lists, over one or several timings, in any time zone); the same with one piece
 *   left out pages in every year and is accepted.
 */

const P = "pizza-observability";
const CANARY = "S3CRET";
export const YAML_SEED = 20261207;
export const YAML_RUNS = 150;
export const MUTE_SEED = 30;
export const MUTE_RUNS = 120;

function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (e) {
    if (e instanceof InvalidDefinitionError) return e.problems;
    throw e;
  }
  return [];
}

const EXAMPLE = readFileSync(EXAMPLE_STACK_FILE, "utf8");

/** Maps of the example stack file a key can be repeated in: the line opening it, its entries' indent, its keys. */
const MAPS = [
  {
    path: "",
    open: "config:\n",
    indent: 2,
    keys: ["grafana:url", `${P}:datasources`, `${P}:alerting`, `${P}:contacts`, `${P}:heartbeatUrl`],
  },
  { path: `${P}:datasources`, open: `  ${P}:datasources:\n`, indent: 4, keys: ["loki", "prometheus"] },
  { path: `${P}:syntheticMonitoring`, open: `  ${P}:syntheticMonitoring:\n`, indent: 4, keys: ["url"] },
  { path: `${P}:contacts`, open: `  ${P}:contacts:\n`, indent: 4, keys: ["teamEmail", "onCall", "slackChannel", "observabilityEmail"] },
  { path: `${P}:alerting`, open: `  ${P}:alerting:\n`, indent: 4, keys: ["runbookBaseUrl"] },
  { path: `${P}:heartbeatUrl`, open: `  ${P}:heartbeatUrl:\n`, indent: 4, keys: ["secure"] },
];

/** A YAML spelling of `key` that yaml.v3 reads as the same key text: plain, single- or double-quoted, with escapes. */
const spelling = (key: string) =>
  fc.oneof(
    fc.constant(key),
    fc.constant(`'${key.replace(/'/g, "''")}'`),
    fc.constant(JSON.stringify(key)),
    fc
      .array(fc.boolean(), { minLength: key.length, maxLength: key.length })
      .map(
        (escape) => `"${[...key].map((ch, i) => (escape[i] && /[a-z]/i.test(ch) ? `\\x${ch.charCodeAt(0).toString(16)}` : ch)).join("")}"`,
      ),
    fc
      .array(fc.boolean(), { minLength: key.length, maxLength: key.length })
      .map(
        (escape) =>
          `"${[...key].map((ch, i) => (escape[i] && /[a-z]/i.test(ch) ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}` : ch)).join("")}"`,
      ),
  );
const scalarValue = fc.oneof(
  fc.constant(`v1:${CANARY}-ciphertext`),
  fc.constant(`https://bot:${CANARY}@example.com/`),
  fc.constant(`{secure: v1:${CANARY}}`),
  fc.constantFrom("010", "yes", "~", "[1, 2]", '"text"'),
);

describe("YAML keys and duplicates (property)", () => {
  it("a key repeated in any spelling Pulumi compares equal is refused, naming its full key, never a value", () => {
    const repeated = fc
      .constantFrom(...MAPS)
      .chain((map) => fc.tuple(fc.constant(map), fc.constantFrom(...map.keys)))
      .chain(([map, key]) => fc.tuple(fc.constant(map), fc.constant(key), spelling(key), scalarValue));
    fc.assert(
      fc.property(repeated, ([map, key, spelt, value]) => {
        const text = EXAMPLE.replace(map.open, `${map.open}${" ".repeat(map.indent)}${spelt}: ${value}\n`);
        const problems = problemsOf(() => parseStack(text, "Pulumi.p.yaml"));
        const full = map.path ? `${map.path}.${key}` : key;
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/^Pulumi\.p\.yaml: line \d+, column \d+: /);
        expect(problems[0]).toContain(`: ${full} is given twice (first at line `);
        expect(problems[0]).not.toContain(CANARY);
      }),
      { seed: YAML_SEED, numRuns: YAML_RUNS },
    );
  });

  it("two plain spellings of one number or constant as keys are refused: Pulumi would keep only one", () => {
    const sameNumber = fc.integer({ min: 0, max: 1_000_000 }).chain((n) =>
      fc
        .uniqueArray(
          fc.constantFrom(
            String(n),
            `0x${n.toString(16)}`,
            `0X${n.toString(16).toUpperCase()}`,
            `0o${n.toString(8)}`,
            `0${n.toString(8)}`,
            `+${n}`,
            `${String(n).split("").join("_")}`,
            `0b${n.toString(2)}`,
          ),
          { minLength: 2, maxLength: 2 },
        )
        .filter(([a, b]) => a !== b && !(n < 8 && [a, b].includes(`0${n.toString(8)}`) && [a, b].includes(String(n)) && n === 0))
        .map((pair) => ({ pair, text: String(n) })),
    );
    const sameConstant = fc.oneof(
      fc.uniqueArray(fc.constantFrom("true", "True", "TRUE"), { minLength: 2, maxLength: 2 }).map((pair) => ({ pair, text: "true" })),
      fc.uniqueArray(fc.constantFrom("false", "False", "FALSE"), { minLength: 2, maxLength: 2 }).map((pair) => ({ pair, text: "false" })),
      fc.uniqueArray(fc.constantFrom("~", "null", "Null", "NULL"), { minLength: 2, maxLength: 2 }).map((pair) => ({ pair, text: "<nil>" })),
    );
    fc.assert(
      fc.property(fc.oneof(sameNumber, sameConstant), ({ pair, text }) => {
        const yaml = `config:\n  ${P}:telemetry:\n    ${pair[0]}: a\n    ${pair[1]}: b\n`;
        const problems = problemsOf(() => parseStack(yaml, "Pulumi.p.yaml"));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toContain(`${P}:telemetry.${text} is given twice, spelt two ways that both read as ${JSON.stringify(text)}`);
      }),
      { seed: YAML_SEED, numRuns: YAML_RUNS },
    );
  });

  it("distinct keys of any text, written quoted, are kept exactly; repeating any one of them is refused", () => {
    const keys = fc.uniqueArray(fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(keys, fc.nat(), (names, pick) => {
        const lines = names.map((k, i) => `    ${JSON.stringify(k)}: ${i}`).join("\n");
        const { config } = parseStack(`config:\n  ${P}:o:\n${lines}\n`, "Pulumi.p.yaml");
        expect(Object.keys(config[`${P}:o`] as object).sort()).toEqual([...names].sort());
        const again = names[pick % names.length];
        const problems = problemsOf(() =>
          parseStack(`config:\n  ${P}:o:\n${lines}\n    ${JSON.stringify(again)}: ${CANARY}\n`, "Pulumi.p.yaml"),
        );
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/is given twice \(first at line \d+\)/);
        expect(problems[0]).not.toContain(CANARY);
        // One line, whatever the key holds.
        expect(problems[0]).not.toMatch(/[\n\r\u2028\u2029]/);
      }),
      { seed: YAML_SEED, numRuns: YAML_RUNS },
    );
  });

  it("an unknown key of any text is named on one bounded line", () => {
    const known = new Set([
      "order5xx",
      "orderFailures",
      "logsAbsent",
      "metricIngestion",
      "metricsAbsent",
      "availability",
      "trafficAbsent",
      "cpu",
      "memory",
      "factoryLatency",
      "factoryFailures",
    ]);
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", minLength: 1, maxLength: 300 }).filter((k) => !known.has(k) && k !== "__proto__"),
        (key) => {
          const problems = problemsOf(() => parseConfig(exampleConfig({ [`${P}:thresholds`]: JSON.stringify({ [key]: 1 }) })));
          expect(problems).toHaveLength(1);
          expect(problems[0]).toMatch(new RegExp(`^${P}:thresholds\\..+: unknown key`, "s"));
          expect(problems[0]).not.toMatch(/[\n\r\u2028\u2029]|[\ud800-\udfff]/u);
          expect(problems[0].length).toBeLessThan(300);
        },
      ),
      { seed: YAML_SEED, numRuns: YAML_RUNS },
    );
  });
});

/** Splits `0..n-1` into `k` non-empty pieces, each a set of indices (not necessarily contiguous). */
function pieces(n: number, maxPieces: number) {
  return fc.integer({ min: 1, max: Math.min(maxPieces, n) }).chain((k) =>
    fc
      .array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n })
      .map((owner) => owner.map((o, i) => (i < k ? i : o)))
      .map((owner) => Array.from({ length: k }, (_, p) => owner.flatMap((o, i) => (o === p ? [i] : [])))),
  );
}

/** Runs of consecutive indices, each spelt as one value, a range `a:b`, or every value listed. */
function spellRuns(indices: number[], name: (i: number) => string, style: number): string[] {
  const runs: number[][] = [];
  for (const i of indices) {
    const last = runs.at(-1);
    if (last && last.at(-1) === i - 1) last.push(i);
    else runs.push([i]);
  }
  return runs.flatMap((run) =>
    run.length === 1 ? [name(run[0])] : style % 2 === 0 ? [`${name(run[0])}:${name(run.at(-1)!)}`] : run.map(name),
  );
}

const hhmm = (minute: number) =>
  minute === 1440 ? "24:00" : `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

interface Dimension {
  field: "times" | "weekdays" | "months" | "daysOfMonth";
  /** One value of the field per piece. */
  values: unknown[];
}

const timesDimension = fc
  .uniqueArray(fc.integer({ min: 1, max: 1439 }), { maxLength: 4 })
  .map((cuts) => [0, ...[...cuts].sort((a, b) => a - b), 1440])
  .chain((bounds) => {
    const segments = bounds.slice(1).map((end, i) => ({ start: hhmm(bounds[i]), end: hhmm(end) }));
    return pieces(segments.length, 3).map((ps): Dimension => ({ field: "times", values: ps.map((p) => p.map((i) => segments[i])) }));
  });
const weekdaysDimension = fc
  .tuple(pieces(7, 3), fc.nat())
  .map(([ps, style]): Dimension => ({ field: "weekdays", values: ps.map((p) => spellRuns(p, (i) => WEEKDAYS[i], style)) }));
const monthsDimension = fc.tuple(pieces(12, 3), fc.nat(), fc.boolean()).map(([ps, style, named]): Dimension => ({
  field: "months",
  values: ps.map((p) => spellRuns(p, (i) => (named ? MONTHS[i] : String(i + 1)), style)),
}));
/** Days 1-31 cut into contiguous pieces; the last may be spelt from the month's end (`-3:-1`), which covers the rest of every month. */
const daysDimension = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 2, max: 29 }), { maxLength: 2 }), fc.boolean())
  .map(([cuts, fromEnd]): Dimension => {
    const bounds = [1, ...[...cuts].sort((a, b) => a - b), 32];
    return {
      field: "daysOfMonth",
      values: bounds.slice(1).map((end, i) => {
        const begin = bounds[i];
        if (end === 32 && fromEnd && begin > 1) return [`${begin - 32}:-1`];
        return [begin === end - 1 ? String(begin) : `${begin}:${end - 1}`];
      }),
    };
  });

const yearsSpelling = (year: number) =>
  fc.oneof(
    fc.constant([String(year)]),
    fc.constant([`${year}:${year}`]),
    fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })).map(([a, b]) => [`${year - a}:${year + b}`]),
    fc.integer({ min: 1, max: 5 }).map((a) => [String(year - a), String(year)]),
  );

/** The intervals of a generated whole-year mute: the product of each dimension's pieces, each with years holding `year`. */
const wholeYearMute = (dims: fc.Arbitrary<Dimension>[]) =>
  fc
    .record({
      year: fc.integer({ min: 2000, max: 2099 }),
      dimensions: fc
        .subarray(dims, { maxLength: 3 })
        .chain((ds): fc.Arbitrary<Dimension[]> => (ds.length === 0 ? fc.constant([]) : fc.tuple(...ds))),
      location: fc.constantFrom(undefined, "UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"),
      timings: fc.integer({ min: 1, max: 3 }),
    })
    .chain(({ year, dimensions, location, timings }) => {
      let cells: Array<Record<string, unknown>> = [{}];
      for (const d of dimensions) cells = cells.flatMap((cell) => d.values.map((v) => ({ ...cell, [d.field]: v })));
      return fc.tuple(...cells.map(() => yearsSpelling(year))).map((years) => ({
        year,
        location,
        timings,
        intervals: cells.map((cell, i) => ({ ...cell, years: years[i], ...(location ? { location } : {}) })),
      }));
    });

/** The intervals dealt round-robin into `n` mute timings, each on the paging route. */
function routing(intervals: unknown[], n: number): Record<string, unknown> {
  const count = Math.min(n, intervals.length);
  const muteTimings = Array.from({ length: count }, (_, t) => ({
    name: `chaos-${t}`,
    routes: t % 2 === 0 ? ["page"] : ["ticket", "page"],
    intervals: intervals.filter((_, i) => i % count === t),
  }));
  return { muteTimings };
}

describe("mute timings on the paging route (property)", () => {
  it("intervals that together mute every minute of a year on the page route are refused, whatever their spelling", () => {
    fc.assert(
      fc.property(wholeYearMute([timesDimension, weekdaysDimension, monthsDimension, daysDimension]), ({ intervals, timings }) => {
        const problems = problemsOf(() => parseConfig(exampleConfig({ [`${P}:routing`]: routing(intervals, timings) })));
        expect(problems).toEqual([
          expect.stringMatching(new RegExp(`^${P}:routing\\.muteTimings\\.0: mutes the page route for every minute of \\d{4}`)),
        ]);
      }),
      { seed: MUTE_SEED, numRuns: MUTE_RUNS },
    );
  });

  it("the same with one piece left out pages in every year and is accepted", () => {
    const withGap = wholeYearMute([timesDimension, weekdaysDimension, monthsDimension])
      .filter(({ intervals }) => intervals.length > 1)
      .chain((m) => fc.nat({ max: m.intervals.length - 1 }).map((drop) => ({ ...m, intervals: m.intervals.filter((_, i) => i !== drop) })));
    fc.assert(
      fc.property(withGap, ({ intervals, timings }) => {
        expect(problemsOf(() => parseConfig(exampleConfig({ [`${P}:routing`]: routing(intervals, timings) })))).toEqual([]);
      }),
      { seed: MUTE_SEED, numRuns: MUTE_RUNS },
    );
  });
});
