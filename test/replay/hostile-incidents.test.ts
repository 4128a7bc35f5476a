import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/schema";
import { fixtureJson, MAX_INCIDENT_SECONDS, parseFixture, readFixtureFile, readFixtureFiles } from "../../src/replay/fixtures/file";
import { keptFixtures } from "../support/fixtures";
import { exampleConfig } from "../support/stack";

/** Hostile incident files: refused before anything is replayed, one line per problem naming the field. */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- incident files are mutated at any depth by the table below
type Json = Record<string, any>;
let baseJson: string | undefined;
/** A fresh copy of the transient-500 fixture as an incident file (the scenario library is built once per file). */
const base = (): Json =>
  JSON.parse((baseJson ??= fixtureJson(keptFixtures(parseConfig(exampleConfig()), [0]).find((f) => f.name === "transient-500")!)));

const CASES: Array<[string, (f: Json) => void, string, RegExp]> = [
  [
    "durationSeconds 1e9 is refused naming the limit and the flag",
    (f) => (f.durationSeconds = 1e9),
    "durationSeconds",
    /at most 604800 seconds \(7 days\).*raise the limit with --max-incident-days 11575$/,
  ],
  [
    "durationSeconds one over a week is refused",
    (f) => (f.durationSeconds = MAX_INCIDENT_SECONDS + 1),
    "durationSeconds",
    /at most 604800/,
  ],
  [
    "a 1 s sample interval over a week is refused (too many samples)",
    (f) => {
      f.durationSeconds = MAX_INCIDENT_SECONDS;
      f.sampleIntervalSeconds = 1;
      f.series = [];
      f.logs = [];
      f.incident = undefined;
      f.expect = undefined;
    },
    "sampleIntervalSeconds",
    /at most 100000 samples.*--max-incident-days/,
  ],
  ["a label name with a dash is refused", (f) => (f.series[0].labels = { "job-name": "x" }), "series[0].labels.job-name", /label name/],
  [
    "a label name starting with a digit is refused",
    (f) => (f.logs[0].labels = { ...f.logs[0].labels, "1type": "x" }),
    "logs[0].labels.1type",
    /label name/,
  ],
  ["a label name __name__ is refused", (f) => (f.series[0].labels = { __name__: "x" }), "series[0].labels.__name__", /reserved/],
  ["a label name with a dot is refused", (f) => (f.logs[0].labels = { "service.name": "x" }), "logs[0].labels.service.name", /label name/],
  [
    "a label value of 2049 characters is refused",
    (f) => (f.series[0].labels = { job: "j".repeat(2049) }),
    "series[0].labels.job",
    /at most 2048/,
  ],
  [
    "an incident starting after the file's end is refused",
    (f) => (f.incident = { what: "x", pageWorthy: false, startSeconds: f.durationSeconds + 10, endSeconds: f.durationSeconds + 20 }),
    "incident.startSeconds",
    /after the file's end/,
  ],
  [
    "an incident ending after the file's end is refused",
    (f) => (f.incident = { what: "x", pageWorthy: false, startSeconds: 60, endSeconds: f.durationSeconds + 60 }),
    "incident.endSeconds",
    /ends after the file's end/,
  ],
  [
    "an incident ending before it starts is refused",
    (f) => (f.incident = { what: "x", pageWorthy: false, startSeconds: 600, endSeconds: 300 }),
    "incident.endSeconds",
    /before startSeconds/,
  ],
  [
    "a query error window ending before it starts is refused",
    (f) => (f.queryErrors = [{ datasource: "loki", startSeconds: 600, endSeconds: 300 }]),
    "queryErrors[0].endSeconds",
    /before startSeconds/,
  ],
  [
    "a query error window after the file's end is refused",
    (f) => (f.queryErrors = [{ datasource: "prometheus", startSeconds: 60, endSeconds: f.durationSeconds + 1 }]),
    "queryErrors[0].endSeconds",
    /after durationSeconds/,
  ],
  ["noPage with pageWithinSeconds is refused", (f) => (f.expect = { noPage: true, pageWithinSeconds: 60 }), "expect.noPage", /contradict/],
  ["a name with a slash is refused", (f) => (f.name = "a/b"), "name", /letters, digits/],
  ["a negative sample interval is refused", (f) => (f.sampleIntervalSeconds = -10), "sampleIntervalSeconds", /./],
  ["a fractional duration is refused", (f) => (f.durationSeconds = 100.5), "durationSeconds", /whole seconds/],
  ["a log line after the end is refused", (f) => (f.logs[0].ts = (f.durationSeconds + 1) * 1000), "logs[0].ts", /after durationSeconds/],
];

describe("hostile incident files", () => {
  it.each(CASES)("%s", (_, change, field, reason) => {
    const f = base();
    change(f);
    let message = "";
    try {
      parseFixture(JSON.stringify(f), "incident.json");
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message
      .split("\n")
      .filter((l) => l.startsWith("  "))
      .map((l) => l.trim());
    expect(message).toMatch(/^Invalid incident file incident\.json:/);
    expect(lines[0].slice(0, lines[0].indexOf(": "))).toBe(field);
    expect(lines[0]).toMatch(reason);
    expect(message).not.toMatch(/\n\s+at /);
  });

  it("--max-incident-days raises the limits: a 30-day file is read with 30", () => {
    const f = { ...base(), durationSeconds: 30 * 86400, sampleIntervalSeconds: 60, series: [], logs: [] };
    expect(() => parseFixture(JSON.stringify(f), "incident.json")).toThrow(/at most 604800 seconds/);
    expect(parseFixture(JSON.stringify(f), "incident.json", { maxDays: 30 }).durationSeconds).toBe(30 * 86400);
  });

  it("JSON that quotes a credential is reported by position only", () => {
    expect(() => parseFixture('{"name": "https://bot:S3CRET@x", oops}', "incident.json")).toThrow(
      /^Invalid incident file incident\.json:\n {2}not JSON \(at character \d+\)$/,
    );
  });

  it("two files with the same name are refused, naming both", () => {
    const dir = mkdtempSync(join(tmpdir(), "incidents-"));
    const a = join(dir, "a.json");
    const b = join(dir, "b.json");
    writeFileSync(a, JSON.stringify(base()));
    writeFileSync(b, JSON.stringify(base()));
    expect(() => readFixtureFiles([a, b])).toThrow(
      new RegExp(`Invalid incident file .*b\\.json:\\n {2}name: "transient-500" is also the name of .*a\\.json`),
    );
  });

  it("a named pipe is refused, not read", () => {
    const dir = mkdtempSync(join(tmpdir(), "incidents-"));
    const fifo = join(dir, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    expect(() => readFixtureFile(fifo)).toThrow(/\(file\): is not a regular file/);
  });

  it("a folder and a missing file are refused naming the file", () => {
    expect(() => readFixtureFile(tmpdir())).toThrow(/\(file\): is a folder/);
    expect(() => readFixtureFile(join(tmpdir(), "no-such-incident.json"))).toThrow(/no-such-incident\.json:\n {2}\(file\): no such file/);
  });
});
