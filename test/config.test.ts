import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../src/config";
import { Secret } from "../src/secret";
import { containsSecret, exampleConfig, PAGERDUTY_SECRET } from "./support";

function problemsOf(raw: Record<string, unknown>): string[] {
  try {
    parseConfig(raw);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
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
    expect(cfg.telemetry.logs).toEqual({ sourceLabel: "component", typeLabel: "type", httpType: "http", levelLabel: "level", errorLevel: "error" });
    expect(cfg.telemetry.metrics.activeUsers).toBe("active_users_ratio");
    expect(cfg.telemetry.metrics.requests).toBe("requests_total");
    expect(cfg.thresholds.order5xx).toEqual({ count: 2, window: "5m", pendingPeriod: "1m" });
    expect(cfg.onCallWebhookUrl).toBeInstanceOf(Secret);
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
    expect(problemsOf(exampleConfig({ "grafana:url": "not a url" }))).toEqual([
      'grafana:url: expected an http(s) URL (got "not a url")',
    ]);
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
      "pizza-observability:treshold: unknown key (check its spelling against Pulumi.example.yaml)",
    ]);
    expect(problemsOf(exampleConfig({ "pizza-observability:telemetry": { metrics: { request: "x_total" } } }))).toEqual([
      "pizza-observability:telemetry.metrics.request: unknown key (check its spelling against Pulumi.example.yaml)",
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
    expect(
      problemsOf(exampleConfig({ "pizza-observability:contacts": { teamEmail: "team@example.com", onCall: "pagerduty" } })),
    ).toEqual(['pizza-observability:pagerDutyIntegrationKey: is required (is required when contacts.onCall is "pagerduty")']);
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
