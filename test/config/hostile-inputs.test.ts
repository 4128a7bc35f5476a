import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderProblems, setConfig, writeChangedExample } from "../support/stack";
import { describe, expect, it } from "vitest";
import { renderStack } from "../../src/cli/render";
import { listFiles } from "../../src/emit/files/artifacts";

/**
 * The second round of hostile stack files (issue 19): values Grafana, Loki or Alertmanager would
 * refuse later, nonsense that was accepted silently, control characters, credentials in unusual
 * spellings. Each goes through render's path: one line per problem naming the key, nothing written,
 * no canary secret in the message.
 */

type StackConfig = Record<string, unknown>;
const P = "pizza-observability";
const CANARY = "S3CRET";

const set = setConfig;
const all =
  (...changes: Array<(c: StackConfig) => void>) =>
  (c: StackConfig) =>
    changes.forEach((f) => f(c));
const mute = (interval: unknown) => set(`${P}:routing`, "muteTimings", [{ name: "chaos-testing", intervals: [interval] }]);
const oncall = (users: unknown) => all(set(`${P}:contacts`, "onCall", "grafana-oncall"), set(`${P}:escalation`, "users", users));

interface Case {
  name: string;
  change: (c: StackConfig) => void;
  keys: string[];
  reason: RegExp;
}
const bad = (name: string, change: Case["change"], keys: string | string[], reason: RegExp): Case => ({
  name,
  change,
  keys: Array.isArray(keys) ? keys : [keys],
  reason,
});

const tz = (zone: string, reason: RegExp) =>
  bad(
    `time zone ${JSON.stringify(zone)} is refused`,
    mute({ weekdays: ["monday"], location: zone }),
    `${P}:routing.muteTimings.0.intervals.0.location`,
    reason,
  );
const wholeSeconds = (key: string, path: string, value: string) =>
  bad(`${key}.${path} ${value} is refused (not whole seconds)`, set(`${P}:${key}`, path, value), `${P}:${key}.${path}`, /whole seconds/);
const invisible = (what: string, key: string, path: string, value: unknown, shown: string) =>
  bad(
    `${what} in ${key}.${path} is refused`,
    set(`${P}:${key}`, path, value),
    `${P}:${key}.${path}${Array.isArray(value) ? ".0" : ""}`,
    new RegExp(`contains .*${shown}`),
  );
const variable = (key: string, path: string, value: string, list = false) =>
  bad(
    `${value} in ${key}.${path} is refused`,
    set(`${P}:${key}`, path, list ? [value] : value),
    `${P}:${key}.${path}${list ? ".0" : ""}`,
    /Grafana expands its variables/,
  );
const forever = (name: string, interval: unknown) =>
  bad(
    `mute interval ${name} mutes forever`,
    mute(interval),
    `${P}:routing.muteTimings.0.intervals.0`,
    /covers every moment.*mutes forever/,
  );

const CASES: Case[] = [
  // Time zones: the tz database's exact names (Go's LoadLocation, hence amtool, is case-sensitive)
  tz("utc", /exactly as spelt, UTC/),
  tz("Utc", /exactly as spelt, UTC/),
  tz("europe/berlin", /exactly as spelt, Europe\/Berlin/),
  tz("EUROPE/BERLIN", /exactly as spelt, Europe\/Berlin/),
  tz("europe/Berlin", /exactly as spelt/),
  tz("us/eastern", /exactly as spelt/),
  tz("america/new_york", /exactly as spelt, America\/New_York/),
  tz("Mars/Olympus", /IANA time zone/),
  tz("UTC+1", /IANA time zone/),
  tz("Berlin", /IANA time zone/),
  tz("", /IANA time zone/),
  // Durations Grafana reads in whole seconds
  wholeSeconds("thresholds", "order5xx.window", "1ms"),
  wholeSeconds("thresholds", "order5xx.window", "1500ms"),
  wholeSeconds("thresholds", "metricIngestion.window", "1s500ms"),
  wholeSeconds("thresholds", "cpu.pendingPeriod", "500ms"),
  wholeSeconds("thresholds", "availability.pendingPeriod", "70s1ms"),
  wholeSeconds("thresholds", "orderFailures.keepFiringFor", "1ms"),
  wholeSeconds("slo", "fastBurn.shortWindow", "90500ms"),
  wholeSeconds("slo", "slowBurn.pendingPeriod", "999ms"),
  wholeSeconds("thresholds", "logsAbsent.window", "90001ms"),
  // Reserved uids
  bad("folder uid general is refused", set(`${P}:folder`, "uid", "general"), `${P}:folder.uid`, /reserved by Grafana/),
  bad("folder uid General is refused", set(`${P}:folder`, "uid", "General"), `${P}:folder.uid`, /reserved by Grafana/),
  bad("folder uid sharedwithme is refused", set(`${P}:folder`, "uid", "sharedwithme"), `${P}:folder.uid`, /reserved by Grafana/),
  bad("loki datasource uid -100 is refused", set(`${P}:datasources`, "loki", "-100"), `${P}:datasources.loki`, /reserved by Grafana/),
  bad(
    "prometheus datasource uid -100 is refused",
    set(`${P}:datasources`, "prometheus", "-100"),
    `${P}:datasources.prometheus`,
    /reserved by Grafana/,
  ),
  bad("datasource uid grafana is refused", set(`${P}:datasources`, "loki", "grafana"), `${P}:datasources.loki`, /reserved by Grafana/),
  bad(
    "datasource uid __expr__ is refused",
    set(`${P}:datasources`, "prometheus", "__expr__"),
    `${P}:datasources.prometheus`,
    /reserved by Grafana/,
  ),
  // Length limits
  bad("a folder title of 300 characters is refused", set(`${P}:folder`, "title", "T".repeat(300)), `${P}:folder.title`, /at most 189/),
  bad("a folder title of 190 characters is refused", set(`${P}:folder`, "title", "T".repeat(190)), `${P}:folder.title`, /at most 189/),
  bad("an empty folder title is refused", set(`${P}:folder`, "title", ""), `${P}:folder.title`, /is empty/),
  bad("a folder title of spaces is refused", set(`${P}:folder`, "title", "   "), `${P}:folder.title`, /leading or trailing spaces/),
  bad(
    "a folder title with a trailing space is refused",
    set(`${P}:folder`, "title", "JWT Pizza "),
    `${P}:folder.title`,
    /leading or trailing spaces/,
  ),
  bad(
    "a 200 KB team label is refused",
    set(`${P}:alerting`, "team", "t".repeat(200_000)),
    `${P}:alerting.team`,
    /at most 2048.*max_label_value_length/,
  ),
  bad("a source of 2049 characters is refused", set(`${P}:telemetry`, "source", "s".repeat(2049)), `${P}:telemetry.source`, /at most 2048/),
  bad(
    "a job of 2049 characters is refused",
    set(`${P}:syntheticMonitoring`, "job", "j".repeat(2049)),
    `${P}:syntheticMonitoring.job`,
    /at most 2048/,
  ),
  bad(
    "a metric-send error text of 1025 characters is refused",
    set(`${P}:telemetry`, "logs.metricSendErrors", ["e".repeat(1025)]),
    `${P}:telemetry.logs.metricSendErrors.0`,
    /at most 1024/,
  ),
  bad(
    "a label name of 1025 characters is refused",
    set(`${P}:telemetry`, "metricSourceLabel", "l".repeat(1025)),
    `${P}:telemetry.metricSourceLabel`,
    /max_label_name_length/,
  ),
  bad("an OnCall username of 151 characters is refused", oncall(["u".repeat(151)]), `${P}:escalation.users.0`, /at most 150/),
  // NUL, control and invisible characters
  invisible("a NUL", "folder", "title", "JWT\u0000Pizza", "U\\+0000"),
  invisible("a NUL", "alerting", "team", "pizza\u0000", "U\\+0000"),
  invisible("a NUL", "telemetry", "source", "jwt\u0000pizza", "U\\+0000"),
  invisible("a NUL", "syntheticMonitoring", "job", "pizza\u0000api", "U\\+0000"),
  invisible("a NUL", "telemetry", "logs.metricSendErrors", ["Failed\u0000"], "U\\+0000"),
  invisible("a NUL", "syntheticMonitoring", "bodyRegex", "welcome\u0000", "U\\+0000"),
  invisible("an escape", "folder", "title", "JWT \u001b[31mPizza", "U\\+001B"),
  invisible("a zero-width space", "alerting", "team", "piz\u200bza", "U\\+200B"),
  invisible("a right-to-left override", "telemetry", "source", "jwt\u202epizza", "U\\+202E"),
  invisible("a byte order mark", "telemetry", "logs.httpType", "\ufeffhttp", "U\\+FEFF"),
  invisible("a line separator", "folder", "title", "JWT\u2028Pizza", "U\\+2028"),
  invisible("a DEL", "syntheticMonitoring", "job", "pizza\u007f", "U\\+007F"),
  invisible("a C1 next-line", "folder", "title", "JWT\u0085Pizza", "U\\+0085"),
  invisible("a tab", "alerting", "team", "pi\tzza", "U\\+0009"),
  invisible("a carriage return", "telemetry", "logs.errorLevel", "error\r", "line break"),
  invisible("a zero-width joiner", "contacts", "teamEmail", "pizza\u200d@example.com", "U\\+200D"),
  invisible("a soft hyphen", "telemetry", "metrics.requests", "requests\u00adtotal", "U\\+00AD"),
  // Label names of Prometheus and Loki
  bad(
    "a label name with an accent is refused",
    set(`${P}:telemetry`, "metricSourceLabel", "sourçe"),
    `${P}:telemetry.metricSourceLabel`,
    /label name/,
  ),
  bad(
    "a label name in katakana is refused",
    set(`${P}:telemetry`, "logs.sourceLabel", "ソース"),
    `${P}:telemetry.logs.sourceLabel`,
    /label name/,
  ),
  bad(
    "a label name with a colon is refused (recording names only)",
    set(`${P}:telemetry`, "logs.typeLabel", "log:type"),
    `${P}:telemetry.logs.typeLabel`,
    /label name/,
  ),
  // Grafana's variables in any text that reaches a query
  variable("telemetry", "source", "$__range"),
  variable("telemetry", "source", "${source}"),
  variable("telemetry", "logs.httpType", "$__interval"),
  variable("telemetry", "logs.errorLevel", "[[level]]"),
  variable("syntheticMonitoring", "job", "$__rate_interval"),
  variable("alerting", "team", "${team}"),
  variable("telemetry", "logs.metricSendErrors", "$__range", true),
  variable("telemetry", "logs.metricSendErrors", "Failed ${x}", true),
  variable("telemetry", "logs.metricSendErrors", "[[var]] failed", true),
  // Mute timings covering all time in other spellings than {}
  forever("sunday:saturday", { weekdays: ["sunday:saturday"] }),
  forever("two weekday halves", { weekdays: ["sunday:wednesday", "thursday:saturday"] }),
  forever("every weekday listed", { weekdays: ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] }),
  forever("00:00-24:00", { times: [{ start: "00:00", end: "24:00" }] }),
  forever("two halves of the day", {
    times: [
      { start: "00:00", end: "12:00" },
      { start: "12:00", end: "24:00" },
    ],
  }),
  forever("months 1:12", { months: ["1:12"] }),
  forever("january:december", { months: ["january:december"] }),
  forever("months in two halves", { months: ["1:6", "july:december"] }),
  forever("days 1:31", { daysOfMonth: ["1:31"] }),
  forever("days -31:-1", { daysOfMonth: ["-31:-1"] }),
  forever("days 1:28 and the last three", { daysOfMonth: ["1:28", "-3:-1"] }),
  forever("all week all day", { weekdays: ["sunday:saturday"], times: [{ start: "00:00", end: "24:00" }] }),
  forever("all day every month", { times: [{ start: "00:00", end: "24:00" }], months: ["1:12"] }),
  // Thresholds outside what the metric can take
  bad(
    "cpu.percent 0 (always fires) is refused",
    set(`${P}:thresholds`, "cpu.percent", 0),
    `${P}:thresholds.cpu.percent`,
    /above 0 and below 100/,
  ),
  bad(
    "cpu.percent 100 (never fires) is refused",
    set(`${P}:thresholds`, "cpu.percent", 100),
    `${P}:thresholds.cpu.percent`,
    /above 0 and below 100/,
  ),
  bad(
    "memory.percent 101 is refused",
    set(`${P}:thresholds`, "memory.percent", 101),
    `${P}:thresholds.memory.percent`,
    /above 0 and below 100/,
  ),
  bad("memory.percent 150 is refused", set(`${P}:thresholds`, "memory.percent", 150), `${P}:thresholds.memory.percent`, /below 100/),
  bad(
    "factoryLatency.milliseconds 0 is refused",
    set(`${P}:thresholds`, "factoryLatency.milliseconds", 0),
    `${P}:thresholds.factoryLatency.milliseconds`,
    /above 0 ms/,
  ),
  bad(
    "factoryLatency.milliseconds negative is refused",
    set(`${P}:thresholds`, "factoryLatency.milliseconds", -5),
    `${P}:thresholds.factoryLatency.milliseconds`,
    /above 0 ms/,
  ),
  bad(
    "factoryLatency.milliseconds over an hour is refused",
    set(`${P}:thresholds`, "factoryLatency.milliseconds", 3_600_001),
    `${P}:thresholds.factoryLatency.milliseconds`,
    /at most 3600000/,
  ),
  bad(
    "orderFailures.minFailures 0 is refused",
    set(`${P}:thresholds`, "orderFailures.minFailures", 0),
    `${P}:thresholds.orderFailures.minFailures`,
    /at least 1/,
  ),
  bad(
    "orderFailures.minFailures 1e9 is refused",
    set(`${P}:thresholds`, "orderFailures.minFailures", 1e9),
    `${P}:thresholds.orderFailures.minFailures`,
    /at most 10000/,
  ),
  bad(
    "orderFailures.minFailures 2.5 is refused",
    set(`${P}:thresholds`, "orderFailures.minFailures", 2.5),
    `${P}:thresholds.orderFailures.minFailures`,
    /whole number/,
  ),
  bad("slo.minFailures 0 is refused", set(`${P}:slo`, "minFailures", 0), `${P}:slo.minFailures`, /at least 1/),
  bad("slo.minFailures 1e9 is refused", set(`${P}:slo`, "minFailures", 1e9), `${P}:slo.minFailures`, /at most 10000/),
  // Window order
  bad(
    "fastWindow equal to slowWindow is refused",
    set(`${P}:thresholds`, "orderFailures.fastWindow", "5m"),
    `${P}:thresholds.orderFailures.fastWindow`,
    /shorter than slowWindow/,
  ),
  bad(
    "fastWindow longer than slowWindow is refused",
    set(`${P}:thresholds`, "orderFailures.fastWindow", "10m"),
    `${P}:thresholds.orderFailures.fastWindow`,
    /shorter than slowWindow \(5m\)/,
  ),
  bad(
    "slowWindow shorter than fastWindow is refused",
    set(`${P}:thresholds`, "orderFailures.slowWindow", "30s"),
    `${P}:thresholds.orderFailures.fastWindow`,
    /shorter than slowWindow \(30s\)/,
  ),
  // runbookBaseUrl
  bad(
    "runbookBaseUrl with a query string is refused",
    set(`${P}:alerting`, "runbookBaseUrl", "https://github.com/x/runbooks?ref=main"),
    `${P}:alerting.runbookBaseUrl`,
    /query string or fragment/,
  ),
  bad(
    "runbookBaseUrl with a fragment is refused",
    set(`${P}:alerting`, "runbookBaseUrl", "https://github.com/x/runbooks#top"),
    `${P}:alerting.runbookBaseUrl`,
    /query string or fragment/,
  ),
  bad(
    "runbookBaseUrl ending in ? is refused",
    set(`${P}:alerting`, "runbookBaseUrl", "https://github.com/x/runbooks?"),
    `${P}:alerting.runbookBaseUrl`,
    /query string/,
  ),
  // Escalation usernames
  bad("a blank OnCall username is refused", oncall([""]), `${P}:escalation.users.0`, /is empty/),
  bad("an OnCall username of spaces is refused", oncall(["   "]), `${P}:escalation.users.0`, /leading or trailing spaces/),
  bad("a multi-line OnCall username is refused", oncall(["alice\nbob"]), `${P}:escalation.users.0`, /line break/),
  bad("an OnCall username with a leading space is refused", oncall([" alice"]), `${P}:escalation.users.0`, /leading or trailing spaces/),
  bad("the same OnCall username twice is refused", oncall(["alice", "alice"]), `${P}:escalation.users`, /each username once/),
  bad(
    "escalation users with on-call by webhook are refused",
    set(`${P}:escalation`, "users", ["alice"]),
    `${P}:escalation.users`,
    /only paged with contacts.onCall "grafana-oncall" \(it is "webhook"\)/,
  ),
  bad(
    "escalation users with on-call by PagerDuty are refused",
    all(set(`${P}:contacts`, "onCall", "none"), set(`${P}:escalation`, "users", ["alice"])),
    `${P}:escalation.users`,
    /it is "none"/,
  ),
  bad(
    "a multi-line escalateTo username is refused",
    all(oncall(["alice"]), set(`${P}:escalation`, "escalateTo", ["bob\r\n"])),
    `${P}:escalation.escalateTo.0`,
    /line break/,
  ),
  // Duplicate probes
  bad(
    "the same probe twice is refused",
    set(`${P}:syntheticMonitoring`, "probes", ["Atlanta", "Atlanta"]),
    `${P}:syntheticMonitoring.probes`,
    /each probe once/,
  ),
  bad(
    "a probe repeated among others is refused",
    set(`${P}:syntheticMonitoring`, "probes", ["Frankfurt", "Singapore", "Frankfurt"]),
    `${P}:syntheticMonitoring.probes`,
    /each probe once/,
  ),
  // Credentials in unusual spellings: refused, never echoed
  bad(
    "health check URL https:bot:S3CRET@ is refused",
    set(`${P}:syntheticMonitoring`, "url", `https:bot:${CANARY}@pizza.example.com/`),
    `${P}:syntheticMonitoring.url`,
    /without credentials|http\(s\) URL/,
  ),
  bad(
    "health check URL with backslashes is refused",
    set(`${P}:syntheticMonitoring`, "url", `https:\\\\bot:${CANARY}@pizza.example.com/`),
    `${P}:syntheticMonitoring.url`,
    /without credentials|http\(s\) URL/,
  ),
  bad(
    "health check URL with an encoded colon is refused",
    set(`${P}:syntheticMonitoring`, "url", `https://bot%3A${CANARY}@pizza.example.com/`),
    `${P}:syntheticMonitoring.url`,
    /without credentials/,
  ),
  bad(
    "health check URL with a token as the user is refused",
    set(`${P}:syntheticMonitoring`, "url", `https://${CANARY}@pizza.example.com/`),
    `${P}:syntheticMonitoring.url`,
    /without credentials/,
  ),
  bad(
    "health check URL in capitals with credentials is refused",
    set(`${P}:syntheticMonitoring`, "url", `HTTPS://bot:${CANARY}@pizza.example.com/`),
    `${P}:syntheticMonitoring.url`,
    /without credentials/,
  ),
  bad(
    "runbookBaseUrl https:bot:S3CRET@ is refused",
    set(`${P}:alerting`, "runbookBaseUrl", `https:bot:${CANARY}@github.com/x`),
    `${P}:alerting.runbookBaseUrl`,
    /without credentials|http\(s\) URL/,
  ),
  bad(
    "grafana:url https:admin:S3CRET@ is refused",
    (c) => (c["grafana:url"] = `https:admin:${CANARY}@jwtpizza.grafana.net`),
    "grafana:url",
    /must not carry credentials|http\(s\) URL/,
  ),
  bad(
    "grafana:url with an encoded at sign is refused",
    (c) => (c["grafana:url"] = `https://admin:${CANARY}%40@jwtpizza.grafana.net`),
    "grafana:url",
    /must not carry credentials/,
  ),
  bad(
    "grafana:url with one slash is refused",
    (c) => (c["grafana:url"] = `https:/admin:${CANARY}@jwtpizza.grafana.net`),
    "grafana:url",
    /must not carry credentials|http\(s\) URL/,
  ),
  bad(
    "a credential inside an unknown key is not echoed",
    set(`${P}:syntheticMonitoring`, "token", `https://x:${CANARY}@y`),
    `${P}:syntheticMonitoring.token`,
    /unknown key/,
  ),
  bad(
    "a credential URL in bodyRegex is refused (it is deployed in plain text)",
    set(`${P}:syntheticMonitoring`, "bodyRegex", `https://bot:${CANARY}@grafana.example.net/`),
    `${P}:syntheticMonitoring.bodyRegex`,
    /URL credentials.*plain text/,
  ),
  bad(
    "a credential URL as the team is refused without echo",
    set(`${P}:alerting`, "team", `https://x:${CANARY}@y`),
    `${P}:alerting.team`,
    /URL credentials/,
  ),
  bad(
    "a credential URL in a metric-send error text is refused",
    set(`${P}:telemetry`, "logs.metricSendErrors", [`POST https:bot:${CANARY}@x failed`]),
    `${P}:telemetry.logs.metricSendErrors.0`,
    /URL credentials/,
  ),
  bad(
    "a credential URL in the folder title is refused",
    set(`${P}:folder`, "title", `ftp://u:${CANARY}@h`),
    `${P}:folder.title`,
    /URL credentials/,
  ),
  // More of each class
  tz("Europe/Berlin ", /IANA time zone|exactly as spelt/),
  wholeSeconds("thresholds", "metricsAbsent.pendingPeriod", "1500ms"),
  wholeSeconds("slo", "fastBurn.longWindow", "3600001ms"),
  wholeSeconds("thresholds", "trafficAbsent.window", "5m1ms"),
  invisible("a NUL", "contacts", "slackChannel", "#pizza\u0000", "U\\+0000"),
  invisible("a vertical tab", "folder", "title", "JWT\u000bPizza", "U\\+000B"),
  variable("syntheticMonitoring", "job", "[[job]]"),
  forever("days 1:31 of months 1:12", { daysOfMonth: ["1:31"], months: ["1:12"] }),
  forever("weekdays spelt in three ranges", { weekdays: ["monday:friday", "saturday", "sunday"] }),
  bad("memory.percent 0 is refused", set(`${P}:thresholds`, "memory.percent", 0), `${P}:thresholds.memory.percent`, /above 0/),
  bad("cpu.percent 100.5 is refused", set(`${P}:thresholds`, "cpu.percent", 100.5), `${P}:thresholds.cpu.percent`, /below 100/),
];

describe("hostile stack files", () => {
  it("are at least 120, each distinct", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(120);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const dir = mkdtempSync(join(tmpdir(), "hostile-"));
    const out = join(dir, "out");
    const { message, lines } = renderProblems(writeChangedExample(dir, c.change, "Pulumi.hostile.yaml"), out);
    expect(lines.map((l) => l.slice(0, l.indexOf(": ")))).toEqual(c.keys);
    expect(lines[0]).toMatch(c.reason);
    expect(message).toMatch(/Nothing was rendered; .*out\/ is unchanged\.$/);
    expect(message).not.toContain(CANARY);
    expect(message).not.toMatch(/\n\s+at /);
    expect(listFiles(out)).toEqual([]);
  });
});

const GOOD: Array<[string, (c: StackConfig) => void]> = [
  ["the time zone UTC", mute({ weekdays: ["monday"], location: "UTC" })],
  ["the alias US/Eastern", mute({ weekdays: ["monday"], location: "US/Eastern" })],
  ["Etc/UTC", mute({ weekdays: ["monday"], location: "Etc/UTC" })],
  ["days 1:30 (the 31st is not muted)", mute({ daysOfMonth: ["1:30"] })],
  ["all week but a year only", mute({ weekdays: ["sunday:saturday"], years: ["2027"] })],
  ["times up to 23:59", mute({ times: [{ start: "00:00", end: "23:59" }] })],
];

describe("near misses that are fine", () => {
  it.each(GOOD)("%s renders", (_, change) => {
    const dir = mkdtempSync(join(tmpdir(), "near-"));
    expect(() => renderStack(writeChangedExample(dir, change, "Pulumi.hostile.yaml"), join(dir, "out"))).not.toThrow();
  });
});
