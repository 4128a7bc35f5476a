import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { problemLines, renderProblems, setConfig, writeChangedExample } from "../support/stack";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { main, renderStack } from "../../src/cli/render";
import { runMain } from "../support/cli";
import { EXAMPLE_STACK_FILE } from "../../src/config/paths";
import { ENCRYPTED_PLACEHOLDER } from "../../src/config/secret";

/**
 * Bad stack files, each run through render's path (`renderStack`, a few through the CLI itself):
 * render fails, prints one line per problem naming the key and the reason, and writes nothing.
 */

type StackConfig = Record<string, unknown>;
interface BadInput {
  name: string;
  change: (config: StackConfig) => void;
  /** The key each problem line names, in order: one line per problem. */
  keys: string[];
  /** What the (first) line says. */
  reason: RegExp;
}

const P = "pizza-observability";

const set = setConfig;
function top(key: string, value: unknown) {
  return (config: StackConfig) => {
    config[key] = value;
  };
}
function rename(from: string, to: string) {
  return (config: StackConfig) => {
    config[to] = config[from];
    delete config[from];
  };
}
const muteInterval = (interval: unknown) => set(`${P}:routing`, "muteTimings", [{ name: "chaos-testing", intervals: [interval] }]);

function bad(name: string, change: BadInput["change"], keys: string | string[], reason: RegExp): BadInput {
  return { name, change, keys: Array.isArray(keys) ? keys : [keys], reason };
}

const labelNames = (key: string) => [
  bad(`${key} __name__`, set(`${P}:telemetry`, key, "__name__"), `${P}:telemetry.${key}`, /reserved/),
  bad(`${key} with __ prefix`, set(`${P}:telemetry`, key, "__source"), `${P}:telemetry.${key}`, /reserved/),
  bad(`${key} starting with a digit`, set(`${P}:telemetry`, key, "1source"), `${P}:telemetry.${key}`, /label name/),
  bad(`${key} with a dash`, set(`${P}:telemetry`, key, "source-label"), `${P}:telemetry.${key}`, /label name/),
];
const templated = (key: string, path: string) => [
  bad(`{{ in ${key}.${path}`, set(`${P}:${key}`, path, "{{ $labels.team }}"), `${P}:${key}.${path}`, /\{\{ or \}\}.*template/),
  bad(`}} in ${key}.${path}`, set(`${P}:${key}`, path, "pizza}}"), `${P}:${key}.${path}`, /template/),
];
const windowsOf = (key: string, path: string) => [
  bad(`${key}.${path} 0s`, set(`${P}:${key}`, path, "0s"), `${P}:${key}.${path}`, /longer than 0/),
  bad(`${key}.${path} 0`, set(`${P}:${key}`, path, "0"), `${P}:${key}.${path}`, /longer than 0/),
  bad(`${key}.${path} overflowing`, set(`${P}:${key}`, path, "99999999999999999999w"), `${P}:${key}.${path}`, /out of range/),
  bad(`${key}.${path} beyond Loki's query length`, set(`${P}:${key}`, path, "31d"), `${P}:${key}.${path}`, /at most 30d/),
  bad(`${key}.${path} units out of order`, set(`${P}:${key}`, path, "30s1m"), `${P}:${key}.${path}`, /largest first/),
];
const numbers = (key: string, path: string) =>
  ["0x3c", " 60 ", "6e1", "Infinity", "1_000", "+60"].map((text) =>
    bad(`${key}.${path} written ${JSON.stringify(text)}`, set(`${P}:${key}`, path, text), `${P}:${key}.${path}`, /plain decimal/),
  );

const CASES: BadInput[] = [
  // Key space
  bad(
    "misspelt project namespace",
    top("pizza-observabilty:thresholds", { cpu: { percent: 90 } }),
    "pizza-observabilty:thresholds",
    /unknown namespace/,
  ),
  bad("grafana:URL", rename("grafana:url", "grafana:URL"), ["grafana:URL", "grafana:url"], /not a key of the grafana provider/),
  bad(
    "grafana provider key misspelt",
    top("grafana:smAccesToken", { secure: "v1:x" }),
    "grafana:smAccesToken",
    /not a key of the grafana provider/,
  ),
  bad("another provider's namespace", top("aws:region", "eu-west-1"), "aws:region", /unknown namespace "aws"/),
  bad("key without a namespace", top("thresholds", {}), "thresholds", /unknown namespace ""/),
  bad("namespace in capitals", top("Pizza-Observability:slo", { objectivePercent: 99.5 }), "Pizza-Observability:slo", /unknown namespace/),
  bad("unknown project key", top(`${P}:thresholdz`, {}), `${P}:thresholdz`, /unknown key/),
  bad("flattened nested key", top(`${P}:slo.fastBurn`, {}), `${P}:slo.fastBurn`, /unknown key/),
  bad("unknown nested key", set(`${P}:telemetry`, "sorce", "x"), `${P}:telemetry.sorce`, /unknown key/),
  bad("unknown threshold field", set(`${P}:thresholds`, "order5xx.windw", "5m"), `${P}:thresholds.order5xx.windw`, /unknown key/),
  bad("burn in lower case", set(`${P}:slo`, "fastburn", {}), `${P}:slo.fastburn`, /unknown key/),
  // Label names (Prometheus and Loki grammar; __ reserved)
  ...labelNames("metricSourceLabel"),
  bad("empty metricSourceLabel", set(`${P}:telemetry`, "metricSourceLabel", ""), `${P}:telemetry.metricSourceLabel`, /label name/),
  bad("logs.sourceLabel __meta", set(`${P}:telemetry`, "logs.sourceLabel", "__meta"), `${P}:telemetry.logs.sourceLabel`, /reserved/),
  bad("logs.typeLabel with a dot", set(`${P}:telemetry`, "logs.typeLabel", "type.name"), `${P}:telemetry.logs.typeLabel`, /label name/),
  bad("logs.levelLabel with a space", set(`${P}:telemetry`, "logs.levelLabel", "lev el"), `${P}:telemetry.logs.levelLabel`, /label name/),
  bad("reserved metric name", set(`${P}:telemetry`, "metrics.requests", "__requests"), `${P}:telemetry.metrics.requests`, /reserved/),
  bad(
    "metric name with a dash",
    set(`${P}:telemetry`, "metrics.requests", "requests-total"),
    `${P}:telemetry.metrics.requests`,
    /metric name/,
  ),
  bad(
    "recorded name starting with a digit",
    set(`${P}:telemetry`, "recorded.orderRequests", "1pizza:orders"),
    `${P}:telemetry.recorded.orderRequests`,
    /metric name/,
  ),
  // Label values: selectors, Grafana templating, Grafana custom variables
  ...templated("alerting", "team"),
  ...templated("telemetry", "source"),
  ...templated("telemetry", "logs.httpType"),
  ...templated("telemetry", "logs.errorLevel"),
  ...templated("syntheticMonitoring", "job"),
  bad("source with a comma", set(`${P}:telemetry`, "source", "jwt-pizza-service,other"), `${P}:telemetry.source`, /custom variables split/),
  bad("source with ' : '", set(`${P}:telemetry`, "source", "jwt-pizza-service : other"), `${P}:telemetry.source`, /custom variables split/),
  bad("source with a quote", set(`${P}:telemetry`, "source", 'jwt"pizza'), `${P}:telemetry.source`, /without "/),
  bad("source with a backslash", set(`${P}:telemetry`, "source", "jwt\\pizza"), `${P}:telemetry.source`, /without "/),
  bad(
    "source with a leading space",
    set(`${P}:telemetry`, "source", " jwt-pizza-service"),
    `${P}:telemetry.source`,
    /leading or trailing spaces/,
  ),
  bad("empty source", set(`${P}:telemetry`, "source", ""), `${P}:telemetry.source`, /non-empty/),
  bad("empty team", set(`${P}:alerting`, "team", ""), `${P}:alerting.team`, /non-empty/),
  bad("errorLevel with a newline", set(`${P}:telemetry`, "logs.errorLevel", "err\nor"), `${P}:telemetry.logs.errorLevel`, /newlines/),
  // runbookBaseUrl
  bad(
    "runbookBaseUrl with a template",
    set(`${P}:alerting`, "runbookBaseUrl", "https://runbooks.example.com/{{ $labels.alertname }}"),
    `${P}:alerting.runbookBaseUrl`,
    /template/,
  ),
  bad(
    "runbookBaseUrl with }}",
    set(`${P}:alerting`, "runbookBaseUrl", "https://runbooks.example.com/x}}"),
    `${P}:alerting.runbookBaseUrl`,
    /template/,
  ),
  bad("runbookBaseUrl not a URL", set(`${P}:alerting`, "runbookBaseUrl", "runbooks"), `${P}:alerting.runbookBaseUrl`, /http\(s\) URL/),
  bad(
    "runbookBaseUrl over ftp",
    set(`${P}:alerting`, "runbookBaseUrl", "ftp://example.com/runbooks"),
    `${P}:alerting.runbookBaseUrl`,
    /http\(s\) URL/,
  ),
  // Windows: zero, overflowing, too long, outside the grammar
  ...windowsOf("thresholds", "order5xx.window"),
  ...windowsOf("thresholds", "metricIngestion.window"),
  ...windowsOf("slo", "fastBurn.longWindow"),
  bad(
    "metricsAbsent.window 0ms",
    set(`${P}:thresholds`, "metricsAbsent.window", "0ms"),
    `${P}:thresholds.metricsAbsent.window`,
    /longer than 0/,
  ),
  bad("availability.window empty", set(`${P}:thresholds`, "availability.window", ""), `${P}:thresholds.availability.window`, /empty/),
  bad(
    "trafficAbsent.window negative",
    set(`${P}:thresholds`, "trafficAbsent.window", "-5m"),
    `${P}:thresholds.trafficAbsent.window`,
    /duration/,
  ),
  bad("window with a space", set(`${P}:thresholds`, "order5xx.window", "5 m"), `${P}:thresholds.order5xx.window`, /duration/),
  bad("window in minutes spelt out", set(`${P}:thresholds`, "order5xx.window", "5min"), `${P}:thresholds.order5xx.window`, /duration/),
  bad("window with a fraction", set(`${P}:thresholds`, "order5xx.window", "1.5h"), `${P}:thresholds.order5xx.window`, /duration/),
  bad("window repeating a unit", set(`${P}:thresholds`, "order5xx.window", "1m1m"), `${P}:thresholds.order5xx.window`, /at most once/),
  bad("slowBurn.longWindow of a year", set(`${P}:slo`, "slowBurn.longWindow", "1y"), `${P}:slo.slowBurn.longWindow`, /at most 30d/),
  bad(
    "fastBurn short window longer than the long one",
    set(`${P}:slo`, "fastBurn.shortWindow", "1h"),
    `${P}:slo.fastBurn.shortWindow`,
    /shorter than longWindow/,
  ),
  bad(
    "slowBurn short window equal to the long one",
    set(`${P}:slo`, "slowBurn.shortWindow", "6h"),
    `${P}:slo.slowBurn.shortWindow`,
    /shorter than longWindow/,
  ),
  // Pending periods: zero is meaningful, the grammar still applies
  bad(
    "pendingPeriod units out of order",
    set(`${P}:thresholds`, "cpu.pendingPeriod", "30s1m"),
    `${P}:thresholds.cpu.pendingPeriod`,
    /largest first/,
  ),
  bad(
    "pendingPeriod without a unit",
    set(`${P}:thresholds`, "memory.pendingPeriod", "5"),
    `${P}:thresholds.memory.pendingPeriod`,
    /duration/,
  ),
  bad(
    "pendingPeriod overflowing",
    set(`${P}:slo`, "fastBurn.pendingPeriod", "99999999999999999999w"),
    `${P}:slo.fastBurn.pendingPeriod`,
    /out of range/,
  ),
  bad(
    "pendingPeriod in capitals",
    set(`${P}:thresholds`, "factoryLatency.pendingPeriod", "2M"),
    `${P}:thresholds.factoryLatency.pendingPeriod`,
    /duration/,
  ),
  bad(
    "pendingPeriod as a number",
    set(`${P}:thresholds`, "metricsAbsent.pendingPeriod", 60),
    `${P}:thresholds.metricsAbsent.pendingPeriod`,
    /expected string/,
  ),
  // Burn factors that can never fire
  bad("fastBurn.factor 2000", set(`${P}:slo`, "fastBurn.factor", 2000), `${P}:slo.fastBurn.factor`, /can never fire.*expected below 1000/),
  bad("slowBurn.factor exactly 1 / budget", set(`${P}:slo`, "slowBurn.factor", 1000), `${P}:slo.slowBurn.factor`, /can never fire/),
  bad("fastBurn.factor 0", set(`${P}:slo`, "fastBurn.factor", 0), `${P}:slo.fastBurn.factor`, /above 0/),
  bad("fastBurn.factor negative", set(`${P}:slo`, "fastBurn.factor", -1), `${P}:slo.fastBurn.factor`, /above 0/),
  bad(
    "objective so low the page cannot fire",
    set(`${P}:slo`, "objectivePercent", 90),
    `${P}:slo.fastBurn.factor`,
    /can never fire.*expected below 10/,
  ),
  bad(
    "availability successRatio 0",
    set(`${P}:thresholds`, "availability.successRatio", 0),
    `${P}:thresholds.availability.successRatio`,
    /can never fire/,
  ),
  bad("objective of 100%", set(`${P}:slo`, "objectivePercent", 100), `${P}:slo.objectivePercent`, /below 100/),
  bad("objective with a percent sign", set(`${P}:slo`, "objectivePercent", "99.9%"), `${P}:slo.objectivePercent`, /plain decimal/),
  // Numbers are plain decimals
  ...numbers("thresholds", "order5xx.count"),
  bad(
    "frequencySeconds in hex",
    set(`${P}:syntheticMonitoring`, "frequencySeconds", "0x3c"),
    `${P}:syntheticMonitoring.frequencySeconds`,
    /plain decimal/,
  ),
  bad(
    "timeoutSeconds in exponent notation",
    set(`${P}:syntheticMonitoring`, "timeoutSeconds", "1e1"),
    `${P}:syntheticMonitoring.timeoutSeconds`,
    /plain decimal/,
  ),
  bad(
    "evaluationIntervalSeconds padded",
    set(`${P}:alerting`, "evaluationIntervalSeconds", " 60 "),
    `${P}:alerting.evaluationIntervalSeconds`,
    /plain decimal/,
  ),
  bad(
    "group interval with a plus sign",
    set(`${P}:alerting`, "groupEvaluationIntervalSeconds.orders", "+30"),
    `${P}:alerting.groupEvaluationIntervalSeconds.orders`,
    /plain decimal/,
  ),
  bad("afterMinutes in exponent notation", set(`${P}:escalation`, "afterMinutes", "15e0"), `${P}:escalation.afterMinutes`, /plain decimal/),
  bad(
    "successRatio in exponent notation",
    set(`${P}:thresholds`, "availability.successRatio", "9e-1"),
    `${P}:thresholds.availability.successRatio`,
    /plain decimal/,
  ),
  bad("cpu percent in words", set(`${P}:thresholds`, "cpu.percent", "eighty"), `${P}:thresholds.cpu.percent`, /plain decimal/),
  bad("minFailures with a trailing space", set(`${P}:slo`, "minFailures", "2 "), `${P}:slo.minFailures`, /plain decimal/),
  // Synthetic Monitoring runs Go: RE2 only
  bad(
    "bodyRegex with a lookbehind",
    set(`${P}:syntheticMonitoring`, "bodyRegex", "(?<=welcome) to"),
    `${P}:syntheticMonitoring.bodyRegex`,
    /RE2/,
  ),
  bad(
    "bodyRegex with a lookahead",
    set(`${P}:syntheticMonitoring`, "bodyRegex", "welcome(?= to)"),
    `${P}:syntheticMonitoring.bodyRegex`,
    /RE2/,
  ),
  bad(
    "bodyRegex with a backreference",
    set(`${P}:syntheticMonitoring`, "bodyRegex", "(JWT) \\1"),
    `${P}:syntheticMonitoring.bodyRegex`,
    /RE2/,
  ),
  bad(
    "bodyRegex with a JS-only class name",
    set(`${P}:syntheticMonitoring`, "bodyRegex", "\\p{Letter}+"),
    `${P}:syntheticMonitoring.bodyRegex`,
    /RE2/,
  ),
  bad("bodyRegex unbalanced", set(`${P}:syntheticMonitoring`, "bodyRegex", "(welcome"), `${P}:syntheticMonitoring.bodyRegex`, /RE2/),
  bad(
    "bodyRegex with {{",
    set(`${P}:syntheticMonitoring`, "bodyRegex", "welcome {{ .Value }}"),
    `${P}:syntheticMonitoring.bodyRegex`,
    /alert descriptions.*templates/,
  ),
  bad(
    "health check URL with {{",
    set(`${P}:syntheticMonitoring`, "url", "https://pizza.example.com/{{x}}"),
    `${P}:syntheticMonitoring.url`,
    /templates/,
  ),
  bad(
    "metric-send error text with }}",
    set(`${P}:telemetry`, "logs.metricSendErrors", ["Failed }} to send"]),
    `${P}:telemetry.logs.metricSendErrors.0`,
    /templates/,
  ),
  bad("bodyRegex empty", set(`${P}:syntheticMonitoring`, "bodyRegex", ""), `${P}:syntheticMonitoring.bodyRegex`, /regular expression/),
  // Credentials must be Pulumi secrets
  bad(
    "heartbeatUrl in plaintext",
    top(`${P}:heartbeatUrl`, "https://heartbeat.example.net/ping/S3CRET"),
    `${P}:heartbeatUrl`,
    /plaintext.*pulumi config set --secret/,
  ),
  bad(
    "onCallWebhookUrl in plaintext",
    top(`${P}:onCallWebhookUrl`, "https://oncall.example.net/S3CRET"),
    `${P}:onCallWebhookUrl`,
    /plaintext/,
  ),
  bad(
    "slackWebhookUrl in plaintext",
    top(`${P}:slackWebhookUrl`, "https://hooks.slack.example/S3CRET"),
    `${P}:slackWebhookUrl`,
    /plaintext/,
  ),
  bad(
    "pagerDutyIntegrationKey in plaintext",
    top(`${P}:pagerDutyIntegrationKey`, "S3CRET-key"),
    `${P}:pagerDutyIntegrationKey`,
    /plaintext/,
  ),
  bad("grafana:auth in plaintext", top("grafana:auth", "glsa_S3CRET"), "grafana:auth", /plaintext/),
  bad("grafana:smAccessToken in plaintext", top("grafana:smAccessToken", "S3CRET"), "grafana:smAccessToken", /plaintext/),
  bad("grafana:oncallAccessToken in plaintext", top("grafana:oncallAccessToken", "S3CRET"), "grafana:oncallAccessToken", /plaintext/),
  bad("the ciphertext stand-in written as plaintext", top(`${P}:heartbeatUrl`, ENCRYPTED_PLACEHOLDER), `${P}:heartbeatUrl`, /plaintext/),
  // grafana:url
  bad(
    "grafana:url with user:password",
    top("grafana:url", "https://admin:S3CRET@jwtpizza.grafana.net"),
    "grafana:url",
    /must not carry credentials.*grafana:auth/,
  ),
  bad("grafana:url without a scheme", top("grafana:url", "jwtpizza.grafana.net"), "grafana:url", /http\(s\) URL/),
  bad("grafana:url missing", (c) => delete c["grafana:url"], "grafana:url", /is required/),
  // Mute timings
  bad(
    "mute interval {} (mutes forever)",
    muteInterval({}),
    `${P}:routing.muteTimings.0.intervals.0`,
    /at least one of times.*mutes forever/,
  ),
  bad(
    "mute interval with a location only",
    muteInterval({ location: "Europe/Berlin" }),
    `${P}:routing.muteTimings.0.intervals.0`,
    /mutes forever/,
  ),
  bad(
    "mute interval with empty lists",
    muteInterval({ weekdays: [], times: [] }),
    `${P}:routing.muteTimings.0.intervals.0`,
    /mutes forever/,
  ),
  bad(
    "mute timing without intervals",
    set(`${P}:routing`, "muteTimings", [{ name: "chaos-testing", intervals: [] }]),
    `${P}:routing.muteTimings.0.intervals`,
    /at least one interval/,
  ),
  bad(
    "mute weekday misspelt",
    muteInterval({ weekdays: ["funday"] }),
    `${P}:routing.muteTimings.0.intervals.0.weekdays.0`,
    /monday:friday/,
  ),
  bad(
    "mute times ending before they start",
    muteInterval({ times: [{ start: "16:00", end: "14:00" }] }),
    `${P}:routing.muteTimings.0.intervals.0.times.0.end`,
    /before end/,
  ),
  bad("mute month 13", muteInterval({ months: ["13"] }), `${P}:routing.muteTimings.0.intervals.0.months.0`, /march:may/),
  bad(
    "mute location unknown",
    muteInterval({ weekdays: ["monday"], location: "Mars/Olympus" }),
    `${P}:routing.muteTimings.0.intervals.0.location`,
    /IANA/,
  ),
  bad(
    "muting the watchdog",
    set(`${P}:routing`, "muteTimings", [{ name: "x", routes: ["watchdog"], intervals: [{ weekdays: ["monday"] }] }]),
    `${P}:routing.muteTimings.0.routes.0`,
    /never muted/,
  ),
  bad(
    "mute timing name with spaces",
    set(`${P}:routing`, "muteTimings", [{ name: "Chaos Testing", intervals: [{ weekdays: ["monday"] }] }]),
    `${P}:routing.muteTimings.0.name`,
    /lowercase/,
  ),
  // Other values Grafana or the provider would reject halfway through `pulumi up`
  bad("datasource uid with spaces", set(`${P}:datasources`, "loki", "grafana cloud logs"), `${P}:datasources.loki`, /Grafana uid/),
  bad("folder uid over 40 characters", set(`${P}:folder`, "uid", "f".repeat(41)), `${P}:folder.uid`, /Grafana uid/),
  bad("team email not an address", set(`${P}:contacts`, "teamEmail", "pizza-team"), `${P}:contacts.teamEmail`, /email/),
  bad("unknown on-call integration", set(`${P}:contacts`, "onCall", "opsgenie"), `${P}:contacts.onCall`, /grafana-oncall/),
  bad("Slack channel with spaces", set(`${P}:contacts`, "slackChannel", "Pizza Alerts"), `${P}:contacts.slackChannel`, /Slack channel/),
  bad("no probes", set(`${P}:syntheticMonitoring`, "probes", []), `${P}:syntheticMonitoring.probes`, /at least one probe/),
  bad(
    "probe name with a space",
    set(`${P}:syntheticMonitoring`, "probes", ["New York"]),
    `${P}:syntheticMonitoring.probes.0`,
    /probe name/,
  ),
  bad(
    "timeout longer than the frequency",
    set(`${P}:syntheticMonitoring`, "timeoutSeconds", 120),
    `${P}:syntheticMonitoring.timeoutSeconds`,
    /frequencySeconds/,
  ),
  bad(
    "health check URL without a scheme",
    set(`${P}:syntheticMonitoring`, "url", "pizza.example.com"),
    `${P}:syntheticMonitoring.url`,
    /http\(s\) URL/,
  ),
  bad(
    "interval off Grafana's 10 s tick",
    set(`${P}:alerting`, "evaluationIntervalSeconds", 15),
    `${P}:alerting.evaluationIntervalSeconds`,
    /multiple of 10/,
  ),
  bad(
    "escalation without grafana-oncall",
    set(`${P}:escalation`, "enabled", true),
    [`${P}:escalation.enabled`, `${P}:escalation.escalateTo`],
    /grafana-oncall/,
  ),
  bad(
    "no metric-send error patterns",
    set(`${P}:telemetry`, "logs.metricSendErrors", []),
    `${P}:telemetry.logs.metricSendErrors`,
    /at least one pattern/,
  ),
];

function exampleStack(): { config: StackConfig } & Record<string, unknown> {
  return parse(readFileSync(EXAMPLE_STACK_FILE, "utf8"));
}

describe("bad stack files", () => {
  it("are at least 100, each distinct", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it("the unchanged example renders (so each case fails for its own change)", () => {
    const dir = mkdtempSync(join(tmpdir(), "good-stack-"));
    const file = join(dir, "Pulumi.good.yaml");
    writeFileSync(file, stringify(exampleStack(), { version: "1.1" }));
    expect(() => renderStack(file, join(dir, "out"))).not.toThrow();
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s: one line per problem naming the key, nothing written", (_, c) => {
    const dir = mkdtempSync(join(tmpdir(), "bad-stack-"));
    const out = join(dir, "out");
    const { message, lines } = renderProblems(writeChangedExample(dir, c.change, "Pulumi.bad.yaml"), out);
    expect(lines.map((l) => l.slice(0, l.indexOf(": ")))).toEqual(c.keys);
    expect(lines[0]).toMatch(c.reason);
    expect(message).toMatch(/Nothing was rendered; .*out\/ is unchanged\.$/);
    expect(message).not.toContain("S3CRET");
    expect(existsSync(out)).toBe(false);
  });
});

/** The render CLI's entry point in this process (test/cli/render.test.ts runs it as a real process). */
async function cli(stackFile: string, out: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const run = await runMain(main, ["--stack-file", stackFile, "--out", out]);
  return { status: run.code, stdout: run.stdout, stderr: run.stderr };
}

describe("bad stack files through the render CLI", () => {
  const picked = [
    "grafana:URL",
    "mute interval {} (mutes forever)",
    "heartbeatUrl in plaintext",
    "grafana:url with user:password",
    "fastBurn.factor 2000",
  ];

  it("exit 2, print one line per problem naming the key, write nothing", async () => {
    const runs = await Promise.all(
      picked.map(async (name) => {
        const c = CASES.find((x) => x.name === name)!;
        const dir = mkdtempSync(join(tmpdir(), "bad-stack-cli-"));
        const out = join(dir, "out");
        return { c, out, run: await cli(writeChangedExample(dir, c.change, "Pulumi.bad.yaml"), out) };
      }),
    );
    for (const { c, out, run } of runs) {
      expect(run.status, c.name).toBe(2);
      expect(run.stdout).toBe("");
      const lines = problemLines(run.stderr);
      expect(lines.map((l) => l.slice(0, l.indexOf(": ")))).toEqual(c.keys);
      expect(lines[0]).toMatch(c.reason);
      expect(run.stderr).toContain("Nothing was rendered;");
      expect(run.stderr).not.toContain("S3CRET");
      expect(existsSync(out)).toBe(false);
    }
  });
});
