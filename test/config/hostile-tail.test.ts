import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/args";
import { backtestArgs } from "../../src/cli/backtest";
import { main, renderStack } from "../../src/cli/render";
import { defineStack } from "../../src/build/stack";
import { readStack } from "../../src/config/stack-file";
import { runMain } from "../support/cli";
import { configWarnings } from "../../src/config/keys";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { parseConfig } from "../../src/config/schema";
import { ENCRYPTED_EMAIL_STANDIN } from "../../src/config/secret";
import { listFiles } from "../../src/emit/files/artifacts";
import { exampleConfig, renderProblems, setConfig, writeChangedExample } from "../support/stack";

/**
 * Hostile input, the tail (issue 30): what Pulumi's own reader refuses, secrets set by path, mutes
 * and intervals that silence paging, messages that named the wrong thing, and the smaller ones.
 * Each case goes through render (or, for what only `pulumi up` can receive, through parseConfig as
 * the program calls it): one line naming the key or file, nothing written, no secret, no stack trace.
 * The secrets kept by `pulumi up` are tested with the Pulumi mocks in test/emit/pulumi/secret-by-path.test.ts.
 */

const P = "pizza-observability";
const CANARY = "S3CRET";
type StackConfig = Record<string, unknown>;

interface Case {
  name: string;
  /** The stack file: the example's text edited, or its config map changed. */
  text?: (example: string) => string;
  change?: (c: StackConfig) => void;
  /** The key (or `file: line L, column C: key`) each problem line starts with, in order. */
  keys: RegExp[];
  reason: RegExp;
}

/** The example's text with `lines` inserted after `anchor` (which must be in it). */
const after = (anchor: string, lines: string) => (text: string) => {
  expect(text).toContain(anchor);
  return text.replace(anchor, `${anchor}${lines}`);
};
const yamlCase = (name: string, text: Case["text"], key: string, reason: RegExp): Case => ({
  name,
  text,
  keys: [new RegExp(`^\\S+Pulumi\\.tail\\.yaml: line \\d+, column \\d+: ${key}`)],
  reason,
});
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const bad = (name: string, change: Case["change"], key: string, reason: RegExp): Case => ({
  name,
  change,
  keys: [new RegExp(`^${escaped(key)}: `)],
  reason,
});
/** A stack file's text edited so that a key, not the file, is named. */
const textNamingKey = (name: string, text: Case["text"], key: string, reason: RegExp): Case => ({
  name,
  text,
  keys: [new RegExp(`^${escaped(key)}: `)],
  reason,
});
const all =
  (...changes: Array<(c: StackConfig) => void>) =>
  (c: StackConfig) =>
    changes.forEach((f) => f(c));
const TWICE = /is given twice .*keep one$/;

const DATASOURCES = "  pizza-observability:datasources:\n";
/** datasources.loki written a second time, as `line`. */
const lokiTwice = (name: string, line: string) => yamlCase(name, after(DATASOURCES, line), `${P}:datasources\\.loki is given twice`, TWICE);
const SM = "  pizza-observability:syntheticMonitoring:\n";
const HEARTBEAT = "  pizza-observability:heartbeatUrl:\n";

/** Class 1: stack files Pulumi's reader (yaml.v3 since Pulumi v3.50.0) refuses, or reads otherwise than YAML 1.1. */
const READER: Case[] = [
  yamlCase(
    "a top-level key given twice is refused",
    after(DATASOURCES, `    loki: a\n    prometheus: b\n${DATASOURCES}`),
    `${P}:datasources is given twice`,
    TWICE,
  ),
  lokiTwice("a nested key given twice is refused", "    loki: other-logs\n"),
  lokiTwice("a key given plain and quoted is refused", '    "loki": other-logs\n'),
  lokiTwice("a key given plain and single-quoted is refused", "    'loki': other-logs\n"),
  lokiTwice("a key spelt with an escape is refused", '    "\\x6coki": other-logs\n'),
  yamlCase(
    "a key given twice in a flow map is refused",
    (t) =>
      t
        .replace("    loki: grafanacloud-logs\n    prometheus: grafanacloud-prom\n", "    {loki: a, prometheus: b, loki: c}\n")
        .replace(DATASOURCES, `  ${P}:datasources: `),
    `${P}:datasources\\.loki is given twice`,
    TWICE,
  ),
  yamlCase(
    "grafana:url given twice is refused",
    after("  grafana:url: https://jwtpizza.grafana.net\n", "  grafana:url: https://other.grafana.net\n"),
    "grafana:url is given twice",
    TWICE,
  ),
  yamlCase(
    "a credential key given twice is refused without its ciphertext",
    after(HEARTBEAT, `    secure: v1:${CANARY}-first\n${HEARTBEAT}`),
    `${P}:heartbeatUrl is given twice`,
    TWICE,
  ),
  yamlCase(
    "secure given twice inside a credential is refused",
    after(HEARTBEAT, `    secure: v1:${CANARY}-twice\n`),
    `${P}:heartbeatUrl\\.secure is given twice`,
    TWICE,
  ),
  yamlCase(
    "a key given twice next to a nested secret is refused",
    after(SM, `    url:\n      secure: v1:${CANARY}-nested\n`),
    `${P}:syntheticMonitoring\\.url is given twice`,
    TWICE,
  ),
  yamlCase(
    "a key given twice inside a mute timing interval is refused",
    after('          - weekdays: ["tuesday"]\n', '            weekdays: ["friday"]\n'),
    `${P}:routing\\.muteTimings\\.0\\.intervals\\.0\\.weekdays is given twice`,
    TWICE,
  ),
  yamlCase("config given twice is refused", (t) => `${t}config:\n  ${P}:folder:\n    title: Other\n`, "config is given twice", TWICE),
  yamlCase(
    "a key given twice outside config is refused",
    (t) => `secretsprovider: passphrase\nsecretsprovider: awskms://x\n${t}`,
    "secretsprovider is given twice",
    TWICE,
  ),
  yamlCase(
    "a merge key given twice is refused",
    (t) => `a: &a {frequencySeconds: 30}\nb: &b {timeoutSeconds: 5}\n${after(SM, "    <<: *a\n    <<: *b\n")(t)}`,
    `${P}:syntheticMonitoring\\.<< is given twice`,
    TWICE,
  ),
  yamlCase(
    "a key given twice in an anchored map is refused where it is written",
    (t) => `base: &base {loki: a, loki: b}\n${t}`,
    "base\\.loki is given twice",
    TWICE,
  ),
  yamlCase(
    "two spellings of one number as keys are refused",
    after(SM, "    1: a\n    01: b\n"),
    `${P}:syntheticMonitoring\\.1 is given twice, spelt two ways that both read as "1"`,
    /keep one$/,
  ),
  yamlCase(
    "true and True as keys are refused",
    after(SM, "    true: a\n    True: b\n"),
    `${P}:syntheticMonitoring\\.true is given twice, spelt two ways`,
    /keep one$/,
  ),
  yamlCase(
    "~ and null as keys are refused",
    after(SM, "    ~: a\n    null: b\n"),
    `${P}:syntheticMonitoring\\.<nil> is given twice, spelt two ways`,
    /keep one$/,
  ),
  yamlCase(
    "a timestamp with a UTC offset is refused (Pulumi writes it in the machine's time zone)",
    after("  pizza-observability:alerting:\n", "    team: 2026-12-24T18:00:00+01:00\n"),
    "a timestamp with a UTC offset",
    /quote it/,
  ),
  yamlCase(
    "a lone surrogate escape is refused as Pulumi's reader refuses it",
    after(SM, '    job: "pizza\\ud800api"\n'),
    "found invalid Unicode",
    /escape code/,
  ),
  textNamingKey(
    "enabled: yes is refused: yaml.v3 reads yes as text",
    after(SM, "    enabled: yes\n"),
    `${P}:syntheticMonitoring.enabled`,
    /got "yes"/,
  ),
  textNamingKey(
    "enabled: on is refused: yaml.v3 reads on as text",
    after(SM, "    enabled: on\n"),
    `${P}:syntheticMonitoring.enabled`,
    /got "on"/,
  ),
];

const mute = (...timings: Array<{ name?: string; routes?: string[]; intervals: unknown[] }>) =>
  setConfig(
    `${P}:routing`,
    "muteTimings",
    timings.map((t, i) => ({ name: t.name ?? `mute-${i}`, routes: t.routes ?? ["page"], intervals: t.intervals })),
  );
const year = (interval: Record<string, unknown>, years: string[] = ["2027"]) => ({ ...interval, years });
const pagingMute = (name: string, change: Case["change"], when = /every minute of 2027/) =>
  bad(`a page mute ${name} is refused`, change, `${P}:routing.muteTimings.0`, when);
const interval = (name: string, alerting: Record<string, unknown>, key: string, reason: RegExp) =>
  bad(name, (c) => (c[`${P}:alerting`] = { ...(c[`${P}:alerting`] as object), ...alerting }), `${P}:alerting.${key}`, reason);

/** Class 3: configuration that silences paging. */
const SILENCING: Case[] = [
  pagingMute("of a whole year is refused", mute({ intervals: [{ years: ["2027"] }] })),
  pagingMute("of a year spelt as a range of one", mute({ intervals: [{ years: ["2027:2027"] }] })),
  pagingMute("of years up to 9999", mute({ intervals: [{ years: ["1970:9999"] }] }), /every minute of 1970/),
  pagingMute("of every weekday of a year", mute({ intervals: [year({ weekdays: ["sunday:saturday"] })] })),
  pagingMute("of all day every day of a year", mute({ intervals: [year({ times: [{ start: "00:00", end: "24:00" }] })] })),
  pagingMute("of months 1:12 of a year", mute({ intervals: [year({ months: ["1:12"] })] })),
  pagingMute("of days 1:31 of a year", mute({ intervals: [year({ daysOfMonth: ["1:31"] })] })),
  pagingMute("of days counted from the end", mute({ intervals: [year({ daysOfMonth: ["-31:-1"] })] })),
  pagingMute("of a year split into two half-years", mute({ intervals: [year({ months: ["1:6"] }), year({ months: ["july:december"] })] })),
  pagingMute(
    "of a year split into workdays and weekends",
    mute({ intervals: [year({ weekdays: ["monday:friday"] }), year({ weekdays: ["saturday", "sunday"] })] }),
  ),
  pagingMute(
    "of a year split into nights and days",
    mute({ intervals: [year({ times: [{ start: "00:00", end: "08:00" }] }), year({ times: [{ start: "08:00", end: "24:00" }] })] }),
  ),
  pagingMute(
    "of a year split across two mute timings",
    mute({ intervals: [year({ months: ["1:6"] })] }, { routes: ["ticket", "page"], intervals: [year({ months: ["7:12"] })] }),
    /every minute of 2027 \(with mute-1\)/,
  ),
  pagingMute("of a year in Berlin's time", mute({ intervals: [year({ weekdays: ["sunday:saturday"], location: "Europe/Berlin" })] })),
  pagingMute(
    "of half-years that repeat forever",
    mute({ intervals: [{ months: ["1:6"] }, { months: ["7:12"] }] }),
    /every minute of every year/,
  ),
  interval(
    "an evaluation interval of an hour is refused: rules reading 2m would see 2m of every hour",
    { evaluationIntervalSeconds: 3600 },
    "evaluationIntervalSeconds",
    /evaluating every 1h is longer than the windows read \(the errors group's pizza-order-5xx reads 2m/,
  ),
  interval(
    "an evaluation interval of 3 minutes is refused for the errors group's 2m windows",
    { evaluationIntervalSeconds: 180 },
    "evaluationIntervalSeconds",
    /expected at most 120$/,
  ),
  interval(
    "a day-long evaluation interval is refused",
    { evaluationIntervalSeconds: 86400 },
    "evaluationIntervalSeconds",
    /at most 3600 seconds/,
  ),
  interval(
    "an absurd evaluation interval is refused",
    { evaluationIntervalSeconds: 1e12 },
    "evaluationIntervalSeconds",
    /at most 3600 seconds/,
  ),
  ...(
    [
      ["telemetry", 600, /pizza-metrics-absent reads 1m30s/],
      ["orders", 70, /pizza-order-failures reads 1m/],
      ["slo", 600, /pizza-order-slo-fast-burn reads 5m/],
      ["availability", 300, /pizza-api-availability reads 2m/],
      ["saturation", 600, /pizza-(cpu|memory)-saturation reads 5m/],
      ["latency", 600, /pizza-factory-latency reads 5m/],
    ] as const
  ).map(([group, seconds, reads]) =>
    interval(
      `the ${group} group every ${seconds} s is refused: it is longer than a window its rules read`,
      { groupEvaluationIntervalSeconds: { [group]: seconds } },
      `groupEvaluationIntervalSeconds.${group}`,
      reads,
    ),
  ),
  interval(
    "a meta group every two hours is refused",
    { groupEvaluationIntervalSeconds: { meta: 7200 } },
    "groupEvaluationIntervalSeconds.meta",
    /at most 3600 seconds/,
  ),
  bad(
    "a 30s 5xx window under a 60 s interval is refused, naming the interval",
    setConfig(`${P}:thresholds`, "order5xx.window", "30s"),
    `${P}:alerting.evaluationIntervalSeconds`,
    /pizza-order-5xx reads 30s/,
  ),
];

/** Class 4: messages that named the wrong thing. */
const MESSAGES: Case[] = [
  bad(
    "the same uid for Loki and Prometheus names the two keys, not a PromQL parse error",
    setConfig(`${P}:datasources`, "prometheus", "grafanacloud-logs"),
    `${P}:datasources.prometheus`,
    /is the same uid as datasources\.loki \(grafanacloud-logs\)/,
  ),
  bad(
    "the noncharacter U+FFFF in the team label is refused",
    setConfig(`${P}:alerting`, "team", "pizza\uffff"),
    `${P}:alerting.team`,
    /U\+FFFF/,
  ),
  bad(
    "an unknown key holding a line break is named on one line",
    setConfig(`${P}:thresholds`, "cpu\nmemory", 1),
    `${P}:thresholds."cpu\\nmemory"`,
    /unknown key/,
  ),
  bad(
    "an unknown key of 300 characters is named cut short",
    setConfig(`${P}:thresholds`, "k".repeat(300), 1),
    `${P}:thresholds."${"k".repeat(80)}"... (300 characters)`,
    /unknown key/,
  ),
];

/** Class 5: the smaller ones. */
const job = (name: string, value: string, reason: RegExp) =>
  bad(name, setConfig(`${P}:syntheticMonitoring`, "job", value), `${P}:syntheticMonitoring.job`, reason);
const SMALLER: Case[] = [
  job("a 300-character job name is refused", "j".repeat(300), /at most 128 characters/),
  job("a 129-character job name is refused", "j".repeat(129), /at most 128 characters/),
  job("a job name with a comma is refused", "pizza,api", /comma or a quote/),
  job("a job name with a quote is refused", "pizza's api", /comma or a quote/),
];

/** Secrets set by path, as render reads them from the stack file (class 2; `pulumi up`: secret-by-path.test.ts). */
const SECRETS: Case[] = [
  yamlCase(
    "a secure value given twice inside contacts is refused without either ciphertext",
    (t) => t.replace("    teamEmail: pizza-team@example.com", `    teamEmail:\n      secure: v1:${CANARY}-a\n      secure: v1:${CANARY}-b`),
    `${P}:contacts\\.teamEmail\\.secure is given twice`,
    TWICE,
  ),
  textNamingKey(
    "a Slack channel stored as a Pulumi secret is refused by render, naming the key",
    (t) => t.replace('    slackChannel: "#pizza-alerts"', `    slackChannel:\n      secure: v1:${CANARY}-channel`),
    `${P}:contacts.slackChannel`,
    /stored as a Pulumi secret, which render cannot decrypt/,
  ),
  textNamingKey(
    "a mute timing stored as a Pulumi secret is refused by render, naming the key",
    (t) => t.replace('          - weekdays: ["tuesday"]', `          - weekdays:\n              secure: v1:${CANARY}-days`),
    `${P}:routing.muteTimings.0.intervals.0.weekdays`,
    /stored as a Pulumi secret/,
  ),
];

const CLASSES: Record<string, Case[]> = {
  "what Pulumi's reader refuses": READER,
  secrets: SECRETS,
  "configuration that silences paging": SILENCING,
  messages: MESSAGES,
  smaller: SMALLER,
};

function stackFile(c: Case): string {
  const dir = mkdtempSync(join(tmpdir(), "tail-"));
  if (c.change) return writeChangedExample(dir, c.change, "Pulumi.tail.yaml");
  const file = join(dir, "Pulumi.tail.yaml");
  writeFileSync(file, c.text!(readFileSync(EXAMPLE_STACK_FILE, "utf8")));
  return file;
}

describe("hostile stack files, the tail (issue 30)", () => {
  it("are distinct and named in sentences", () => {
    const names = [...Object.values(CLASSES).flatMap((cases) => cases.map((c) => c.name)), ...PROGRAM_MESSAGES.map((c) => c.name)];
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /^[a-z~].* .* /i.test(n))).toBe(true);
  });

  for (const [klass, cases] of Object.entries(CLASSES)) {
    it.each(cases.map((c) => [c.name, c] as const))(`${klass}: %s`, (_, c) => {
      const dir = mkdtempSync(join(tmpdir(), "tail-out-"));
      const out = join(dir, "out");
      const { message, lines } = renderProblems(stackFile(c), out);
      expect(lines.length, message).toBe(c.keys.length);
      lines.forEach((line, i) => expect(line).toMatch(c.keys[i]));
      expect(lines[0]).toMatch(c.reason);
      expect(message).toMatch(/Nothing was rendered; .*out\/ is unchanged\.$/);
      expect(message).not.toContain(CANARY);
      expect(message).not.toMatch(/\n\s+at /);
      expect(listFiles(out)).toEqual([]);
    });
  }
});

/**
 * What only `pulumi up` can hand over: a stack file cannot carry a lone surrogate (Pulumi's reader
 * refuses its escape, above), but the program receives each object key as JSON text, which can.
 * Through parseConfig, as src/emit/pulumi/program.ts calls it.
 */
interface ProgramCase {
  name: string;
  key: string;
  json: string;
  named: string;
  reason: RegExp;
}
const surrogate = (where: string, key: string, json: string, named: string): ProgramCase => ({
  name: `a lone surrogate in ${where} is refused before any query is built`,
  key,
  json,
  named: `${P}:${named}`,
  reason: /contains a lone UTF-16 surrogate \(U\+D[89A-F][0-9A-F]{2}\), half of a character/,
});
const PROGRAM_MESSAGES: ProgramCase[] = [
  surrogate("the telemetry source", "telemetry", '{"source":"jwt\\ud800pizza"}', "telemetry.source"),
  surrogate("the folder title", "folder", '{"title":"JWT \\udc00Pizza"}', "folder.title"),
  surrogate("the team label", "alerting", '{"team":"pizza\\udbff","runbookBaseUrl":"https://github.com/x/runbooks"}', "alerting.team"),
  surrogate(
    "a metric-send error text",
    "telemetry",
    '{"logs":{"metricSendErrors":["Failed \\ud83d"]}}',
    "telemetry.logs.metricSendErrors.0",
  ),
  surrogate("the health check job", "syntheticMonitoring", '{"url":"https://x.example/","job":"\\ude00pizza"}', "syntheticMonitoring.job"),
  surrogate(
    "the body regex",
    "syntheticMonitoring",
    '{"url":"https://x.example/","bodyRegex":"welcome\\ud800"}',
    "syntheticMonitoring.bodyRegex",
  ),
  surrogate("a contact address", "contacts", '{"teamEmail":"pizza\\ud800@example.com","onCall":"none"}', "contacts.teamEmail"),
  surrogate("a datasource uid", "datasources", '{"loki":"logs\\ud800","prometheus":"prom"}', "datasources.loki"),
];

describe("what only pulumi up hands over (JSON text of an object key)", () => {
  it.each(PROGRAM_MESSAGES.map((c) => [c.name, c] as const))("messages: %s", (_, c) => {
    let problems: string[] = [];
    try {
      parseConfig(exampleConfig({ [`${P}:${c.key}`]: c.json }));
    } catch (e) {
      problems = (e as { problems: string[] }).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(`${c.named}: `), problems[0]).toBe(true);
    expect(problems[0]).toMatch(c.reason);
    // The message itself is valid text: the surrogate is named, not printed.
    expect(problems[0]).not.toMatch(/[\ud800-\udfff]/u);
  });
});

describe("near misses that are fine", () => {
  it.each([
    ["a page mute of one day a year", mute({ intervals: [{ months: ["december"], daysOfMonth: ["24"], years: ["2027"] }] })],
    ["a page mute of workdays of a year (weekends still page)", mute({ intervals: [year({ weekdays: ["monday:friday"] })] })],
    ["a page mute of a year but one minute a day", mute({ intervals: [year({ times: [{ start: "00:00", end: "23:59" }] })] })],
    ["a ticket mute of a whole year", mute({ routes: ["ticket"], intervals: [{ years: ["2027"] }] })],
    ["a telemetry-ticket mute of a whole year", mute({ routes: ["telemetry"], intervals: [{ years: ["2027"] }] })],
    ["a job name of 128 characters", setConfig(`${P}:syntheticMonitoring`, "job", "j".repeat(128))],
    ["the errors group every 2 minutes (its windows are 2m)", setConfig(`${P}:alerting`, "groupEvaluationIntervalSeconds.errors", 120)],
    ["the meta group every hour", setConfig(`${P}:alerting`, "groupEvaluationIntervalSeconds.meta", 3600)],
    ["an emoji in the folder title", setConfig(`${P}:folder`, "title", "JWT Pizza 🍕")],
    ["a timestamp quoted as text in the team label", all(setConfig(`${P}:alerting`, "team", "2026-12-24T18:00:00+01:00"))],
  ] as const)("%s is accepted and built", (_, change) => {
    // The stack file as render reads it, validated and built (the interval check needs the built rules).
    const dir = mkdtempSync(join(tmpdir(), "tail-near-"));
    expect(() => defineStack(parseConfig(readStack(writeChangedExample(dir, change, "Pulumi.near.yaml")).config))).not.toThrow();
  });

  it("a contact address stored as a Pulumi secret renders with a stand-in, never its ciphertext", () => {
    const dir = mkdtempSync(join(tmpdir(), "tail-email-"));
    const file = join(dir, "Pulumi.email.yaml");
    const text = readFileSync(EXAMPLE_STACK_FILE, "utf8").replace(
      "    teamEmail: pizza-team@example.com",
      `    teamEmail:\n      secure: v1:${CANARY}-team-email`,
    );
    writeFileSync(file, text);
    const out = join(dir, "out");
    renderStack(file, out);
    const rendered = listFiles(out)
      .map((f) => readFileSync(join(out, f), "utf8"))
      .join("\n");
    expect(rendered).toContain(ENCRYPTED_EMAIL_STANDIN);
    expect(rendered).not.toContain(CANARY);
  });
});

describe("pulumi: keys Pulumi does not read are warned about (it ignores them silently)", () => {
  it.each([
    ["pulumi:tgas", /pulumi:tgas: not a key Pulumi reads .*; did you mean pulumi:tags\?; Pulumi ignores it$/],
    ["pulumi:disable-default-provider", /did you mean pulumi:disable-default-providers\?/],
    ["pulumi:Tags", /did you mean pulumi:tags\?/],
    ["pulumi:autonameing", /did you mean pulumi:autonaming\?/],
    [
      "pulumi:stack-name",
      /pulumi:stack-name: not a key Pulumi reads \(pulumi:autonaming, pulumi:disable-default-providers, pulumi:tags, pulumi:template\); Pulumi ignores it$/,
    ],
  ])("%s is warned about", (key, warning) => {
    expect(configWarnings({ [key]: "x" })).toEqual([expect.stringMatching(warning)]);
  });

  it("render warns on stderr and still renders", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tail-warn-"));
    const file = writeChangedExample(dir, (c) => (c["pulumi:tgas"] = "x"), "Pulumi.warn.yaml");
    const run = await runMain(main, ["--stack-file", file, "--out", join(dir, "out")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^warning: pulumi:tgas: not a key Pulumi reads .*did you mean pulumi:tags\?; Pulumi ignores it\n$/);
    expect(listFiles(join(dir, "out")).length).toBeGreaterThan(20);
  });

  it.each(["pulumi:tags", "pulumi:disable-default-providers", "pulumi:autonaming", "pulumi:template"])(
    "%s, which Pulumi reads, is not warned about",
    (key) => {
      expect(configWarnings({ [key]: "x" })).toEqual([]);
    },
  );
});

const NOW = Date.parse("2026-11-23T12:00:00Z");

describe("a backtest window in the future is refused naming the flag", () => {
  it.each([
    [["--from", "now-1d", "--to", "2099-01-01T00:00:00Z"], "--to: 2099-01-01T00:00:00Z is in the future"],
    [["--from", "2099-01-01T00:00:00Z", "--to", "2099-01-02T00:00:00Z"], "--from: 2099-01-01T00:00:00Z is in the future"],
    [["--from", "now-1d", "--to", "9999999999"], "--to: 9999999999 is in the future"],
    [["--from", "now-1d", "--to", "2026-11-23T12:00:01Z"], "--to: 2026-11-23T12:00:01Z is in the future"],
    [["--from", "2026-11-24", "--to", "now"], "--from: 2026-11-24 is in the future"],
  ])("%j", (argv, message) => {
    expect(() => backtestArgs(argv, NOW)).toThrow(UsageError);
    expect(() => backtestArgs(argv, NOW)).toThrow(message);
  });

  it("a window ending now is fine", () => {
    expect(backtestArgs(["--from", "now-1d", "--to", "2026-11-23T12:00:00Z"], NOW).to).toBe(NOW / 1000);
  });
});
