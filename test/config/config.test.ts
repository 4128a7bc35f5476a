import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/schema";
import { InvalidDefinitionError } from "../../src/config/errors";
import { Secret } from "../../src/config/secret";
import { containsSecret, exampleConfig, PAGERDUTY_SECRET } from "../support/stack";

function problemsOf(raw: Record<string, unknown>): string[] {
  try {
    parseConfig(raw);
  } catch (e) {
    if (e instanceof InvalidDefinitionError) return e.problems;
    throw e;
  }
  throw new Error("expected the config to be rejected");
}

describe("stack config", () => {
  it("accepts the example stack and fills in the telemetry contract's defaults", () => {
    const cfg = parseConfig(exampleConfig({ "pizza-observability:telemetry": undefined }));
    expect(cfg.grafanaUrl).toBe("https://jwtpizza.grafana.net");
    expect(cfg.datasources).toEqual({ loki: "grafanacloud-logs", prometheus: "grafanacloud-prom" });
    expect(cfg.telemetry.source).toBe("jwt-pizza-service");
    expect(cfg.telemetry.logs).toEqual({
      sourceLabel: "component",
      typeLabel: "type",
      httpType: "http",
      factoryType: "factory",
      levelLabel: "level",
      errorLevel: "error",
      metricSendErrors: ["Failed to send metric", "ECONNRESET", "UND_ERR_CONNECT_TIMEOUT"],
    });
    expect(cfg.telemetry.metrics.activeUsers).toBe("active_users_ratio");
    expect(cfg.telemetry.metrics.requests).toBe("requests_total");
    expect(cfg.thresholds.order5xx).toEqual({ count: 2, window: "2m", pendingPeriod: "0s", keepFiringFor: "5m" });
    expect(cfg.onCallWebhookUrl).toBeInstanceOf(Secret);
    expect(cfg.telemetry.logs.metricSendErrors).toEqual(["Failed to send metric", "ECONNRESET", "UND_ERR_CONNECT_TIMEOUT"]);
    expect(cfg.telemetry.recorded).toEqual({
      orderRequests: "pizza:order_requests:count1m",
      orderFailures: "pizza:order_failures:count1m",
      httpRequests: "pizza:http_requests:count1m",
      metricSendFailures: "pizza:metric_send_failures:count1m",
      orderServerErrors: "pizza:order_server_errors:count1m",
    });
  });

  it("fills in the alert catalogue's defaults when only the required keys are set", () => {
    const cfg = parseConfig(
      exampleConfig({
        "pizza-observability:thresholds": undefined,
        "pizza-observability:slo": undefined,
        "pizza-observability:syntheticMonitoring": { url: "https://pizza-service.example.com/" },
        "pizza-observability:alerting": { runbookBaseUrl: "https://example.com/runbooks" },
      }),
    );
    // The values are the schema's (docs/configuration.md is generated from it, and test/review/generated-docs.test.ts
    // compares each default there with what parsing applies): here, that every one of them is filled in.
    for (const [name, group] of Object.entries(cfg.thresholds)) {
      for (const [field, value] of Object.entries(group)) expect(value, `thresholds.${name}.${field}`).toBeDefined();
    }
    expect(Object.keys(cfg.thresholds).length).toBeGreaterThan(8);
    expect(Object.values(cfg.slo.fastBurn).every((v) => v !== undefined)).toBe(true);
    expect(Object.keys(cfg.alerting.groupEvaluationIntervalSeconds).length).toBeGreaterThan(0);
    expect(cfg.syntheticMonitoring.probes.length).toBeGreaterThan(0);
  });

  it("names the key of every bad alert catalogue setting", () => {
    const problems = problemsOf(
      exampleConfig({
        "pizza-observability:thresholds": {
          cpu: { percent: -1 },
          availability: { successRatio: 1.5 },
          metricsAbsent: { window: "2 minutes" },
        },
        "pizza-observability:slo": { objectivePercent: 100, fastBurn: { factor: -14.4 } },
        "pizza-observability:telemetry": { logs: { metricSendErrors: [] }, recorded: { orderFailures: "pizza order failures" } },
        "pizza-observability:alerting": { runbookBaseUrl: "https://example.com/runbooks", groupEvaluationIntervalSeconds: { slo: 5 } },
      }),
    );
    expect(problems.map((p) => p.split(": ")[0]).sort()).toEqual([
      "pizza-observability:alerting.groupEvaluationIntervalSeconds.slo",
      "pizza-observability:slo.fastBurn.factor",
      "pizza-observability:slo.objectivePercent",
      "pizza-observability:telemetry.logs.metricSendErrors",
      "pizza-observability:telemetry.recorded.orderFailures",
      "pizza-observability:thresholds.availability.successRatio",
      "pizza-observability:thresholds.cpu.percent",
      "pizza-observability:thresholds.metricsAbsent.window",
    ]);
    expect(problems).toContain(
      "pizza-observability:thresholds.cpu.percent: expected a percentage above 0 and below 100 (the gauge reads 0-100) (got -1)",
    );
  });

  it("requires the health check's URL while Synthetic Monitoring is enabled, and rejects a bad probe setting", () => {
    expect(problemsOf(exampleConfig({ "pizza-observability:syntheticMonitoring": { enabled: true } }))).toEqual([
      "pizza-observability:syntheticMonitoring.url: is required (the health check needs a URL when syntheticMonitoring.enabled is true)",
    ]);
    expect(
      parseConfig(exampleConfig({ "pizza-observability:syntheticMonitoring": { enabled: false } })).syntheticMonitoring.url,
    ).toBeUndefined();
    const problems = problemsOf(
      exampleConfig({
        "pizza-observability:syntheticMonitoring": {
          url: "ftp://x",
          probes: ["New York"],
          bodyRegex: "welcome(",
          frequencySeconds: 5000,
          typo: 1,
        },
      }),
    );
    expect(problems.map((p) => p.split(": ")[0]).sort()).toEqual([
      "pizza-observability:syntheticMonitoring.bodyRegex",
      "pizza-observability:syntheticMonitoring.frequencySeconds",
      "pizza-observability:syntheticMonitoring.probes.0",
      "pizza-observability:syntheticMonitoring.typo",
      "pizza-observability:syntheticMonitoring.url",
    ]);
  });

  it("decodes structured values the way Pulumi hands them over, as JSON text", () => {
    const cfg = parseConfig(
      exampleConfig({
        "pizza-observability:datasources": JSON.stringify({ loki: "logs-uid", prometheus: "prom-uid" }),
        "pizza-observability:telemetry": JSON.stringify({ logs: { sourceLabel: "source", httpType: "http-req" } }),
      }),
    );
    expect(cfg.datasources.loki).toBe("logs-uid");
    expect(cfg.telemetry.logs.sourceLabel).toBe("source");
    expect(cfg.telemetry.logs.httpType).toBe("http-req");
  });

  it("names the key of a missing datasource uid", () => {
    expect(problemsOf(exampleConfig({ "pizza-observability:datasources": { loki: "grafanacloud-logs" } }))).toEqual([
      "pizza-observability:datasources.prometheus: is required",
    ]);
  });

  it("names the key of a bad URL and shows the bad value", () => {
    expect(problemsOf(exampleConfig({ "grafana:url": "not a url" }))).toEqual(['grafana:url: expected an http(s) URL (got "not a url")']);
  });

  it("names the key of a negative threshold", () => {
    const problems = problemsOf(exampleConfig({ "pizza-observability:thresholds": { order5xx: { count: -1 } } }));
    expect(problems).toEqual(["pizza-observability:thresholds.order5xx.count: expected a number >= 0 (got -1)"]);
  });

  it("reports every problem at once, one line each", () => {
    const problems = problemsOf(
      exampleConfig({
        "grafana:url": "ftp://grafana",
        "pizza-observability:datasources": {},
        "pizza-observability:thresholds": { order5xx: { window: "five minutes" } },
      }),
    );
    expect(problems).toHaveLength(4);
    expect(problems.map((p) => p.split(":").slice(0, 2).join(":"))).toEqual([
      "grafana:url",
      "pizza-observability:datasources.loki",
      "pizza-observability:datasources.prometheus",
      "pizza-observability:thresholds.order5xx.window",
    ]);
  });

  it("rejects misspelt keys instead of silently using defaults", () => {
    expect(problemsOf(exampleConfig({ "pizza-observability:treshold": { x: 1 } }))).toEqual([
      "pizza-observability:treshold: unknown key (check its spelling against docs/configuration.md)",
    ]);
    expect(problemsOf(exampleConfig({ "pizza-observability:telemetry": { metrics: { request: "x_total" } } }))).toEqual([
      "pizza-observability:telemetry.metrics.request: unknown key (check its spelling against docs/configuration.md)",
    ]);
  });

  it("rejects names that would break every query", () => {
    const problems = problemsOf(
      exampleConfig({ "pizza-observability:telemetry": { source: 'jwt"pizza', metrics: { requests: "requests-total" } } }),
    );
    expect(problems[0]).toMatch(/^pizza-observability:telemetry\.source: /);
    expect(problems[1]).toMatch(/^pizza-observability:telemetry\.metrics\.requests: expected a Prometheus metric name/);
  });

  it("requires the credential of the chosen on-call integration", () => {
    expect(problemsOf(exampleConfig({ "pizza-observability:contacts": { teamEmail: "team@example.com", onCall: "pagerduty" } }))).toEqual([
      'pizza-observability:pagerDutyIntegrationKey: is required (is required when contacts.onCall is "pagerduty")',
    ]);
    const cfg = parseConfig(
      exampleConfig({
        "pizza-observability:contacts": { teamEmail: "team@example.com", onCall: "pagerduty" },
        "pizza-observability:pagerDutyIntegrationKey": PAGERDUTY_SECRET,
      }),
    );
    expect(cfg.pagerDutyIntegrationKey?.reveal()).toBe(PAGERDUTY_SECRET);
  });

  it("never echoes a credential in an error, a string or JSON", () => {
    const problems = problemsOf(exampleConfig({ "pizza-observability:onCallWebhookUrl": 12345 }));
    expect(problems).toEqual(["pizza-observability:onCallWebhookUrl: Invalid input: expected string, received number"]);
    const cfg = parseConfig(exampleConfig());
    const printed = [String(cfg.onCallWebhookUrl), JSON.stringify(cfg), `${cfg.onCallWebhookUrl}`].join("\n");
    expect(containsSecret(printed)).toBe(false);
    expect(printed).toContain("[REDACTED]");
  });
});

describe("routing config", () => {
  const contacts = (extra: Record<string, unknown> = {}) => ({
    "pizza-observability:contacts": { teamEmail: "team@example.com", onCall: "webhook", ...extra },
  });
  const mute = (timing: Record<string, unknown>) => ({
    "pizza-observability:routing": { muteTimings: [{ name: "chaos", intervals: [{ weekdays: ["monday"] }], ...timing }] },
  });

  it("requires the heartbeat URL, a secret whose value is never shown", () => {
    const raw = exampleConfig();
    delete raw["pizza-observability:heartbeatUrl"];
    expect(problemsOf(raw)).toEqual(["pizza-observability:heartbeatUrl: is required"]);
    const cfg = parseConfig(exampleConfig());
    expect(cfg.heartbeatUrl).toBeInstanceOf(Secret);
    expect(cfg.slackWebhookUrl).toBeInstanceOf(Secret);
  });

  it("needs the Slack webhook for a Slack channel", () => {
    const raw = exampleConfig(contacts({ slackChannel: "#pizza" }));
    delete raw["pizza-observability:slackWebhookUrl"];
    expect(problemsOf(raw)).toEqual(["pizza-observability:slackWebhookUrl: is required (is required when contacts.slackChannel is set)"]);
    expect(problemsOf(exampleConfig(contacts({ slackChannel: "pizza alerts" })))[0]).toMatch(
      /^pizza-observability:contacts\.slackChannel: expected a Slack channel/,
    );
    expect(problemsOf(exampleConfig(contacts({ observabilityEmail: "nope" })))).toEqual([
      'pizza-observability:contacts.observabilityEmail: expected an email address (got "nope")',
    ]);
  });

  it("defaults mute timings to the ticket route only: pages are never muted unless listed", () => {
    const cfg = parseConfig(exampleConfig(mute({})));
    expect(cfg.routing.muteTimings[0].routes).toEqual(["ticket"]);
    expect(parseConfig(exampleConfig()).routing.muteTimings.flatMap((t) => t.routes)).not.toContain("page");
    expect(parseConfig(exampleConfig({ "pizza-observability:routing": undefined })).routing.muteTimings).toEqual([]);
  });

  it("validates mute timing windows, naming the key", () => {
    const problems = problemsOf(
      exampleConfig(
        mute({
          intervals: [
            {
              times: [
                { start: "9:00", end: "25:00" },
                { start: "16:00", end: "14:00" },
              ],
              weekdays: ["friday:monday", "funday"],
              daysOfMonth: ["-1:5"],
              months: ["13"],
              years: ["25"],
              location: "Mars/Olympus",
            },
          ],
        }),
      ),
    );
    const key = "pizza-observability:routing.muteTimings.0.intervals.0";
    expect(problems).toEqual([
      `${key}.times.0.start: expected a time of day HH:MM between 00:00 and 24:00 (got "9:00")`,
      `${key}.times.0.end: expected a time of day HH:MM between 00:00 and 24:00 (got "25:00")`,
      `${key}.times.1.end: start must be before end (got "14:00")`,
      `${key}.weekdays.0: expected the range to start before it ends (got "friday:monday")`,
      `${key}.weekdays.1: expected a value or range such as monday:friday or saturday (got "funday")`,
      `${key}.daysOfMonth.0: expected both days counted from the same end of the month (got "-1:5")`,
      `${key}.months.0: expected a value or range such as march:may or 12 (got "13")`,
      `${key}.years.0: expected a value or range such as 2025 or 2025:2026 (got "25")`,
      `${key}.location: expected an IANA time zone such as Europe/Berlin (got "Mars/Olympus")`,
    ]);
  });

  it("never mutes the watchdog route, and rejects duplicate mute timing names", () => {
    expect(problemsOf(exampleConfig(mute({ routes: ["page", "watchdog"] })))).toEqual([
      'pizza-observability:routing.muteTimings.0.routes.1: expected one of page, ticket, telemetry, datasource-errors (the watchdog route is never muted) (got "watchdog")',
    ]);
    const twice = { name: "chaos", intervals: [{ weekdays: ["monday"] }] };
    expect(problemsOf(exampleConfig({ "pizza-observability:routing": { muteTimings: [twice, twice] } }))[0]).toMatch(
      /^pizza-observability:routing\.muteTimings: mute timing names must be unique/,
    );
  });

  it("needs OnCall users for grafana-oncall, and grafana-oncall plus escalation engineers for escalation", () => {
    expect(problemsOf(exampleConfig(contacts({ onCall: "grafana-oncall" })))).toEqual([
      'pizza-observability:escalation.users: is required (expected at least one OnCall username when contacts.onCall is "grafana-oncall")',
    ]);
    expect(problemsOf(exampleConfig({ ...contacts(), "pizza-observability:escalation": { enabled: true } }))).toEqual([
      'pizza-observability:escalation.enabled: escalation needs contacts.onCall "grafana-oncall" (got true)',
      "pizza-observability:escalation.escalateTo: is required (expected at least one OnCall username when escalation.enabled is true)",
    ]);
    const cfg = parseConfig(
      exampleConfig({
        ...contacts({ onCall: "grafana-oncall" }),
        "pizza-observability:escalation": { users: ["alice"], enabled: true, escalateTo: ["bob"] },
      }),
    );
    expect(cfg.escalation).toEqual({ users: ["alice"], enabled: true, afterMinutes: 15, escalateTo: ["bob"] });
  });
});

describe("values as `pulumi config set --path` stores them", () => {
  it("reads decimals stored as text, and whole numbers in a range list, as the numbers they spell", () => {
    const cfg = parseConfig(
      exampleConfig({
        "pizza-observability:slo": JSON.stringify({ objectivePercent: "99.5", fastBurn: { factor: "14.4" } }),
        "pizza-observability:thresholds": JSON.stringify({ availability: { successRatio: "0.95" }, cpu: { percent: 75 } }),
        "pizza-observability:routing": JSON.stringify({ muteTimings: [{ name: "chaos", intervals: [{ years: [2027], months: ["3"] }] }] }),
      }),
    );
    expect(cfg.slo.objectivePercent).toBe(99.5);
    expect(cfg.slo.fastBurn.factor).toBe(14.4);
    expect(cfg.thresholds.availability.successRatio).toBe(0.95);
    expect(cfg.routing.muteTimings[0].intervals[0]).toMatchObject({ years: ["2027"], months: ["3"] });
  });

  it("still rejects text that is not a number, naming the key", () => {
    expect(problemsOf(exampleConfig({ "pizza-observability:slo": { objectivePercent: "ninety-nine" } }))).toEqual([
      'pizza-observability:slo.objectivePercent: expected a number written in plain decimal, such as 60 or 99.5 (got "ninety-nine")',
    ]);
  });
});

describe("values Grafana or the provider would reject halfway through `pulumi up`", () => {
  it("rejects a rule group interval that is not a multiple of Grafana's 10 s scheduler tick", () => {
    expect(
      problemsOf(
        exampleConfig({
          "pizza-observability:alerting": { runbookBaseUrl: "https://example.com/rb", groupEvaluationIntervalSeconds: { orders: 15 } },
        }),
      ),
    ).toEqual([
      "pizza-observability:alerting.groupEvaluationIntervalSeconds.orders: expected a multiple of 10 seconds (Grafana's scheduler interval) (got 15)",
    ]);
  });

  it("rejects a credential URL that is not one, without echoing it", () => {
    const problems = problemsOf(exampleConfig({ "pizza-observability:heartbeatUrl": "S3CRET-not-a-url" }));
    expect(problems).toEqual(["pizza-observability:heartbeatUrl: expected an http(s) URL"]);
    expect(containsSecret(problems.join("\n"))).toBe(false);
  });
});
